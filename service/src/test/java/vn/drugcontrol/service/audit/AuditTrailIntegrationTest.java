package vn.drugcontrol.service.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit trail over real HTTP on the real database: every state change is an entry
 * chained to the one before; an entry edited in the database, or removed, is named by the
 * verification.
 */
class AuditTrailIntegrationTest extends DatabaseTest {

	@Test
	void everyStateChangeIsChainedAndAnEditedEntryIsNamed() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		http("officer-04").post().uri("/api/v1/runs/" + run + "/submission").retrieve().toBodilessEntity();
		http().get().uri("/api/v1/runs/" + run + "/export?format=csv").retrieve().toBodilessEntity();
		http("approver-04").post()
			.uri("/api/v1/runs/" + run + "/approval")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("decisionNumber", "125/QĐ-UBND", "decisionDate", "2025-12-20"))
			.retrieve()
			.toBodilessEntity();

		List<Map<String, Object>> entries = jdbc.queryForList("SELECT * FROM audit_entry ORDER BY id");
		assertThat(entries).extracting(e -> e.get("action"))
			.containsExactly("RUN_CREATED", "RUN_SUBMITTED", "EXPORT", "RUN_APPROVED");
		assertThat(entries).extracting(e -> e.get("actor"))
			.containsExactly(TESTER, "officer-04", TESTER, "approver-04");
		assertThat(entries.get(0).get("previous_hash")).isEqualTo("0".repeat(64));
		for (int i = 1; i < entries.size(); i++) {
			assertThat(entries.get(i).get("previous_hash")).isEqualTo(entries.get(i - 1).get("entry_hash"));
		}
		JsonNode intact = get("/api/v1/audit/verification");
		assertThat(intact.get("intact").asBoolean()).isTrue();
		assertThat(intact.get("entriesChecked").asInt()).isEqualTo(4);
		assertThat(intact.get("lastHash").asString()).isEqualTo(entries.get(3).get("entry_hash"));

		long second = ((Number) entries.get(1).get("id")).longValue();
		jdbc.update("UPDATE audit_entry SET actor = 'someone else' WHERE id = ?", second);

		JsonNode broken = get("/api/v1/audit/verification");
		assertThat(broken.get("intact").asBoolean()).isFalse();
		assertThat(broken.get("brokenEntryId").asLong()).isEqualTo(second);
		assertThat(broken.get("problem").asString()).contains("entry " + second).contains("changed");
	}

	@Test
	void aRemovedEntryOrARemovedEndIsNamed() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		for (int i = 0; i < 3; i++) {
			http().get().uri("/api/v1/runs/" + run + "/export?format=csv").retrieve().toBodilessEntity();
		}
		jdbc.update("DELETE FROM audit_entry WHERE id = 4");
		assertThat(get("/api/v1/audit/verification").get("brokenEntryId").asLong()).isEqualTo(4);

		jdbc.update("DELETE FROM audit_entry WHERE id >= 2");
		JsonNode truncated = get("/api/v1/audit/verification");
		assertThat(truncated.get("intact").asBoolean()).isFalse();
		assertThat(truncated.get("problem").asString()).contains("removed from the end");
	}

	@Test
	void aFailedRunLeavesNoAuditEntryAndTheAuditApiIsReadable() {
		upload(sample("cao-bang-2025-bad.csv"));
		assertThat(count("audit_entry")).isZero();
		upload(sample("cao-bang-2025.csv"));
		JsonNode entries = get("/api/v1/audit/entries");
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("details").asString()).contains("\"province\":\"04\"");
	}

}
