package vn.drugcontrol.service;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.mysql.MySQLContainer;

/**
 * The real MySQL-compatible server database tests run against, chosen once per JVM:
 * <ol>
 * <li>the server given by {@code TEST_DB_URL}, {@code TEST_DB_USER},
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

	private static MySQLContainer container;

	public record Connection(String url, String user, String password) {
	}

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
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
		if (URL != null && !URL.isBlank()) {
			// what docs/operations.md sets for each driver: MariaDB Connector/J batches
			// with
			// its bulk protocol by itself; MySQL Connector/J needs
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

}
