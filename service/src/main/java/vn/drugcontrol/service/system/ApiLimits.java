package vn.drugcontrol.service.system;

/**
 * The limits the API enforces, as the OpenAPI annotations of its bodies and parameters
 * state them (annotations need constants): each names where it is enforced.
 */
public final class ApiLimits {

	/** A rule set's name ({@code RuleSetVersions}: lower case, digits, {@code . _ -}). */
	public static final String RULE_SET_NAME = "^[a-z0-9][a-z0-9._-]{0,63}$";

	/** Communes of one batch: {@code classifier.limits.max-rows}' default. */
	public static final int MAX_ROWS = 10_000;

	/** A 2-digit province code. */
	public static final String PROVINCE_CODE = "^[0-9]{2}$";

	/** A 5-digit commune code of the 2025 list. */
	public static final String COMMUNE_CODE = "^[0-9]{5}$";

	/** The first period the facts may have ({@code CommuneRows}). */
	public static final String FIRST_PERIOD = "2020";

	/** The last period the facts may have ({@code CommuneRows}). */
	public static final String LAST_PERIOD = "2100";

	/** The largest id. */
	public static final String MAX_ID = "9223372036854775807";

	private ApiLimits() {
	}

}
