package vn.drugcontrol.rules.proof;

import java.math.BigDecimal;
import java.util.Map;
import java.util.stream.Collectors;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.FactsColumn;

/**
 * One commune of the check's grid and what the rules gave it.
 *
 * @param facts the commune (10,000 residents; its code is its position on the grid)
 * @param classification its class, or null when no class rule or several fired
 * @param classRules how many class rules fired (1 when the rules are sound)
 */
public record CellCase(CommuneFacts facts, Classification classification, int classRules) {

	/**
	 * The header of a scenario table the rows below fit (docs/rules-authoring.md): every
	 * column of the facts contract, in its order.
	 */
	public static final String SCENARIO_HEADER = "scenario,"
			+ FactsColumn.ALL.stream().map(FactsColumn::header).collect(Collectors.joining(","))
			+ ",expected_classification,expected_criteria";

	/**
	 * This commune as a row of a scenario table, expecting {@code expected}: ready for an
	 * analyst to add to the bundle's table.
	 * @param code the row's commune code (five digits)
	 */
	public String scenarioRow(String scenario, String code, Classification expected) {
		Map<FactsColumn, Object> identity = Map.of(FactsColumn.COMMUNE_CODE, code, FactsColumn.COMMUNE_NAME,
				"Xã Kiểm Tra", FactsColumn.PROVINCE_CODE, "01");
		return quote(scenario) + ","
				+ FactsColumn.ALL.stream()
					.map(c -> cell(identity.containsKey(c) ? identity.get(c) : c.valueOf(facts)))
					.collect(Collectors.joining(","))
				+ "," + expected.name() + ",";
	}

	private static String cell(Object value) {
		if (value == null) {
			return "";
		}
		return (value instanceof BigDecimal d) ? d.stripTrailingZeros().toPlainString() : quote(value.toString());
	}

	/** The commune's measures, in a few words (English, as the check prints them). */
	public String describe() {
		CommuneFacts f = facts;
		String exempt = f.inSubstitutionTreatment() > 0 ? " (all in substitution treatment)"
				: f.inCommunityRehab() > 0 ? " (all in family/community rehabilitation)"
						: f.inPostRehabManagement() > 0 ? " (all under post-rehabilitation management)" : "";
		String route = f.onInterProvincialRoute() ? "inter-provincial route"
				: f.onIntraProvincialRoute() ? "intra-provincial route" : "no route";
		return "users " + f.managedUsers() + exempt + ", points " + f.drugUsePoints() + ", arrests "
				+ f.arrestedOffenders() + ", plants " + f.plantsDestroyed() + " / "
				+ f.plantAreaM2().stripTrailingZeros().toPlainString() + " m², " + route + ", violators "
				+ f.residentViolators() + ", fugitives " + f.wantedFugitives() + " (of " + f.population() + ", period "
				+ f.period() + ")";
	}

	private static String quote(String text) {
		return text.contains(",") || text.contains("\"") ? "\"" + text.replace("\"", "\"\"") + "\"" : text;
	}

}
