package vn.drugcontrol.service;

import org.springframework.jdbc.core.JdbcTemplate;

import org.springframework.jdbc.core.ConnectionCallback;

import java.util.List;

import java.sql.Statement;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.env.PropertySource;

/**
 * The real database the database tests run against, chosen once per JVM:
 * <ol>
 * <li>with the system property {@code test.database=h2} (the service's {@code h2} test
 * execution sets it), the quick start's embedded H2: the URL of {@code application.yml},
 * in memory instead of in a file;</li>
 * <li>else the server given by {@code TEST_DB_URL}, {@code TEST_DB_USER},
 * {@code TEST_DB_PASSWORD} ({@code .ci/run} starts MariaDB on 127.0.0.1 and sets
 * them);</li>
 * <li>else a Testcontainers MySQL 8.4 where Docker runs;</li>
 * <li>else none: the tests are skipped (as Testcontainers' {@code disabledWithoutDocker})
 * — unless {@code REQUIRE_DB_TESTS=true}, where they fail instead, so CI cannot pass
 * without them.</li>
 * </ol>
 */
public final class RealDatabase implements ExecutionCondition {

	private static final String URL = System.getenv("TEST_DB_URL");

	/**
	 * Whether this JVM's database tests run on the embedded H2
	 * ({@code -Dtest.database=h2}).
	 */
	public static final boolean H2 = "h2".equalsIgnoreCase(System.getProperty("test.database"));

	private static MySQLContainer container;

	public record Connection(String url, String user, String password) {
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (H2) {
			return ConditionEvaluationResult.enabled("embedded H2 in MySQL mode");
		}
		if (URL != null && !URL.isBlank()) {
			return ConditionEvaluationResult.enabled("database server at " + URL);
		}
		if (dockerAvailable()) {
			return ConditionEvaluationResult.enabled("Testcontainers MySQL 8.4");
		}
		if ("true".equals(System.getenv("REQUIRE_DB_TESTS"))) {
			return ConditionEvaluationResult.enabled("REQUIRE_DB_TESTS is set: the test will fail without a database");
		}
		return ConditionEvaluationResult.disabled("no TEST_DB_URL and no Docker: database tests skipped");
	}

	public static synchronized Connection connection() {
		if (H2) {
			return new Connection(embeddedH2Url(), "sa", "");
		}
		if (URL != null && !URL.isBlank()) {
			// what docs/operations.md sets for each driver: MariaDB Connector/J batches
			// with its bulk protocol by itself; MySQL Connector/J needs
			// rewriteBatchedStatements
			String url = URL + (URL.contains("?") ? "&" : "?") + (URL.startsWith("jdbc:mariadb:")
					? "connectionTimeZone=UTC"
					: "useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&connectionTimeZone=UTC");
			return new Connection(url, env("TEST_DB_USER", "root"), env("TEST_DB_PASSWORD", ""));
		}
		if (!dockerAvailable()) {
			throw new IllegalStateException("REQUIRE_DB_TESTS is set but there is neither TEST_DB_URL nor Docker");
		}
		if (container == null) {
			// triggers (the failure-midway test) need this where binary logging is on, as
			// in MySQL 8
			container = new MySQLContainer("mysql:8.4").withCommand("--log-bin-trust-function-creators=1");
			container.start();
		}
		return new Connection(container.getJdbcUrl(), container.getUsername(), container.getPassword());
	}

	/**
	 * The quick start's URL from {@code application.yml}, so the tests use exactly its
	 * settings (MySQL mode, lower-case names...), with the file replaced by a named
	 * in-memory database that lives as long as the JVM ({@code DB_CLOSE_DELAY=-1}): every
	 * Spring context and connection of the run sees the same one, as they would a server.
	 */
	static String embeddedH2Url() {
		String url = String.valueOf(applicationYaml().getProperty("spring.datasource.url"));
		String prefix = "jdbc:h2:file:./data/classifier;";
		if (!url.startsWith(prefix)) {
			throw new IllegalStateException("application.yml's datasource is no longer the embedded H2: " + url);
		}
		return "jdbc:h2:mem:classifier_test;" + url.substring(prefix.length()) + ";DB_CLOSE_DELAY=-1";
	}

	private static PropertySource<?> applicationYaml() {
		try {
			return new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"))
				.get(0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static boolean dockerAvailable() {
		try {
			return DockerClientFactory.instance().isDockerAvailable();
		}
		catch (RuntimeException ex) {
			return false;
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null ? fallback : value;
	}

	/**
	 * Empties every table the migrations made (not Flyway's history), whatever features
	 * added them, so a test starts from a fresh schema whatever ran before it.
	 * {@code SCHEMA()} is the current database on MySQL and MariaDB and the current
	 * schema on H2 (whose {@code DATABASE()} is the catalogue, not where the tables are).
	 */
	public static void emptyTables(JdbcTemplate jdbc) {
		List<String> tables = jdbc.queryForList("""
				SELECT table_name FROM information_schema.tables
				WHERE table_schema = SCHEMA() AND table_type = 'BASE TABLE'
				  AND table_name <> 'flyway_schema_history'
				""", String.class);
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			boolean h2 = "H2".equals(connection.getMetaData().getDatabaseProductName());
			try (Statement statement = connection.createStatement()) {
				// one connection: the setting is per session (H2's is per database)
				statement.execute(h2 ? "SET REFERENTIAL_INTEGRITY FALSE" : "SET FOREIGN_KEY_CHECKS = 0");
				try {
					for (String table : tables) {
						statement.executeUpdate("DELETE FROM " + table);
					}
				}
				finally {
					statement.execute(h2 ? "SET REFERENTIAL_INTEGRITY TRUE" : "SET FOREIGN_KEY_CHECKS = 1");
				}
			}
			return null;
		});
	}

}
