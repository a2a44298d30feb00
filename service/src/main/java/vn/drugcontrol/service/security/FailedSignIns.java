package vn.drugcontrol.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.web.authentication.WebAuthenticationDetails;

import vn.drugcontrol.service.audit.AuditTrail;

/**
 * Failed sign-ins: each counts towards the {@link SignInThrottle}; the audit trail gets
 * one entry for the first failure of an account (or, for unknown names and API tokens, of
 * a client) from a client in a throttle window and one when a limit is reached, with the
 * count, not one per attempt. What was typed as a user name is recorded only if it names
 * a known user: else it may be a password typed in the wrong field, and the entry says
 * "unknown user" with a short hash salted afresh at each start, which tells repeated
 * names apart without revealing them.
 */
class FailedSignIns {

	static final String UNKNOWN_USER = "unknown user";

	private final AuditTrail audit;

	private final SignInThrottle throttle;

	private final UserDetailsService users;

	private final byte[] salt = new byte[16];

	FailedSignIns(AuditTrail audit, SignInThrottle throttle, UserDetailsService users) {
		this.audit = audit;
		this.throttle = throttle;
		this.users = users;
		new SecureRandom().nextBytes(this.salt);
	}

	/** HTTP Basic and the console's login form. */
	@EventListener
	void failed(AbstractAuthenticationFailureEvent event) {
		Object details = event.getAuthentication().getDetails();
		String client = (details instanceof WebAuthenticationDetails web) ? web.getRemoteAddress() : null;
		String name = String.valueOf(event.getAuthentication().getName());
		boolean known = isKnown(name);
		SignInThrottle.Failure failure = throttle.failed(known ? name : null, client, "password");
		if (!failure.firstOfWindow() && !failure.limitReached()) {
			return;
		}
		Map<String, Object> facts = new LinkedHashMap<>();
		facts.put("reason", event.getException().getClass().getSimpleName());
		if (!known) {
			facts.put("nameHash", hash(name));
		}
		facts.put("client", String.valueOf(client));
		facts.put("failures", known ? failure.accountFailures() : failure.clientFailures());
		facts.put("throttled", failure.limitReached());
		audit.record(known ? name : UNKNOWN_USER, AuditTrail.Action.LOGIN_FAILED,
				known ? "user:" + name : "user:unknown", facts);
	}

	/** An {@code Authorization: Bearer cls_…} that names no API client. */
	void unknownApiToken(String client, String path) {
		SignInThrottle.Failure failure = throttle.failed(null, client, "api-token");
		if (!failure.firstOfWindow() && !failure.limitReached()) {
			return;
		}
		audit.record("unknown API client", AuditTrail.Action.LOGIN_FAILED, "api-token",
				Map.of("reason", "unknown API token", "path", path, "client", String.valueOf(client), "failures",
						failure.clientFailures(), "throttled", failure.limitReached()));
	}

	private boolean isKnown(String name) {
		try {
			return users.loadUserByUsername(name) != null;
		}
		catch (UsernameNotFoundException ex) {
			return false;
		}
	}

	private String hash(String name) {
		try {
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			digest.update(this.salt);
			return HexFormat.of().formatHex(digest.digest(name.getBytes(StandardCharsets.UTF_8)), 0, 6);
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
