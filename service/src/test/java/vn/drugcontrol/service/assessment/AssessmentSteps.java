package vn.drugcontrol.service.assessment;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Two communes of Cao Bằng (04) and their 2025 figures as their police would enter them:
 * the rows of {@code data-samples/cao-bang-2025.csv}, so a run of them must give what the
 * sample's run gives.
 */
public final class AssessmentSteps {

	/** Thục Phán: type I in the sample (criteria 4.1.a, b, c, đ). */
	public static final String THUC_PHAN = "01273";

	/** Sơn Lộ: drug-free in the sample. */
	public static final String SON_LO = "01360";

	public static final int PERIOD = 2025;

	private AssessmentSteps() {
	}

	/** Thục Phán's figures (JSON field → value as typed). */
	public static Map<String, String> thucPhan() {
		return figures("36850", "192", "58", "12", "9", "2", "39", "31", "1", "0", "0", "true", "false", "6");
	}

	/** Sơn Lộ's figures. */
	public static Map<String, String> sonLo() {
		return figures("5230", "3", "2", "1", "0", "0", "0", "0", "0", "0", "0", "false", "false", "0");
	}

	private static Map<String, String> figures(String... values) {
		String[] fields = { "population", "managedUsers", "inSubstitutionTreatment", "inCommunityRehab",
				"inPostRehabManagement", "drugUsePoints", "arrestedOffenders", "residentViolators", "wantedFugitives",
				"plantsDestroyed", "plantAreaM2", "onIntraProvincialRoute", "onInterProvincialRoute",
				"heldInCentresOrPrison" };
		Map<String, String> figures = new LinkedHashMap<>();
		for (int i = 0; i < fields.length; i++) {
			figures.put(fields[i], values[i]);
		}
		return figures;
	}

}
