package vn.drugcontrol.service.audit;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.TestPropertySource;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The periodic checkpoint: signed by the scheduler once the chain grew, and not again
 * while it does not. Its context is closed after it: no other test sees its scheduler.
 */
@DirtiesContext
@TestPropertySource(properties = "classifier.audit.checkpoint.interval=1s")
class AuditCheckpointScheduleIntegrationTest extends DatabaseTest {

	@Test
	void aCheckpointIsSignedPeriodicallyOnceTheChainGrew() throws Exception {
		upload(sample("cao-bang-2025.csv"));
		long head = jdbc.queryForObject("SELECT last_id FROM audit_head WHERE id = 1", Long.class);

		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		while (count("audit_checkpoint") == 0 && Instant.now().isBefore(deadline)) {
			Thread.sleep(200);
		}

		assertThat(jdbc.queryForObject("SELECT entry_id FROM audit_checkpoint WHERE id = 1", Long.class))
			.isEqualTo(head);
		assertThat(jdbc.queryForObject("SELECT signed_by FROM audit_checkpoint WHERE id = 1", String.class))
			.isEqualTo("scheduler");
		Thread.sleep(2500);
		assertThat(count("audit_checkpoint")).as("the chain did not grow: no new checkpoint").isEqualTo(1);
		assertThat(get("/api/v1/audit/verification").get("checkpointsChecked").asInt()).isEqualTo(1);
	}

}
