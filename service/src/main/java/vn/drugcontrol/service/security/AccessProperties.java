package vn.drugcontrol.service.security;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code classifier.security.*}: local users (hashed passwords only) and the names of the
 * JWT claims that carry a user's roles, province and name.
 *
 * @param localUsers users checked by this service (the quick start, small installations)
 * @param jwt the claims read from an OIDC provider's access tokens
 */
@ConfigurationProperties("classifier.security")
public record AccessProperties(@DefaultValue List<LocalUser> localUsers, @DefaultValue Jwt jwt) {

	/**
	 * @param name the login
	 * @param password an encoded password with its id, e.g. {@code {bcrypt}$2a$10$…}
	 * @param roles e.g. {@code [OFFICER]}
	 * @param province the province code (e.g. {@code 04}), {@code *} for all, or empty
	 * @param commune for a commune user (role {@code COMMUNE}): its 5-digit commune code
	 * (e.g. {@code 01273}); such a user reads and writes that commune only, never its
	 * province's other data
	 */
	public record LocalUser(String name, String password, @DefaultValue List<String> roles, String province,
			String commune) {
	}

	/**
	 * @param rolesClaim a claim (dotted path for nested ones, e.g.
	 * {@code realm_access.roles}) holding a list or a space-separated string of roles
	 * @param provinceClaim the claim holding the province code
	 * @param nameClaim the claim naming the user in the audit trail (else {@code sub})
	 * @param communeClaim the claim holding a commune user's commune code
	 */
	public record Jwt(@DefaultValue("roles") String rolesClaim, @DefaultValue("province") String provinceClaim,
			@DefaultValue("preferred_username") String nameClaim, @DefaultValue("commune") String communeClaim) {
	}

}
