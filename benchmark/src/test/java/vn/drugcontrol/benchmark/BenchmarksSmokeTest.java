package vn.drugcontrol.benchmark;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every benchmark once, tiny ({@code --smoke}): they work, and report each figure. Never
 * a timed assertion: the figures of a smoke mean nothing. The parts on a database use the
 * service tests' ({@code TEST_DB_URL}); without one they are left out, unless
 * {@code REQUIRE_DB_TESTS=true} (CI).
 */
class BenchmarksSmokeTest {

	@Test
	void everyBenchmarkRunsAndReports() throws Exception {
		Database database = Database.fromEnvironment("TEST_DB_URL", "TEST_DB_USER", "TEST_DB_PASSWORD", null);
		if (database == null && "true".equals(System.getenv("REQUIRE_DB_TESTS"))) {
			throw new IllegalStateException("REQUIRE_DB_TESTS is set but TEST_DB_URL is not");
		}

		List<String> report = new Benchmarks(Map.of("smoke", "", "jar", "../service/target/classifier.jar"))
			.run(database);

		String text = String.join("\n", report);
		assertThat(text).contains("| default |", "| literal |", "| default-x2 |", "**Ratio: Drools takes");
		// the exhaustive check of each shipped reading: the default proves, the literal
		// does not
		assertThat(text).contains("Exhaustive check of a rule set", "| default | 9,477 |", "| literal | 9,477 |");
		if (database != null) {
			assertThat(text).contains("| national, first", "| synthetic, one run |",
					"| start-up, java -jar classifier.jar", "| RSS after the national run |", "| single evaluation at",
					"| maximum throughput", "| soak ", "Heap in use after a full collection");
			assertThat(text).doesNotContain("NaN MiB");
			// the reads over stored periods: seeded through the service, every read
			// answered
			assertThat(text).contains("## Reads over 2 periods", "| page | `/` |", "| page | `/ministry/list` |",
					"| api | `/api/v1/national-board?period=2025` |", "reads met p95 ≤ 200 ms");
			assertThat(text).doesNotContain("**not measured**");
			// the heap after a full collection was read (a format it does not know reads
			// 0)
			assertThat(text).doesNotContainPattern("full collection[^\\n]*: 0\\.0");
		}
	}

}
