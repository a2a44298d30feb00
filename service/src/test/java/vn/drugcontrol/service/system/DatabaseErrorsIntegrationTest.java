package vn.drugcontrol.service.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How database errors reach a client: a query the database cannot run as written is a bug
 * of the service, answered 500 and logged, never disguised as "503 Database unavailable"
 * (retrying would fail the same way). The refused and lost writes of a run (503) are in
 * {@code RunApiIntegrationTest} and {@code FaultsIntegrationTest}.
 */
class DatabaseErrorsIntegrationTest extends DatabaseTest {

	@Test
	void aQueryTheDatabaseCannotRunIsAnInternalErrorNotTheDatabaseBeingUnavailable() {
		// the schema no longer as the service's SQL expects it: the targets' query names
		// a column that is gone
		jdbc.execute("ALTER TABLE drug_free_target RENAME COLUMN source TO set_by");
		try {
			ResponseEntity<JsonNode> failed = http().get().uri("/api/v1/targets").retrieve().toEntity(JsonNode.class);

			assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR);
			assertThat(failed.getHeaders().getContentType()).hasToString("application/problem+json");
			assertThat(failed.getBody().get("title").asString()).isEqualTo("Internal error");
			assertThat(failed.getBody().get("detail").asString()).contains("logged as a bug")
				.doesNotContain("Retry")
				.doesNotContain("drug_free_target");
		}
		finally {
			jdbc.execute("ALTER TABLE drug_free_target RENAME COLUMN set_by TO source");
		}
		assertThat(http().get().uri("/api/v1/targets").retrieve().toEntity(JsonNode.class).getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

}
