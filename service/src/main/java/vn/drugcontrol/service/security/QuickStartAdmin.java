package vn.drugcontrol.service.security;

import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * The quick start's one user, {@value #NAME}, with every role: made when no local users
 * are configured and no profile but {@code dev} is active. Its password is drawn once, by
 * whichever node starts first on the database, printed by that node, and only its hash is
 * stored ({@code quick_start_admin}); every node checks a sign-in against the stored
 * hash, so two nodes on one database accept the same password. Later starts print no
 * password: it stays what the first start printed, until the row is deleted
 * (docs/security.md).
 */
class QuickStartAdmin implements UserDetailsService {

	static final String NAME = "admin";

	private static final Logger log = LoggerFactory.getLogger(QuickStartAdmin.class);

	private final JdbcTemplate jdbc;

	private QuickStartAdmin(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Stores a new password unless one is stored, and answers for {@value #NAME}. */
	static QuickStartAdmin start(JdbcTemplate jdbc, PasswordEncoder encoder) {
		QuickStartAdmin admin = new QuickStartAdmin(jdbc);
		Optional<Stored> stored = admin.stored();
		if (stored.isEmpty()) {
			byte[] secret = new byte[18];
			new SecureRandom().nextBytes(secret);
			String password = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
			try {
				jdbc.update("INSERT INTO quick_start_admin (name, password_hash, created_at) VALUES (?, ?, ?)", NAME,
						encoder.encode(password), Timestamp.from(Instant.now().truncatedTo(ChronoUnit.MILLIS)));
				log.warn("""

						Quick start: no classifier.security.local-users configured, so the service has one user,
						    admin / {}
						with every role. Only its hash is kept (table quick_start_admin): every node on this
						database accepts it, and later starts print it no more. Configure users or OIDC for
						real use: docs/security.md
						""", password);
				return admin;
			}
			catch (DuplicateKeyException ex) {
				// another node starting at the same time stored its password first: that
				// one
				// stands
				stored = admin.stored();
			}
		}
		log.warn(
				"Quick start: no classifier.security.local-users configured; user admin signs in with the password "
						+ "printed when this database was first started ({}). Lost it? docs/security.md",
				stored.map(Stored::createdAt).orElse(null));
		return admin;
	}

	private record Stored(String passwordHash, Instant createdAt) {
	}

	private Optional<Stored> stored() {
		return jdbc
			.query("SELECT password_hash, created_at FROM quick_start_admin WHERE name = ?",
					(r, n) -> new Stored(r.getString(1), r.getTimestamp(2).toInstant()), NAME)
			.stream()
			.findFirst();
	}

	/** Read on every sign-in: a password changed in the database holds on every node. */
	@Override
	public UserDetails loadUserByUsername(String username) {
		if (!NAME.equals(username)) {
			throw new UsernameNotFoundException(username);
		}
		Stored stored = stored().orElseThrow(() -> new UsernameNotFoundException(username));
		List<String> authorities = new ArrayList<>(Roles.ALL.stream().map(r -> "ROLE_" + r).toList());
		authorities.add(ProvinceScope.authority(ProvinceScope.ALL));
		return User.withUsername(NAME)
			.password(stored.passwordHash())
			.authorities(authorities.toArray(String[]::new))
			.build();
	}

}
