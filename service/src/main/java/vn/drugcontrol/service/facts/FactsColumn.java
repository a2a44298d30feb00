package vn.drugcontrol.service.facts;

import java.util.function.Function;

import vn.drugcontrol.rules.commune.CommuneFacts;

/**
 * One column of the facts contract ({@code docs/facts-contract}): its CSV/XLSX header,
 * its JSON field, what it holds and how to read it from {@link CommuneFacts}, in the
 * contract's order.
 */
public enum FactsColumn {

	COMMUNE_CODE("commune_code", "communeCode", Kind.TEXT, true,
			"5-digit code of the xã / phường / đặc khu (2025 list)", CommuneFacts::communeCode),

	COMMUNE_NAME("commune_name", "communeName", Kind.TEXT, true, "name, checked against the code",
			CommuneFacts::communeName),

	PROVINCE_CODE("province_code", "provinceCode", Kind.TEXT, true, "2-digit province code",
			CommuneFacts::provinceCode),

	PERIOD("period", "period", Kind.WHOLE_NUMBER, true, "evaluation period, e.g. 2025 = 15 Dec 2024 – 14 Dec 2025",
			CommuneFacts::period),

	POPULATION("population", "population", Kind.WHOLE_NUMBER, true, "people currently residing; > 0",
			CommuneFacts::population),

	MANAGED_USERS("managed_users", "managedUsers", Kind.WHOLE_NUMBER, true,
			"drug addicts and illegal users with a management record, incl. the three groups below (Art. 4 a)",
			CommuneFacts::managedUsers),

	IN_SUBSTITUTION_TREATMENT("in_substitution_treatment", "inSubstitutionTreatment", Kind.WHOLE_NUMBER, true,
			"of those: in opioid substitution treatment (Art. 6.1)", CommuneFacts::inSubstitutionTreatment),

	IN_COMMUNITY_REHAB("in_community_rehab", "inCommunityRehab", Kind.WHOLE_NUMBER, true,
			"of those: in family/community-based rehabilitation (Art. 6.1)", CommuneFacts::inCommunityRehab),

	IN_POST_REHAB_MANAGEMENT("in_post_rehab_management", "inPostRehabManagement", Kind.WHOLE_NUMBER, true,
			"of those: under post-rehabilitation management (Art. 6.1)", CommuneFacts::inPostRehabManagement),

	DRUG_USE_POINTS("drug_use_points", "drugUsePoints", Kind.WHOLE_NUMBER, true,
			"points organising or harbouring illegal drug use (Art. 4 b, 6.3)", CommuneFacts::drugUsePoints),

	ARRESTED_OFFENDERS("arrested_offenders", "arrestedOffenders", Kind.WHOLE_NUMBER, true,
			"drug offenders arrested in the commune (Art. 4 c)", CommuneFacts::arrestedOffenders),

	RESIDENT_VIOLATORS("resident_violators", "residentViolators", Kind.WHOLE_NUMBER, true,
			"residents who violated drug law in the commune (Art. 6.2)", CommuneFacts::residentViolators),

	WANTED_FUGITIVES("wanted_fugitives", "wantedFugitives", Kind.WHOLE_NUMBER, true,
			"fugitives wanted for drug crimes hiding in the commune (Art. 6.2)", CommuneFacts::wantedFugitives),

	PLANTS_DESTROYED("plants_destroyed", "plantsDestroyed", Kind.WHOLE_NUMBER, true,
			"drug plants found and destroyed (Art. 4 d)", CommuneFacts::plantsDestroyed),

	PLANT_AREA_M2("plant_area_m2", "plantAreaM2", Kind.DECIMAL, true,
			"area of drug plants found and destroyed, m² (Art. 4 d)", CommuneFacts::plantAreaM2),

	/** May be left empty or out: derived from the route registry, else false. */
	ON_INTRA_PROVINCIAL_ROUTE("on_intra_provincial_route", "onIntraProvincialRoute", Kind.BOOLEAN, false,
			"lies on an approved intra-provincial key route (Art. 4 đ)", CommuneFacts::onIntraProvincialRoute),

	/** May be left empty or out: derived from the route registry, else false. */
	ON_INTER_PROVINCIAL_ROUTE("on_inter_provincial_route", "onInterProvincialRoute", Kind.BOOLEAN, false,
			"lies on an approved inter-provincial key route (Art. 4 đ, 5.6)", CommuneFacts::onInterProvincialRoute),

	/** May be left empty or out: 0. Recorded, counted in no criterion. */
	HELD_IN_CENTRES_OR_PRISON("held_in_centres_or_prison", "heldInCentresOrPrison", Kind.WHOLE_NUMBER, false,
			"residents held in compulsory rehabilitation centres or prison at the period's end",
			CommuneFacts::heldInCentresOrPrison);

	/** What a column holds. */
	public enum Kind {

		/** Text; codes are text too, so that their leading zeros stay. */
		TEXT,

		/** A whole number ≥ 0 (the period: a year). */
		WHOLE_NUMBER,

		/** A decimal ≥ 0 with a dot. */
		DECIMAL,

		/** true / false (also 1/0, yes/no, có/không). */
		BOOLEAN

	}

	private final String header;

	private final String field;

	private final Kind kind;

	private final boolean required;

	private final String meaning;

	private final Function<CommuneFacts, Object> value;

	FactsColumn(String header, String field, Kind kind, boolean required, String meaning,
			Function<CommuneFacts, Object> value) {
		this.header = header;
		this.field = field;
		this.kind = kind;
		this.required = required;
		this.meaning = meaning;
		this.value = value;
	}

	/** The CSV / XLSX header (snake_case). */
	public String header() {
		return header;
	}

	/** The JSON field (camelCase). */
	public String field() {
		return field;
	}

	public Kind kind() {
		return kind;
	}

	/** Whether the column must be present and filled in. */
	public boolean required() {
		return required;
	}

	/** What it means, in a few English words. */
	public String meaning() {
		return meaning;
	}

	/**
	 * The clauses of Decision 28/2025 this fact serves (ids of the clause register
	 * {@code law/clauses.csv}), for help texts: empty for the identifying columns and for
	 * what no criterion counts.
	 */
	public java.util.List<String> clauses() {
		return switch (this) {
			case POPULATION -> java.util.List.of("4.1.a", "4.1.c", "4.2.a", "4.2.c", "4.3.a", "4.3.b", "5.1", "5.3");
			case MANAGED_USERS -> java.util.List.of("4.1.a", "4.2.a", "4.3.a", "5.1", "6.1");
			case IN_SUBSTITUTION_TREATMENT, IN_COMMUNITY_REHAB, IN_POST_REHAB_MANAGEMENT -> java.util.List.of("6.1");
			case DRUG_USE_POINTS -> java.util.List.of("4.1.b", "4.2.b", "5.2", "6.3");
			case ARRESTED_OFFENDERS -> java.util.List.of("4.1.c", "4.2.c", "4.3.b", "5.3");
			case RESIDENT_VIOLATORS, WANTED_FUGITIVES -> java.util.List.of("6.2");
			case PLANTS_DESTROYED, PLANT_AREA_M2 -> java.util.List.of("4.1.d", "4.2.d", "4.3.c", "5.5");
			case ON_INTRA_PROVINCIAL_ROUTE -> java.util.List.of("4.1.đ", "4.2.đ");
			case ON_INTER_PROVINCIAL_ROUTE -> java.util.List.of("4.1.đ", "4.2.đ", "5.6");
			default -> java.util.List.of();
		};
	}

	/**
	 * The column's value in a commune's facts: a String, Integer, Long, BigDecimal or
	 * Boolean.
	 */
	public Object valueOf(CommuneFacts facts) {
		return value.apply(facts);
	}

}
