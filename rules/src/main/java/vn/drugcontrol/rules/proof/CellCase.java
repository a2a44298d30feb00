package vn.drugcontrol.rules.proof;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;

/**
 * One commune of the check's grid and what the rules gave it.
 *
 * @param facts the commune (10,000 residents; its code is its position on the grid)
 * @param classification its class, or null when no class rule or several fired
 * @param classRules how many class rules fired (1 when the rules are sound)
 */
public record CellCase(CommuneFacts facts, Classification classification, int classRules) {

	/** The header of a scenario table the rows below fit (docs/rules-authoring.md). */
	public static final String SCENARIO_HEADER = "scenario,commune_code,commune_name,province_code,period,population,"
			+ "managed_users,in_substitution_treatment,in_community_rehab,in_post_rehab_management,drug_use_points,"
			+ "arrested_offenders,resident_violators,wanted_fugitives,plants_destroyed,plant_area_m2,"
			+ "on_intra_provincial_route,on_inter_provincial_route,expected_classification,expected_criteria";

	/**
	 * This commune as a row of a scenario table, expecting {@code expected}: ready for an
	 * analyst to add to the bundle's table.
	 * @param code the row's commune code (five digits)
	 */
	public String scenarioRow(String scenario, String code, Classification expected) {
		CommuneFacts f = facts;
		return String.join(",", quote(scenario), code, "Xã Kiểm Tra", "01", String.valueOf(f.period()),
				String.valueOf(f.population()), String.valueOf(f.managedUsers()),
				String.valueOf(f.inSubstitutionTreatment()), String.valueOf(f.inCommunityRehab()),
				String.valueOf(f.inPostRehabManagement()), String.valueOf(f.drugUsePoints()),
				String.valueOf(f.arrestedOffenders()), String.valueOf(f.residentViolators()),
				String.valueOf(f.wantedFugitives()), String.valueOf(f.plantsDestroyed()),
				f.plantAreaM2().stripTrailingZeros().toPlainString(), String.valueOf(f.onIntraProvincialRoute()),
				String.valueOf(f.onInterProvincialRoute()), expected.name(), "");
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
