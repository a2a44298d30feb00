package vn.drugcontrol.service.security;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * An OIDC access token's roles and province, from the configured claims, as authorities;
 * unknown role names are ignored.
 */
final class JwtRoles implements Converter<Jwt, AbstractAuthenticationToken> {

	private final AccessProperties.Jwt claims;

	JwtRoles(AccessProperties.Jwt claims) {
		this.claims = claims;
	}

	@Override
	public AbstractAuthenticationToken convert(Jwt jwt) {
		List<GrantedAuthority> authorities = new ArrayList<>();
		for (String role : strings(claim(jwt.getClaims(), claims.rolesClaim()))) {
			try {
				authorities.add(new SimpleGrantedAuthority("ROLE_" + Roles.known(role)));
			}
			catch (IllegalArgumentException ex) {
				// a role of another application in the same realm
			}
		}
		strings(claim(jwt.getClaims(), claims.provinceClaim()))
			.forEach(p -> authorities.add(new SimpleGrantedAuthority(ProvinceScope.authority(p))));
		strings(claim(jwt.getClaims(), claims.communeClaim()))
			.forEach(c -> authorities.add(new SimpleGrantedAuthority(ProvinceScope.communeAuthority(c))));
		Object name = claim(jwt.getClaims(), claims.nameClaim());
		return new JwtAuthenticationToken(jwt, authorities, name == null ? jwt.getSubject() : name.toString());
	}

	static Object claim(Map<String, Object> all, String path) {
		Object value = all;
		for (String part : path.split("\\.")) {
			if (!(value instanceof Map<?, ?> map)) {
				return null;
			}
			value = map.get(part);
		}
		return value;
	}

	static List<String> strings(Object value) {
		List<String> out = new ArrayList<>();
		if (value instanceof Collection<?> list) {
			list.forEach(v -> out.add(String.valueOf(v)));
		}
		else if (value != null) {
			for (String v : value.toString().split("[\\s,]+")) {
				if (!v.isBlank()) {
					out.add(v);
				}
			}
		}
		return out;
	}

}
