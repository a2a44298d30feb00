package vn.drugcontrol.service.security;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * A user's province (authority {@code PROVINCE_<code>}, or {@code PROVINCE_*} for every
 * province): officers and approvers act on their own province's runs only.
 */
public final class ProvinceScope {

	static final String PREFIX = "PROVINCE_";

	/** Every province. */
	public static final String ALL = "*";

	private ProvinceScope() {
	}

	static String authority(String provinceCode) {
		return PREFIX + provinceCode;
	}

	/**
	 * Refuses (403) unless the authenticated caller's province is {@code provinceCode} or
	 * all provinces. Only web requests call this; the CLI runs in-process with no caller.
	 */
	public static void check(String provinceCode) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null || !allows(caller, provinceCode)) {
			throw new AccessDeniedException("province " + provinceCode + " is not "
					+ (caller == null ? "anyone's" : caller.getName() + "'s") + " province");
		}
	}

	/**
	 * Refuses (403) a provincial officer reading another province's runs; every other
	 * role reads all provinces. No caller (the CLI) reads everything.
	 */
	public static void checkRead(String provinceCode) {
		if (!mayRead(provinceCode)) {
			throw new AccessDeniedException("province " + provinceCode + " is not the officer's province");
		}
	}

	/** Whether the caller may read this province's runs (see {@link #checkRead}). */
	public static boolean mayRead(String provinceCode) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		if (caller == null) {
			return true;
		}
		boolean officer = caller.getAuthorities()
			.stream()
			.anyMatch(a -> ("ROLE_" + Roles.OFFICER).equals(a.getAuthority()));
		return !officer || allows(caller, provinceCode);
	}

	static boolean allows(Authentication caller, String provinceCode) {
		for (GrantedAuthority a : caller.getAuthorities()) {
			String name = a.getAuthority();
			if (name != null && (name.equals(PREFIX + ALL) || name.equals(PREFIX + provinceCode))) {
				return true;
			}
		}
		return false;
	}

}
