package vn.drugcontrol.service.scenario;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetExecutionException;
import vn.drugcontrol.rules.engine.RuleSetListener;
import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.rules.law.LawBook;
import vn.drugcontrol.rules.law.Parameter;
import vn.drugcontrol.rules.province.ProvinceFacts;

/**
 * What classes a rule set can give, found by trying it: a grid of communes of 10,000
 * residents at both sides of every band edge of Art. 4 — the edges are its own parameters
 * ({@code law/parameters.csv}, those of the clauses of Art. 4: each rate at its value and
 * one person below, applied to users and to arrests; each number of drug-use points at
 * its value and one below; each plants-or-area band at its plants, at its area, and one
 * below both), off, on an intra- and on an inter-provincial route — plus the Art. 6
 * exceptions, and the province they make up; for every period from which some value takes
 * effect. A bundle without parameters (stored before them) is probed at the shipped
 * parameters' edges. It tells whether the rules give {@code UNCLASSIFIED} (the literal
 * reading does, between its bands; the cumulative one cannot), so its scenario tables
 * must show it, and whether they give every commune and the province exactly one class,
 * without which a run or a simulation cannot use them.
 * <p>
 * A rule set giving {@code UNCLASSIFIED} only to facts off these edges is not caught; the
 * edges are where readings of the Decision differ. Results are kept per content (the same
 * text and parameters classify the same way); the rules' metrics do not count the probe.
 */
public final class ClassProbe {

	private static final long RESIDENTS = 10_000;

	private static final Map<String, Result> RESULTS = new ConcurrentHashMap<>();

	private ClassProbe() {
	}

	/**
	 * @param classes the classes the rules gave the probe's communes
	 * @param unusable why they cannot classify them (no class or several for a commune or
	 * the province); null when they can
	 */
	public record Result(Set<Classification> classes, String unusable) {
	}

	public static Result of(RuleSet rules) {
		return RESULTS.computeIfAbsent(rules.contentHash(), hash -> probe(rules.withListener(RuleSetListener.NONE)));
	}

	private static Result probe(RuleSet rules) {
		Set<Classification> classes = EnumSet.noneOf(Classification.class);
		LawBook law = rules.law().orElseGet(() -> ShippedRuleSets.defaultReading().law().orElseThrow());
		// a bundle without parameters is probed in the period the shipped ones are first
		// read for
		Set<Integer> periods = rules.law().isPresent() ? law.periods() : Set.of(2025);
		try {
			for (int period : periods) {
				List<CommuneFacts> communes = communes(law, period);
				List<CommuneOutcome> outcomes = rules.classify(communes);
				outcomes.forEach(o -> classes.add(o.classification()));
				rules.classifyProvince(ProvinceFacts.aggregate("00", period, communes,
						outcomes.stream().map(CommuneOutcome::classification).toList(), communes.size(), false));
			}
			return new Result(Set.copyOf(classes), null);
		}
		catch (RuleSetExecutionException ex) {
			return new Result(Set.copyOf(classes), "the rules cannot classify every commune and province of the "
					+ "class probe (facts at every band edge of Art. 4 and 6): " + ex.getMessage());
		}
	}

	/** The probe's communes for the law in force at a period. */
	static List<CommuneFacts> communes(LawBook law, int period) {
		Set<Long> rates = new TreeSet<>(Set.of(0L));
		Set<Long> points = new TreeSet<>(Set.of(0L));
		Map<String, long[]> bands = new TreeMap<>();
		for (Parameter p : law.parameters().parameters()) {
			if (!p.clause().startsWith("4.")) {
				continue;
			}
			BigDecimal value = p.valueAt(period).orElse(null);
			if (value == null) {
				continue;
			}
			switch (p.unit()) {
				case PERCENT -> {
					// the fewest people of 10,000 residents that reach the rate, and one
					// fewer
					long edge = value.multiply(BigDecimal.valueOf(RESIDENTS))
						.divide(BigDecimal.valueOf(100))
						.setScale(0, RoundingMode.CEILING)
						.longValueExact();
					rates.add(edge);
					rates.add(Math.max(0, edge - 1));
				}
				case POINTS -> {
					points.add(value.longValueExact());
					points.add(Math.max(0, value.longValueExact() - 1));
				}
				case PLANTS ->
					bands.computeIfAbsent(p.clause(), k -> new long[] { -1, -1 })[0] = value.longValueExact();
				case M2 -> bands.computeIfAbsent(p.clause(), k -> new long[] { -1, -1 })[1] = value
					.setScale(0, RoundingMode.CEILING)
					.longValueExact();
				default -> {
				}
			}
		}
		List<long[]> plants = new ArrayList<>();
		plants.add(new long[] { 0, 0 });
		for (long[] band : bands.values()) {
			if (band[0] >= 0 && band[1] >= 0) {
				plants.add(new long[] { Math.max(0, band[0] - 1), Math.max(0, band[1] - 1) });
				plants.add(new long[] { band[0], 0 });
				plants.add(new long[] { 0, band[1] });
			}
		}
		boolean[][] routes = { { false, false }, { true, false }, { false, true } };
		List<CommuneFacts> communes = new ArrayList<>();
		for (long u : rates) {
			for (long p : points) {
				for (long a : rates) {
					for (long[] plant : plants) {
						for (boolean[] route : routes) {
							communes.add(commune(communes.size(), period, u, 0, p, a, a, 0, plant[0], plant[1],
									route[0], route[1]));
						}
					}
				}
			}
		}
		// Art. 6.1's exception, and Art. 6.2's two halves one at a time
		communes.add(commune(communes.size(), period, 3, 3, 0, 0, 0, 0, 0, 0, false, false));
		communes.add(commune(communes.size(), period, 0, 0, 0, 0, 1, 0, 0, 0, false, false));
		communes.add(commune(communes.size(), period, 0, 0, 0, 0, 0, 1, 0, 0, false, false));
		return List.copyOf(communes);
	}

	private static CommuneFacts commune(int n, int period, long users, long inSubstitution, long points, long arrests,
			long residentViolators, long fugitives, long plants, long area, boolean intra, boolean inter) {
		return CommuneFacts.builder(String.format("%05d", n + 1))
			.name("probe " + (n + 1))
			.province("00")
			.period(period)
			.population(RESIDENTS)
			.managedUsers(users)
			.inSubstitutionTreatment(inSubstitution)
			.drugUsePoints(points)
			.arrestedOffenders(arrests)
			.residentViolators(residentViolators)
			.wantedFugitives(fugitives)
			.plantsDestroyed(plants)
			.plantAreaM2(BigDecimal.valueOf(area))
			.onIntraProvincialRoute(intra)
			.onInterProvincialRoute(inter)
			.build();
	}

}
