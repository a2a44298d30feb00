package vn.drugcontrol.rules.law;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.drugcontrol.rules.criteria.CriterionEvidence;
import vn.drugcontrol.rules.crosscheck.CommuneGenerator;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.ShippedRuleSets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build gate's first half: every clause the shipped rules cite has scenario rows on
 * both sides of each of its thresholds, reported per clause; below 100% the build fails.
 * <ul>
 * <li>a criterion: for each parameter its bound reads, a row below it and a row at or
 * above it (the bound's edges, as the evidence records them); a criterion whose bound
 * reads no parameter (Art. 6's "none", Art. 5.6's route), a row that meets it and one
 * that does not;</li>
 * <li>a count rule: a row with fewer of its article's criteria met than its parameter
 * asks, and one with as many or more (for Art. 6, which asks for all: a row meeting all
 * and one that does not);</li>
 * <li>a reading or a check: a row on which a rule citing it fires.</li>
 * </ul>
 */
class ClauseCoverageTest {

	/**
	 * rule set / clause: what no commune can show, and why. Each is proven on thousands
	 * of generated communes (concentrated on the thresholds): none of them shows it
	 * either.
	 */
	static final Map<String, String> UNREACHABLE = Map.of("default/4.2.đ: a row below type2.route_criteria",
			"users, arrests and plants meet type III's criteria "
					+ "for every commune in the cumulative reading: point 4.2.đ always counts three others",
			"literal/4.2.đ: a row below type2.route_criteria",
			"users, arrests and plants each fall in some band of "
					+ "4.1–4.3 in the literal reading: point 4.2.đ always counts three others",
			"default/4.3: a row meeting fewer than type3.criteria_needed",
			"all three criteria of 4.3 hold for every commune in the cumulative reading");

	/** One thing a clause's rows must show, and whether some row shows it. */
	record Item(String what, boolean covered) {
	}

	@ParameterizedTest
	@ValueSource(strings = { ShippedRuleSets.DEFAULT, ShippedRuleSets.LITERAL })
	void everyClauseHasScenarioRowsOnBothSidesOfEachOfItsThresholds(String name) {
		RuleSet rules = ShippedRuleSets.compiled(name);
		LawBook law = rules.law().orElseThrow();
		List<ShippedScenarios.Result> results = ShippedScenarios.run(rules, ShippedScenarios.rows(name));
		assertThat(ShippedScenarios.failures(results)).as("failing scenario rows of " + name).isEmpty();
		Map<String, List<String>> byRule = rules.clausesByRule();
		Set<String> cited = new TreeSet<>();
		byRule.values().forEach(cited::addAll);
		Map<Clause, List<Item>> coverage = new LinkedHashMap<>();
		for (Clause clause : law.register().clauses()) {
			if (cited.contains(clause.id())) {
				coverage.put(clause, items(clause, law, results, byRule));
			}
		}
		StringBuilder table = new StringBuilder("\nClause coverage of the scenario tables of '" + name + "'\n");
		table.append(String.format("%-32s %-9s %8s  %s%n", "clause", "kind", "covered", "missing"));
		int total = 0;
		int covered = 0;
		List<String> missing = new ArrayList<>();
		List<ShippedScenarios.Result> generated = null;
		for (Map.Entry<Clause, List<Item>> e : coverage.entrySet()) {
			List<Item> items = new ArrayList<>();
			for (Item item : e.getValue()) {
				String key = name + "/" + e.getKey().id() + ": " + item.what();
				if (!item.covered() && UNREACHABLE.containsKey(key)) {
					if (generated == null) {
						generated = ShippedScenarios.run(rules, generatedRows());
					}
					boolean shown = items(e.getKey(), law, generated, byRule).stream()
						.anyMatch(i -> i.what().equals(item.what()) && i.covered());
					assertThat(shown)
						.as(key + " is declared unreachable, but a generated commune shows it: add a "
								+ "scenario row that does")
						.isFalse();
					items.add(new Item(item.what() + " (unreachable: " + UNREACHABLE.get(key) + ")", true));
				}
				else {
					assertThat(item.covered() && UNREACHABLE.containsKey(key))
						.as(key + " is declared unreachable but "
								+ "a scenario row shows it: remove it from UNREACHABLE")
						.isFalse();
					items.add(item);
				}
			}
			e.setValue(items);
			long ok = e.getValue().stream().filter(Item::covered).count();
			total += e.getValue().size();
			covered += (int) ok;
			List<String> gaps = e.getValue().stream().filter(i -> !i.covered()).map(Item::what).toList();
			gaps.forEach(g -> missing.add(e.getKey().id() + ": " + g));
			table.append(String.format("%-32s %-9s %8s  %s%n", e.getKey().id(), e.getKey().kind().label(),
					ok + "/" + e.getValue().size(), String.join("; ", gaps)));
		}
		table.append(String.format("%-32s %-9s %8s  %d%%%n", "total", "", covered + "/" + total,
				total == 0 ? 0 : covered * 100 / total));
		System.out.println(table);
		assertThat(missing).as("clause coverage of '" + name + "' below 100%: " + table).isEmpty();
		assertThat(cited).as("clauses the rules of '" + name + "' cite that are not in the register")
			.allMatch(law.register()::contains);
	}

	/** Generated communes, as scenario rows expecting nothing: for the proofs. */
	private static List<ShippedScenarios.Row> generatedRows() {
		return new CommuneGenerator(2025).next(3_000)
			.stream()
			.map(c -> new ShippedScenarios.Row("generated", 0, c.communeCode(), c, "", List.of()))
			.toList();
	}

	private static List<Item> items(Clause clause, LawBook law, List<ShippedScenarios.Result> results,
			Map<String, List<String>> byRule) {
		List<Item> items = new ArrayList<>();
		switch (clause.kind()) {
			case CRITERION -> {
				List<CriterionEvidence> evidence = results.stream()
					.flatMap(r -> r.evidence().stream())
					.filter(e -> e.id().equals(clause.id()))
					.toList();
				Set<String> parameters = new TreeSet<>();
				evidence.forEach(e -> parameters.addAll(e.reached().keySet()));
				for (String p : parameters) {
					items.add(new Item("a row below " + p,
							evidence.stream().anyMatch(e -> Boolean.FALSE.equals(e.reached().get(p)))));
					items.add(new Item("a row at or above " + p,
							evidence.stream().anyMatch(e -> Boolean.TRUE.equals(e.reached().get(p)))));
				}
				if (parameters.isEmpty()) {
					items.add(new Item("a row meeting it", evidence.stream().anyMatch(CriterionEvidence::met)));
					items.add(new Item("a row not meeting it", evidence.stream().anyMatch(e -> !e.met())));
				}
			}
			case COUNT -> {
				List<Parameter> needed = law.parameters()
					.parameters()
					.stream()
					.filter(p -> p.clause().equals(clause.id()))
					.toList();
				List<long[]> counts = new ArrayList<>();
				for (ShippedScenarios.Result r : results) {
					List<CriterionEvidence> of = r.evidence()
						.stream()
						.filter(e -> e.article().equals(clause.id()))
						.toList();
					if (!of.isEmpty()) {
						counts.add(new long[] { of.stream().filter(CriterionEvidence::met).count(), of.size(),
								ShippedScenarios.period(r.row()) });
					}
				}
				for (Parameter p : needed) {
					items.add(new Item("a row meeting fewer than " + p.id(), counts.stream()
						.anyMatch(c -> BigDecimal.valueOf(c[0]).compareTo(p.valueAt((int) c[2]).orElseThrow()) < 0)));
					items.add(new Item("a row meeting " + p.id() + " or more", counts.stream()
						.anyMatch(c -> BigDecimal.valueOf(c[0]).compareTo(p.valueAt((int) c[2]).orElseThrow()) >= 0)));
				}
				if (needed.isEmpty()) {
					items.add(new Item("a row meeting all", counts.stream().anyMatch(c -> c[0] == c[1])));
					items.add(new Item("a row not meeting all", counts.stream().anyMatch(c -> c[0] < c[1])));
				}
			}
			default -> {
				Set<String> citing = new TreeSet<>();
				byRule.forEach((rule, clauses) -> {
					if (clauses.contains(clause.id())) {
						citing.add(rule);
					}
				});
				items.add(new Item("a row firing a rule that cites it",
						results.stream().anyMatch(r -> r.firedRules().stream().anyMatch(citing::contains))));
			}
		}
		return items;
	}

}
