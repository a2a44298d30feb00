package vn.drugcontrol.service.run;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.ClassifierApplication;
import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.RealDatabase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

/**
 * Faults, for real: the database connection killed in the middle of a run (MariaDB and
 * MySQL: skipped on the embedded H2, which has no connection), and a restart.
 */
class FaultsIntegrationTest extends DatabaseTest {

	@Test
	void theDatabaseConnectionKilledMidRunLeavesNoPartialRunAndTheRunCanBeRetried() throws Exception {
		// the one database test skipped on H2 (.ci/run allows it by name): the embedded
		// H2 runs in the service's own process, with no connection to lose, and its
		// ABORT_SESSION cannot end a session stalled in a trigger ("Commit or rollback is
		// not allowed within a trigger"); what the quick start can lose, the process, is
		// aRestartLosesNothingAcknowledged
		assumeFalse(RealDatabase.H2, "an embedded H2 has no connection to kill; MariaDB and MySQL only");
		// the run's writes stall once on an evidence row, long enough to kill the
		// connection
		// writing it (once per session: a write not killed is held up 30 s, no more)
		jdbc.execute(
				"""
						CREATE TRIGGER stall_one_evidence_row BEFORE INSERT ON decision_evidence_row FOR EACH ROW
						BEGIN
						  IF NEW.text_key IN (SELECT text_key FROM criterion_text WHERE criterion_id = '6.3') AND @stalled IS NULL THEN
						    SET @stalled = 1;
						    DO SLEEP(30);
						  END IF;
						END
						""");
		// a thread of its own: the common pool may be busy with other tests' work
		ExecutorService client = Executors.newSingleThreadExecutor();
		try {
			Future<ResponseEntity<JsonNode>> run = client.submit(() -> upload(sample("cao-bang-2025.csv")));
			long writer = awaitConnectionSleepingInTheTrigger(run);

			jdbc.execute("KILL CONNECTION " + writer);

			ResponseEntity<JsonNode> failed = run.get(60, TimeUnit.SECONDS);
			assertThat(failed.getStatusCode().is5xxServerError()).isTrue();
			assertThat(failed.getHeaders().getContentType()).hasToString("application/problem+json");
		}
		finally {
			client.shutdownNow();
			jdbc.execute("DROP TRIGGER IF EXISTS stall_one_evidence_row");
		}
		assertThat(count("classification_run") + count("decision") + count("decision_evidence")).isZero();

		assertThat(upload(sample("cao-bang-2025.csv")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(count("decision")).isEqualTo(56);
	}

	@Test
	void aRestartLosesNothingAcknowledged() {
		long id = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();

		RealDatabase.Connection db = RealDatabase.connection();
		try (ConfigurableApplicationContext restarted = ClassifierApplication.start("--server.port=0",
				"--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
				"--spring.datasource.password=" + db.password(), "--spring.profiles.active=restart-test",
				"--spring.main.banner-mode=off")) {
			Run run = restarted.getBean(RunRepository.class).findById(id).orElseThrow();

			assertThat(run.communeCount()).isEqualTo(56);
			assertThat(run.drugFreeCount()).isEqualTo(14);
			assertThat(restarted.getBean(RunQueries.class).decisionsOf(id, null)).hasSize(56);
			SpringApplication.exit(restarted);
		}
	}

	/** The id of the connection whose insert sleeps in the trigger. */
	private long awaitConnectionSleepingInTheTrigger(Future<ResponseEntity<JsonNode>> run) throws Exception {
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (System.nanoTime() < deadline) {
			if (run.isDone()) {
				throw new AssertionError("the run ended before its write could be killed: " + run.get());
			}
			List<Long> ids = jdbc.queryForList("""
					SELECT id FROM information_schema.processlist
					WHERE id <> CONNECTION_ID() AND db = DATABASE()
					  AND (info LIKE 'INSERT INTO decision_evidence%' OR info = 'DO SLEEP(30)')
					""", Long.class);
			if (!ids.isEmpty()) {
				return ids.get(0);
			}
			Thread.sleep(50);
		}
		throw new AssertionError("no run's write reached the stalled row in 30 s");
	}

}
