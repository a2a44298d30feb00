package vn.drugcontrol.service.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.system.TextTooLongException;

/**
 * API clients' bearer tokens ({@code cls_…}): shown once when made, kept as SHA-256 only.
 */
@Component
public class ApiTokens {

	static final String PREFIX = "cls_";

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	ApiTokens(JdbcClient jdbc, AuditTrail audit) {
		this.jdbc = jdbc;
		this.audit = audit;
	}

	/** A client as its token says. */
	record Client(String name, List<String> roles, String province) {

		List<GrantedAuthority> authorities() {
			List<GrantedAuthority> all = new ArrayList<>();
			roles.forEach(r -> all.add(new SimpleGrantedAuthority("ROLE_" + r)));
			if (province != null && !province.isBlank()) {
				all.add(new SimpleGrantedAuthority(ProvinceScope.authority(province)));
			}
			return all;
		}

	}

	/**
	 * Makes a token for a client.
	 * @return the token, the only time it is shown
	 */
	@Transactional
	public String create(String clientName, List<String> roles, String province, String createdBy) {
		if (clientName == null || clientName.isBlank()) {
			throw new IllegalArgumentException("clientName is required (at most 100 characters)");
		}
		// 128 in the column (V5), less the "client:" the audit and the principal add
		TextTooLongException.check("clientName", clientName, 100);
		List<String> checked = (roles == null || roles.isEmpty()) ? List.of(Roles.API_CLIENT)
				: roles.stream().map(Roles::known).toList();
		if (province != null && !province.isBlank() && !province.matches("\\d{2}|\\*")) {
			throw new IllegalArgumentException("provinceCode must be two digits or *, got '" + province + "'");
		}
		byte[] secret = new byte[32];
		RANDOM.nextBytes(secret);
		String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
		jdbc.sql("""
				INSERT INTO api_token (client_name, token_hash, roles, province_code, created_by, created_at)
				VALUES (:name, :hash, :roles, :province, :by, :at)
				""")
			.param("name", clientName.strip())
			.param("hash", sha256(token))
			.param("roles", String.join(",", checked))
			.param("province", province == null || province.isBlank() ? null : province)
			.param("by", createdBy)
			.param("at", java.sql.Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)))
			.update();
		audit.record(createdBy, AuditTrail.Action.API_TOKEN_CREATED, "client:" + clientName.strip(),
				Map.of("roles", String.join(",", checked), "province", province == null ? "" : province));
		return token;
	}

	Optional<Client> find(String token) {
		return jdbc.sql("SELECT client_name, roles, province_code FROM api_token WHERE token_hash = :hash")
			.param("hash", sha256(token))
			.query((rs, n) -> new Client(rs.getString(1), List.of(rs.getString(2).split(",")), rs.getString(3)))
			.optional();
	}

	static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
