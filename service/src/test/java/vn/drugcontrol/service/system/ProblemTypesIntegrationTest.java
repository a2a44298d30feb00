package vn.drugcontrol.service.system;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every kind of problem carries its own stable {@code type} from the catalogue
 * ({@link ProblemType}, listed in docs/api.md), never {@code about:blank}: facts
 * rejected, not found, unauthorized, forbidden (roles) and forbidden province, a state
 * conflict, a body too large, a malformed request.
 */
class ProblemTypesIntegrationTest extends DatabaseTest {

	@Test
	void factsRejected() {
		assertType(upload(sample("cao-bang-2025-bad.csv")), 422, ProblemType.FACTS_REJECTED);
	}

	@Test
	void notFound() {
		assertType(http().get().uri("/api/v1/runs/987654321").retrieve().toEntity(JsonNode.class), 404,
				ProblemType.NOT_FOUND);
	}

	@Test
	void unauthorizedAndForbidden() {
		assertType(http(null).get().uri("/api/v1/runs").retrieve().toEntity(JsonNode.class), 401,
				ProblemType.UNAUTHORIZED);
		// a viewer may not submit a run: its roles
		assertType(http("viewer").post().uri("/api/v1/runs/1/submission").retrieve().toEntity(JsonNode.class), 403,
				ProblemType.FORBIDDEN);
	}

	@Test
	void forbiddenProvince() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		assertType(http("officer-01").get().uri("/api/v1/runs/" + run).retrieve().toEntity(JsonNode.class), 403,
				ProblemType.FORBIDDEN_PROVINCE);
	}

	@Test
	void stateConflict() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		assertThat(http("officer-04").post()
			.uri("/api/v1/runs/" + run + "/submission")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.is2xxSuccessful()).isTrue();
		assertType(http("officer-04").post()
			.uri("/api/v1/runs/" + run + "/submission")
			.retrieve()
			.toEntity(JsonNode.class), 409, ProblemType.STATE_CONFLICT);
	}

	@Test
	void malformedJson() {
		assertType(http().post()
			.uri("/api/v1/evaluations")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"period\": ")
			.retrieve()
			.toEntity(JsonNode.class), 400, ProblemType.BAD_REQUEST);
	}

	private static void assertType(ResponseEntity<JsonNode> response, int status, ProblemType type) {
		assertThat(response.getStatusCode().value()).as(String.valueOf(response.getBody())).isEqualTo(status);
		assertThat(response.getBody().path("type").asString()).isEqualTo(type.uri().toString())
			.startsWith(ProblemType.BASE);
		assertThat(response.getBody().path("status").asInt()).isEqualTo(status);
	}

}
