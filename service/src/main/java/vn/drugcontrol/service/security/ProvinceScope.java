package vn.drugcontrol.service.security;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

import vn.drugcontrol.service.facts.AdminUnit;
import vn.drugcontrol.service.facts.AdminUnits;

/**
 * Who may read and change which province's data: the one rule of province scope, used by
 * the method security annotations
 * ({@code @PreAuthorize("@provinceScope.read(#province)")}) on the repositories and
 * application services that read or change a province's runs, decisions, approvals,
 * reports and communes — for the API and the console alike.
 * <ul>
 * <li>A user's provinces are its authorities {@code PROVINCE_<code>}; {@code PROVINCE_*}
 * is every province.</li>
 * <li><b>Read</b>: a provincial user (any user with a province, and every officer or
 * approver) reads its own provinces only; national users (analysts, viewers, API clients
 * and administrators without a province) read every province.</li>
 * <li><b>Write</b> (start a run, submit, approve, return, override): only users of that
 * province (or of every province).</li>
 * <li>A <b>commune user</b> (authority {@code COMMUNE_<code>}, role {@code COMMUNE}) is a
 * provincial user whose scope is one commune: it reads and writes that commune's own data
 * ({@link #readCommune}, {@link #readAssessment}, {@link #writeOwnCommune}) and nothing
 * else of its province — no run, decision, report or the province's board — even if it
 * were also given a province.</li>
 * <li>No caller at all (the command line, in-process start-up work) is not a web request
 * and is allowed.</li>
 * </ul>
 * The checks {@link #read} and {@link #write} refuse with an
 * {@link AccessDeniedException} that names the province (a 403 problem on the API, the
 * forbidden page in the console); {@link #mayRead} filters lists. Things that do not
 * exist pass, so that their service answers 404.
 */
@Component("provinceScope")
public class ProvinceScope {

	static final String PREFIX = "PROVINCE_";

	static final String COMMUNE_PREFIX = "COMMUNE_";

	/** Every province. */
	public static final String ALL = "*";

	private final JdbcClient jdbc;

	private final AdminUnits units;

	ProvinceScope(JdbcClient jdbc, AdminUnits units) {
		this.jdbc = jdbc;
		this.units = units;
	}

	static String authority(String provinceCode) {
		return PREFIX + provinceCode;
	}

	static String communeAuthority(String communeCode) {
		return COMMUNE_PREFIX + communeCode;
	}

	/** The caller's own commune, for a commune user; empty for everyone else. */
	public java.util.Optional<String> callerCommune() {
		Authentication caller = caller();
		return (caller == null) ? java.util.Optional.empty() : communeOf(caller);
	}

	/** Whether the caller may read this province's data (for filtering lists). */
	public boolean mayRead(String provinceCode) {
		Authentication caller = caller();
		if (caller == null || allows(caller, provinceCode)) {
			return true;
		}
		return !provincial(caller);
	}

	/** Whether the caller may change this province's data (e.g. to offer a button). */
	public boolean mayWrite(String provinceCode) {
		Authentication caller = caller();
		return caller == null || allows(caller, provinceCode);
	}

	/**
	 * Whether the caller is the commune's own user (e.g. to offer the form's buttons).
	 */
	public boolean mayWriteOwnCommune(String communeCode) {
		Authentication caller = caller();
		return caller == null || communeOf(caller).map(communeCode::equals).orElse(false);
	}

	/** Refuses (403) unless the caller may read the province's data. */
	public boolean read(String provinceCode) {
		if (!mayRead(provinceCode)) {
			throw refused(provinceCode);
		}
		return true;
	}

	/** Refuses (403) unless the caller may change the province's data. */
	public boolean write(String provinceCode) {
		if (!mayWrite(provinceCode)) {
			throw refused(provinceCode);
		}
		return true;
	}

	/**
	 * Refuses (403) a provincial user what spans every province (the audit trail's
	 * entries); national users pass.
	 */
	public boolean national() {
		Authentication caller = caller();
		if (caller != null && provincial(caller) && !allows(caller, ALL)) {
			throw new ProvinceForbiddenException("this spans every province: for national users, not for "
					+ caller.getName() + ", a user of one province");
		}
		return true;
	}

	/**
	 * Whether the caller reads every province (a national user), e.g. to offer the
	 * national board rather than the caller's own province.
	 */
	public boolean mayReadNational() {
		Authentication caller = caller();
		return caller == null || !provincial(caller) || allows(caller, ALL);
	}

	/** {@link #read} of the run's province; an unknown run passes (404 follows). */
	public boolean readRun(long runId) {
		return provinceOf("SELECT province_code FROM classification_run WHERE id = :id", runId).map(this::read)
			.orElse(true);
	}

	/** {@link #read} of the decision's province; an unknown decision passes. */
	public boolean readDecision(long decisionId) {
		return provinceOf("SELECT province_code FROM decision WHERE id = :id", decisionId).map(this::read).orElse(true);
	}

	/**
	 * {@link #read} of the commune's province; a commune user reads its own commune only.
	 * An unknown commune passes.
	 */
	public boolean readCommune(String communeCode) {
		Authentication caller = caller();
		if (caller != null && communeOf(caller).isPresent()) {
			if (!communeOf(caller).get().equals(communeCode)) {
				throw refusedCommune(caller, communeCode);
			}
			return true;
		}
		return units.find(communeCode).map(AdminUnit::provinceCode).map(this::read).orElse(true);
	}

	/**
	 * A commune's self-assessment is read by the commune's own user and by those who may
	 * read its province (the province's officers and approvers, national users).
	 */
	public boolean readAssessment(String communeCode) {
		return readCommune(communeCode);
	}

	/**
	 * Refuses (403) unless the caller is the commune's own user: only a commune enters
	 * and submits its self-assessment (Art. 7.1).
	 */
	public boolean writeOwnCommune(String communeCode) {
		Authentication caller = caller();
		if (caller == null) {
			return true;
		}
		if (!communeOf(caller).map(communeCode::equals).orElse(false)) {
			throw refusedCommune(caller, communeCode);
		}
		return true;
	}

	/**
	 * {@link #write} of the commune's province: the province's officers consolidate its
	 * communes' self-assessments. An unknown commune passes (404 follows).
	 */
	public boolean writeProvinceOf(String communeCode) {
		return units.find(communeCode).map(AdminUnit::provinceCode).map(this::write).orElse(true);
	}

	private java.util.Optional<String> provinceOf(String sql, long id) {
		List<String> found = jdbc.sql(sql).param("id", id).query(String.class).list();
		return found.stream().findFirst();
	}

	private static Authentication caller() {
		return SecurityContextHolder.getContext().getAuthentication();
	}

	private AccessDeniedException refusedCommune(Authentication caller, String communeCode) {
		String province = units.find(communeCode).map(u -> " (province " + u.provinceCode() + ")").orElse("");
		return new AccessDeniedException("commune " + communeCode + province + " is not " + caller.getName()
				+ "'s commune: only the commune's own user enters its self-assessment, and a commune user reaches its own commune only");
	}

	private static AccessDeniedException refused(String provinceCode) {
		Authentication caller = caller();
		return new ProvinceForbiddenException("province " + provinceCode + " is not "
				+ (caller == null ? "anyone" : caller.getName()) + "'s province");
	}

	/**
	 * A provincial user: one with a province of its own, or an officer or approver (who
	 * act for a province, so without one they read none).
	 */
	private static boolean provincial(Authentication caller) {
		for (GrantedAuthority a : caller.getAuthorities()) {
			String name = a.getAuthority();
			if (name == null) {
				continue;
			}
			if (name.startsWith(PREFIX) || name.startsWith(COMMUNE_PREFIX) || name.equals("ROLE_" + Roles.OFFICER)
					|| name.equals("ROLE_" + Roles.APPROVER) || name.equals("ROLE_" + Roles.COMMUNE)) {
				return true;
			}
		}
		return false;
	}

	/**
	 * Whether the caller holds the province (or every province). A commune user holds no
	 * province, whatever else it was given: its scope is its commune.
	 */
	static boolean allows(Authentication caller, String provinceCode) {
		if (communeOf(caller).isPresent()) {
			return false;
		}
		for (GrantedAuthority a : caller.getAuthorities()) {
			String name = a.getAuthority();
			if (name != null && (name.equals(PREFIX + ALL) || name.equals(PREFIX + provinceCode))) {
				return true;
			}
		}
		return false;
	}

	private static java.util.Optional<String> communeOf(Authentication caller) {
		for (GrantedAuthority a : caller.getAuthorities()) {
			String name = a.getAuthority();
			if (name != null && name.startsWith(COMMUNE_PREFIX)) {
				return java.util.Optional.of(name.substring(COMMUNE_PREFIX.length()));
			}
		}
		return java.util.Optional.empty();
	}

}
