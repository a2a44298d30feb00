package vn.drugcontrol.rules.law;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.crosscheck.CommuneGenerator;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.ShippedRuleSets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The build gate's second half: the scenario tables guard the law. Each value of each
 * parameter of the shipped rule sets is moved one step up and one step down (a rate by
 * 0.01 percentage point — one person in 10,000 residents —, a count, a plant or a square
 * metre by one; see {@link Unit#step()}), and each shipped rule set's own scenario tables
 * must then fail on at least one row. The table of mutations and the rows that kill them
 * is printed; a surviving mutation fails the build.
 * <p>
 * A mutation that no scenario can kill, because the reading makes it change nothing, is
 * declared in {@link #EQUIVALENT} with the reason, and proven so: the mutated rules must
 * classify thousands of generated communes (concentrated on the thresholds) exactly as
 * the shipped ones. A declared mutation that a scenario kills, or that changes a
 * generated commune, fails the build too: the list stays true.
 */
class ParameterMutationTest {

	/** rule set / parameter / direction → why no commune can tell the mutation apart. */
	static final Map<String, String> EQUIVALENT = Map.of("default/type2.route_criteria/+1",
			"type III's three criteria (users, arrests, plants) are met by every "
					+ "commune in the cumulative reading, so point 4.2.đ counts at least three other criteria",
			"default/type2.route_criteria/-1", "as above: at least three other criteria are always met",
			"literal/type2.route_criteria/+1",
			"users, arrests and plants each fall in some band of 4.1–4.3 in the "
					+ "literal reading, so point 4.2.đ counts at least three other criteria",
			"literal/type2.route_criteria/-1", "as above: at least three other criteria are always met",
			"default/type3.criteria_needed/+1",
			"all three criteria of 4.3 hold for every commune in the cumulative " + "reading",
			"default/type3.criteria_needed/-1",
			"all three criteria of 4.3 hold for every commune in the cumulative " + "reading");

	/** One mutation's fate under each rule set. */
	record Mutation(Parameter parameter, Parameter.Dated value, BigDecimal mutated, String direction,
			Map<String, String> killedBy) {
	}

	@Test
	void everyParameterMutationIsKilledByAShippedScenario() {
		Map<String, RuleSet> ruleSets = new LinkedHashMap<>();
		Map<String, List<ShippedScenarios.Row>> rows = new LinkedHashMap<>();
		for (String name : ShippedRuleSets.names()) {
			RuleSet rules = ShippedRuleSets.compiled(name);
			ruleSets.put(name, rules);
			rows.put(name, ShippedScenarios.rows(name));
			assertThat(ShippedScenarios.failures(ShippedScenarios.run(rules, rows.get(name))))
				.as("the scenarios of '" + name + "' pass before any mutation")
				.isEmpty();
		}
		List<Mutation> mutations = new ArrayList<>();
		List<String> survivors = new ArrayList<>();
		for (Parameter p : ruleSets.get(ShippedRuleSets.DEFAULT).law().orElseThrow().parameters().parameters()) {
			for (Parameter.Dated d : p.values()) {
				for (String direction : List.of("+1", "-1")) {
					BigDecimal mutated = direction.equals("+1") ? d.value().add(p.unit().step())
							: d.value().subtract(p.unit().step());
					if (mutated.signum() < 0) {
						continue;
					}
					Map<String, String> killedBy = new LinkedHashMap<>();
					for (String name : ruleSets.keySet()) {
						RuleSet mutant = ruleSets.get(name).withParameter(p.id(), d.effectiveFrom(), mutated);
						List<String> failing = ShippedScenarios.failures(ShippedScenarios.run(mutant, rows.get(name)));
						String key = name + "/" + p.id() + "/" + direction;
						if (!failing.isEmpty()) {
							String row = failing.get(0);
							killedBy.put(name, row.substring(0, row.indexOf(' ')));
							if (EQUIVALENT.containsKey(key)) {
								survivors.add(key + " is declared equivalent but " + row + " kills it: remove it from "
										+ "EQUIVALENT");
							}
						}
						else if (EQUIVALENT.containsKey(key)) {
							String differs = differsOnGeneratedCommunes(ruleSets.get(name), mutant, d.effectiveFrom());
							killedBy.put(name, differs == null ? "equivalent" : "SURVIVED");
							if (differs != null) {
								survivors.add(key + " is declared equivalent, but " + differs
										+ ": add a scenario row that shows it");
							}
						}
						else {
							killedBy.put(name, "SURVIVED");
							survivors.add(key + " (" + d.value() + " → " + mutated + ") survives every scenario of '"
									+ name + "': add a row at its edge");
						}
					}
					mutations.add(new Mutation(p, d, mutated, direction, killedBy));
				}
			}
		}
		System.out.println(table(mutations, ruleSets.keySet()));
		assertThat(survivors).as("parameter mutations no shipped scenario kills").isEmpty();
	}

	/**
	 * The first generated commune the two rule sets classify differently (class or
	 * criteria met), or null when there is none.
	 */
	private static String differsOnGeneratedCommunes(RuleSet shipped, RuleSet mutant, int period) {
		List<CommuneFacts> communes = new CommuneGenerator(period).next(5_000)
			.stream()
			.map(c -> CommuneFacts.builder(c.communeCode())
				.period(Math.max(period, c.period()))
				.population(c.population())
				.managedUsers(c.managedUsers())
				.inSubstitutionTreatment(c.inSubstitutionTreatment())
				.inCommunityRehab(c.inCommunityRehab())
				.inPostRehabManagement(c.inPostRehabManagement())
				.drugUsePoints(c.drugUsePoints())
				.arrestedOffenders(c.arrestedOffenders())
				.residentViolators(c.residentViolators())
				.wantedFugitives(c.wantedFugitives())
				.plantsDestroyed(c.plantsDestroyed())
				.plantAreaM2(c.plantAreaM2().toPlainString())
				.onIntraProvincialRoute(c.onIntraProvincialRoute())
				.onInterProvincialRoute(c.onInterProvincialRoute())
				.build())
			.toList();
		List<CommuneOutcome> before = shipped.classify(communes);
		List<CommuneOutcome> after = mutant.classify(communes);
		for (int i = 0; i < communes.size(); i++) {
			if (before.get(i).classification() != after.get(i).classification()
					|| !before.get(i).criteriaMet().equals(after.get(i).criteriaMet())) {
				return "generated commune " + communes.get(i) + " is " + before.get(i).classification() + " "
						+ before.get(i).criteriaMet() + " before and " + after.get(i).classification() + " "
						+ after.get(i).criteriaMet() + " after";
			}
		}
		return null;
	}

	private static String table(List<Mutation> mutations, Iterable<String> ruleSets) {
		StringBuilder t = new StringBuilder("\nParameter mutations and the scenario rows that kill them\n");
		t.append(String.format("%-26s %6s %8s %9s", "parameter", "from", "value", "mutation"));
		ruleSets.forEach(name -> t.append(String.format("  %-34s", name)));
		t.append('\n');
		int killed = 0;
		int total = 0;
		for (Mutation m : mutations) {
			t.append(String.format("%-26s %6d %8s %9s", m.parameter().id(), m.value().effectiveFrom(),
					m.value().value().toPlainString(), "→ " + m.mutated().toPlainString()));
			for (String name : ruleSets) {
				String by = m.killedBy().get(name);
				t.append(String.format("  %-34s", by));
				total++;
				if (!"SURVIVED".equals(by)) {
					killed++;
				}
			}
			t.append('\n');
		}
		t.append(killed).append(" of ").append(total).append(" mutations killed or proven equivalent\n");
		return t.toString();
	}

}
