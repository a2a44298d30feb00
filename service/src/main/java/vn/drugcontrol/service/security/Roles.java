package vn.drugcontrol.service.security;

import java.util.List;

/**
 * The roles (Spring authorities {@code ROLE_<name>}).
 */
public final class Roles {

	/** Policy analysts: rule sets, routes, targets. */
	public static final String ANALYST = "ANALYST";

	/** Provincial police officers: start and submit runs of their own province. */
	public static final String OFFICER = "OFFICER";

	/** The People's Committee's approvers: approve, return, override (dual control). */
	public static final String APPROVER = "APPROVER";

	/**
	 * The Ministry of Public Security (Bộ Công an, Art. 7.3): reads every province,
	 * approves or returns each province's report (its province-level class and
	 * inter-provincial routes). A national user: it submits nothing for a province.
	 */
	public static final String MINISTRY = "MINISTRY";

	/**
	 * A commune's police (công an cấp xã): enter and submit their own commune's
	 * self-assessment (Art. 7.1), nothing else of the province.
	 */
	public static final String COMMUNE = "COMMUNE";

	/** Read-only. */
	public static final String VIEWER = "VIEWER";

	/** Other systems with a bearer token: read-only. */
	public static final String API_CLIENT = "API_CLIENT";

	/** Administrators: API tokens, metrics, anything no other role covers. */
	public static final String ADMIN = "ADMIN";

	public static final List<String> ALL = List.of(ANALYST, OFFICER, APPROVER, MINISTRY, COMMUNE, VIEWER, API_CLIENT,
			ADMIN);

	private Roles() {
	}

	/**
	 * A role name as given in configuration or a token claim, checked and upper-cased.
	 */
	static String known(String role) {
		String name = role.strip().toUpperCase(java.util.Locale.ROOT);
		if (name.startsWith("ROLE_")) {
			name = name.substring(5);
		}
		if (!ALL.contains(name)) {
			throw new IllegalArgumentException("unknown role '" + role + "'; roles are " + ALL);
		}
		return name;
	}

}
