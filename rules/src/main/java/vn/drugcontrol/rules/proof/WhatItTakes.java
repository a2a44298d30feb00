package vn.drugcontrol.rules.proof;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.FactsColumn;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.rules.law.LawBook;
import vn.drugcontrol.rules.law.Parameter;

/**
 * "What would it take, exactly": the smallest changes of a commune's facts that move it
 * to a better class, found by searching the bands of the rule set's own parameters and
 * confirmed by running its own rules on the changed facts — never by a formula beside the
 * rules. Each measure can fall to just below each band edge under its value (the fewest
 * people, points, plants or m² fewer that leave the band), or to none; a route can be
 * delisted; users outside the exempt groups can be taken into treatment (they stay users
 * with records). The search tries one measure at a time, then two, then three, and keeps
 * the fewest measures that work (for each set of measures, the mildest values). Towards
 * drug-free, the measures Art. 6 names (users outside the exempt groups, drug-use points,
 * violators, fugitives) are set to none first, and the search goes on from there.
 */
public final class WhatItTakes {

	/** At most this many measures change together. */
	static final int MOST_MEASURES = 3;

	private WhatItTakes() {
	}

	/** One measure's change: from its value to the new one. */
	public record Change(Step measure, String from, String to) {
	}

	/**
	 * A way to a better class, confirmed by the rules.
	 *
	 * @param changes the facts that change
	 * @param gives the class the rules give the changed commune
	 */
	public record Way(List<Change> changes, Classification gives) {
	}

	/**
	 * @param now the commune's class
	 * @param oneClassDown the fewest changes that give a better class than {@code now}
	 * (other than unclassified), each with the class the rules give — for the literal
	 * reading not always the next type
	 * @param toDrugFree the fewest changes that make it drug-free
	 * @param tried communes classified in the search
	 */
	public record Answer(Classification now, List<Way> oneClassDown, List<Way> toDrugFree, int tried) {
	}

	/** One candidate: the facts and the changes that made them. */
	private record Candidate(CommuneFacts facts, List<Change> changes) {
	}

	public static Answer of(RuleSet rules, CommuneFacts commune) {
		Classification now = rules.classify(commune).classification();
		LawBook law = rules.law().orElseGet(() -> ShippedRuleSets.defaultReading().law().orElseThrow());
		Map<Step, List<Long>> options = options(law, commune);
		int[] tried = { 0 };
		List<Way> down = List.of();
		if (now != Classification.DRUG_FREE) {
			down = search(rules, commune, List.of(), options, c -> c != Classification.UNCLASSIFIED
					&& ExhaustiveCheck.severity(c) < ExhaustiveCheck.severity(now), tried);
		}
		List<Way> free = List.of();
		if (now != Classification.DRUG_FREE) {
			// Art. 6's measures to none first
			List<Change> forced = new ArrayList<>();
			CommuneFacts base = commune;
			for (Step art6 : List.of(Step.USERS_OUTSIDE_EXEMPTIONS, Step.DRUG_USE_POINTS,
					Step.VIOLATORS_OR_FUGITIVES)) {
				if (value(base, art6) > 0) {
					CommuneFacts next = with(base, art6, 0);
					forced.add(change(base, next, art6));
					base = next;
				}
			}
			Map<Step, List<Long>> rest = new EnumMap<>(options);
			rest.keySet()
				.removeAll(List.of(Step.USERS_OUTSIDE_EXEMPTIONS, Step.DRUG_USE_POINTS, Step.VIOLATORS_OR_FUGITIVES));
			CommuneFacts start = base;
			rest.replaceAll((step, values) -> values.stream().filter(v -> v < value(start, step)).toList());
			rest.values().removeIf(List::isEmpty);
			free = search(rules, start, forced, rest, c -> c == Classification.DRUG_FREE, tried);
		}
		return new Answer(now, down, free, tried[0]);
	}

	/**
	 * Searches one measure at a time, then two, then three: the first level where some
	 * candidate's class passes {@code wanted} gives the answer, one way per set of
	 * measures (its mildest values).
	 */
	private static List<Way> search(RuleSet rules, CommuneFacts commune, List<Change> forced,
			Map<Step, List<Long>> options, java.util.function.Predicate<Classification> wanted, int[] tried) {
		if (!forced.isEmpty()) {
			Classification c = rules.classify(code(commune)).classification();
			tried[0]++;
			if (wanted.test(c)) {
				return List.of(new Way(forced, c));
			}
		}
		List<Step> measures = new ArrayList<>(options.keySet());
		for (int size = 1; size <= Math.min(MOST_MEASURES, measures.size()); size++) {
			List<Candidate> candidates = new ArrayList<>();
			for (List<Step> subset : subsets(measures, size)) {
				combine(commune, subset, 0, options, new ArrayList<>(forced), candidates);
			}
			List<CommuneFacts> facts = new ArrayList<>();
			for (int i = 0; i < candidates.size(); i++) {
				facts.add(code(candidates.get(i).facts(), i));
			}
			List<Classification> classes = rules.examine(facts,
					e -> e.verdicts().size() == 1 ? e.verdicts().get(0).classification() : null);
			tried[0] += facts.size();
			Map<String, Way> bySubset = new LinkedHashMap<>();
			for (int i = 0; i < candidates.size(); i++) {
				Classification c = classes.get(i);
				if (c != null && wanted.test(c)) {
					Candidate cand = candidates.get(i);
					String key = cand.changes().stream().map(ch -> ch.measure().name()).sorted().toList().toString();
					bySubset.putIfAbsent(key, new Way(cand.changes(), c));
				}
			}
			if (!bySubset.isEmpty()) {
				return List.copyOf(bySubset.values());
			}
		}
		return List.of();
	}

	/** Every combination of the subset's values, mildest (largest) first. */
	private static void combine(CommuneFacts facts, List<Step> subset, int i, Map<Step, List<Long>> options,
			List<Change> changes, List<Candidate> out) {
		if (i == subset.size()) {
			out.add(new Candidate(facts, List.copyOf(changes)));
			return;
		}
		Step step = subset.get(i);
		for (long v : options.get(step)) {
			CommuneFacts next = with(facts, step, v);
			changes.add(change(facts, next, step));
			combine(next, subset, i + 1, options, changes, out);
			changes.remove(changes.size() - 1);
		}
	}

	private static List<List<Step>> subsets(List<Step> measures, int size) {
		List<List<Step>> out = new ArrayList<>();
		subsets(measures, size, 0, new ArrayList<>(), out);
		return out;
	}

	private static void subsets(List<Step> measures, int size, int from, List<Step> current, List<List<Step>> out) {
		if (current.size() == size) {
			out.add(List.copyOf(current));
			return;
		}
		for (int i = from; i < measures.size(); i++) {
			current.add(measures.get(i));
			subsets(measures, size, i + 1, current, out);
			current.remove(current.size() - 1);
		}
	}

	/**
	 * The lower values each measure can take: just below each band edge under its value,
	 * and none; largest first.
	 */
	static Map<Step, List<Long>> options(LawBook law, CommuneFacts c) {
		Map<Step, TreeSet<Long>> edges = new EnumMap<>(Step.class);
		for (Parameter p : law.parameters().parameters()) {
			if (!p.clause().startsWith("4.")) {
				continue;
			}
			BigDecimal value = p.valueAt(c.period()).orElse(null);
			if (value == null) {
				continue;
			}
			String id = p.id().toLowerCase(Locale.ROOT);
			switch (p.unit()) {
				case PERCENT -> {
					long edge = value.multiply(BigDecimal.valueOf(c.population()))
						.divide(BigDecimal.valueOf(100))
						.setScale(0, RoundingMode.CEILING)
						.longValueExact();
					if (id.contains("user") || !id.contains("arrest")) {
						edges.computeIfAbsent(Step.USERS, k -> new TreeSet<>()).add(edge);
					}
					if (id.contains("arrest") || !id.contains("user")) {
						edges.computeIfAbsent(Step.ARRESTS, k -> new TreeSet<>()).add(edge);
					}
				}
				case POINTS ->
					edges.computeIfAbsent(Step.DRUG_USE_POINTS, k -> new TreeSet<>()).add(value.longValueExact());
				case PLANTS -> edges.computeIfAbsent(Step.PLANTS, k -> new TreeSet<>()).add(value.longValueExact());
				case M2 -> edges.computeIfAbsent(Step.AREA, k -> new TreeSet<>())
					.add(value.setScale(0, RoundingMode.CEILING).longValueExact());
				default -> {
				}
			}
		}
		Map<Step, List<Long>> options = new LinkedHashMap<>();
		for (Step step : Step.values()) {
			long now = value(c, step);
			if (now <= 0) {
				continue;
			}
			TreeSet<Long> values = new TreeSet<>(Comparator.reverseOrder());
			for (long e : edges.getOrDefault(step, new TreeSet<>())) {
				if (e >= 1 && e <= now) {
					values.add(e - 1);
				}
			}
			values.add(0L);
			values.removeIf(v -> v >= now);
			if (!values.isEmpty()) {
				options.put(step, List.copyOf(values));
			}
		}
		return options;
	}

	/** The measure's value: people, points, plants, whole m², or 1 on a route. */
	static long value(CommuneFacts c, Step step) {
		return switch (step) {
			case USERS -> c.managedUsers();
			case USERS_OUTSIDE_EXEMPTIONS -> c.usersOutsideExemptions().total();
			case DRUG_USE_POINTS -> c.drugUsePoints();
			case ARRESTS -> c.arrestedOffenders();
			case PLANTS -> c.plantsDestroyed();
			case AREA -> c.plantAreaM2().setScale(0, RoundingMode.CEILING).longValueExact();
			case KEY_ROUTE -> c.onKeyRoute() ? 1 : 0;
			case VIOLATORS_OR_FUGITIVES -> c.residentViolators() + c.wantedFugitives();
		};
	}

	/** The commune with one measure at a new (lower) value. */
	static CommuneFacts with(CommuneFacts c, Step step, long v) {
		// the facts the step moves; every other fact (and any added later) as it was
		Map<FactsColumn, Object> changed = new EnumMap<>(FactsColumn.class);
		switch (step) {
			case USERS -> {
				// the exempt groups cannot be more than the users
				long sub = c.inSubstitutionTreatment();
				long rehab = c.inCommunityRehab();
				long post = c.inPostRehabManagement();
				long over = sub + rehab + post - v;
				long cut = Math.min(over > 0 ? over : 0, post);
				post -= cut;
				over -= cut;
				cut = Math.min(Math.max(over, 0), rehab);
				rehab -= cut;
				over -= cut;
				sub -= Math.max(over, 0);
				changed.put(FactsColumn.MANAGED_USERS, v);
				changed.put(FactsColumn.IN_SUBSTITUTION_TREATMENT, sub);
				changed.put(FactsColumn.IN_COMMUNITY_REHAB, rehab);
				changed.put(FactsColumn.IN_POST_REHAB_MANAGEMENT, post);
			}
			// the users outside the exempt groups taken into substitution treatment:
			// still
			// users with records (Art. 4 a), no longer against Art. 6.1
			case USERS_OUTSIDE_EXEMPTIONS -> changed.put(FactsColumn.IN_SUBSTITUTION_TREATMENT,
					c.managedUsers() - c.inCommunityRehab() - c.inPostRehabManagement() - v);
			case DRUG_USE_POINTS -> changed.put(FactsColumn.DRUG_USE_POINTS, v);
			case ARRESTS -> changed.put(FactsColumn.ARRESTED_OFFENDERS, v);
			case PLANTS -> changed.put(FactsColumn.PLANTS_DESTROYED, v);
			case AREA -> changed.put(FactsColumn.PLANT_AREA_M2, BigDecimal.valueOf(v));
			case KEY_ROUTE -> {
				changed.put(FactsColumn.ON_INTRA_PROVINCIAL_ROUTE, false);
				changed.put(FactsColumn.ON_INTER_PROVINCIAL_ROUTE, false);
			}
			case VIOLATORS_OR_FUGITIVES -> {
				changed.put(FactsColumn.RESIDENT_VIOLATORS, 0L);
				changed.put(FactsColumn.WANTED_FUGITIVES, 0L);
			}
		}
		return FactsColumn.facts((column) -> changed.containsKey(column) ? changed.get(column) : column.valueOf(c));
	}

	private static Change change(CommuneFacts before, CommuneFacts after, Step step) {
		return new Change(step, show(before, step), show(after, step));
	}

	private static String show(CommuneFacts c, Step step) {
		return switch (step) {
			case AREA -> c.plantAreaM2().stripTrailingZeros().toPlainString();
			case KEY_ROUTE -> c.onInterProvincialRoute() ? "inter-provincial"
					: c.onIntraProvincialRoute() ? "intra-provincial" : "none";
			case VIOLATORS_OR_FUGITIVES -> c.residentViolators() + " + " + c.wantedFugitives();
			default -> String.valueOf(value(c, step));
		};
	}

	private static CommuneFacts code(CommuneFacts c) {
		return code(c, 0);
	}

	private static CommuneFacts code(CommuneFacts c, int i) {
		return FactsColumn.with(c, FactsColumn.COMMUNE_CODE, String.format("%05d", i));
	}

}
