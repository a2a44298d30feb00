package vn.drugcontrol.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The MySQL-compatible database the end-to-end benchmarks write to: by default
 * {@code classifier_bench} on the local server (docs/benchmarks.md says how to create
 * it), else {@code BENCH_DB_URL}, {@code BENCH_DB_USER}, {@code BENCH_DB_PASSWORD}.
 */
record Database(String url, String user, String password) {

	static final String DEFAULT_URL = "jdbc:mariadb://127.0.0.1:3306/classifier_bench";

	/**
	 * The URL with what production sets too (docs/operations.md): batched inserts, UTC.
	 */
	String jdbcUrl() {
		return url + (url.contains("?") ? "&" : "?") + (url.startsWith("jdbc:mariadb:") ? "connectionTimeZone=UTC"
				: "useSSL=false&allowPublicKeyRetrieval=true&rewriteBatchedStatements=true&connectionTimeZone=UTC");
	}

	static Database fromEnvironment(String urlVariable, String userVariable, String passwordVariable,
			String fallbackUrl) {
		String url = env(urlVariable, fallbackUrl);
		return url == null ? null
				: new Database(url, env(userVariable, "classifier"), env(passwordVariable, "classifier"));
	}

	/** Empties the service's tables (a benchmark run starts from no runs at all). */
	void empty() {
		try (Connection c = DriverManager.getConnection(jdbcUrl(), user, password); Statement s = c.createStatement()) {
			List<String> tables = new ArrayList<>();
			try (ResultSet r = s.executeQuery("""
					SELECT table_name FROM information_schema.tables
					WHERE table_schema = DATABASE() AND table_type = 'BASE TABLE'
					  AND table_name <> 'flyway_schema_history'
					""")) {
				while (r.next()) {
					tables.add(r.getString(1));
				}
			}
			s.execute("SET FOREIGN_KEY_CHECKS = 0");
			for (String table : tables) {
				s.execute("TRUNCATE TABLE " + table);
			}
			s.execute("SET FOREIGN_KEY_CHECKS = 1");
		}
		catch (SQLException ex) {
			throw new IllegalStateException("cannot empty " + url + ": " + ex.getMessage(), ex);
		}
	}

	long count(String table) {
		try (Connection c = DriverManager.getConnection(jdbcUrl(), user, password);
				Statement s = c.createStatement();
				ResultSet r = s.executeQuery("SELECT COUNT(*) FROM " + table)) {
			r.next();
			return r.getLong(1);
		}
		catch (SQLException ex) {
			throw new IllegalStateException(ex.getMessage(), ex);
		}
	}

	private static String env(String name, String fallback) {
		String value = System.getenv(name);
		return value == null || value.isBlank() ? fallback : value;
	}

}
