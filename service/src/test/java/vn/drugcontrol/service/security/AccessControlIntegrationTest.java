package vn.drugcontrol.service.security;

import java.nio.file.Files;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.params.provider.Arguments.arguments;

/**
 * Every endpoint × role over real HTTP: allowed means neither 401 nor 403 (the endpoint
 * may still answer 404 or 409); an officer or approver of province 01 is refused Cao
 * Bằng's (04) runs; nothing is stored by a refused request.
 */
class AccessControlIntegrationTest extends DatabaseTest {

	static final int ALLOWED = 0;

	static Stream<Arguments> matrix() {
		return Stream.of(
				// reads: every role, never anonymous
				arguments("GET", "/api/v1/runs", "viewer", ALLOWED), arguments("GET", "/api/v1/runs", null, 401),
				arguments("GET", "/api/v1/runs/{run}", "analyst", ALLOWED),
				arguments("GET", "/api/v1/runs/{run}/decisions", "officer-04", ALLOWED),
				// officers read their own province's runs only
				arguments("GET", "/api/v1/runs/{run}", "officer-01", 403),
				arguments("GET", "/api/v1/runs/{run}/decisions", "officer-01", 403),
				arguments("GET", "/api/v1/runs/{run}/export?format=csv", "officer-01", 403),
				arguments("GET", "/api/v1/runs/{run}/decisions", "approver-01", 403),
				arguments("GET", "/api/v1/runs/{run}/export?format=csv", "viewer", ALLOWED),
				arguments("GET", "/api/v1/runs/{run}/approval", "viewer", ALLOWED),
				arguments("GET", "/api/v1/communes/01360/classifications", "viewer", ALLOWED),
				arguments("GET", "/api/v1/communes/01360/classifications", null, 401),
				arguments("GET", "/api/v1/audit/verification", "viewer", ALLOWED),
				arguments("GET", "/api/v1/audit/verification", null, 401),
				arguments("GET", "/api/v1/overrides/report", "analyst", ALLOWED),
				arguments("GET", "/v3/api-docs", "viewer", ALLOWED),
				arguments("POST", "/api/v1/evaluations", "viewer", ALLOWED),
				arguments("POST", "/api/v1/evaluations", null, 401),
				// runs: officers of their own province
				arguments("POST", "/api/v1/runs", "officer-04", ALLOWED),
				arguments("POST", "/api/v1/runs", "officer-01", 403), arguments("POST", "/api/v1/runs", "viewer", 403),
				arguments("POST", "/api/v1/runs", "analyst", 403),
				arguments("POST", "/api/v1/runs", "approver-04", 403), arguments("POST", "/api/v1/runs", null, 401),
				arguments("POST", "/api/v1/runs/{run}/submission", "officer-04", ALLOWED),
				arguments("POST", "/api/v1/runs/{run}/submission", "officer-01", 403),
				arguments("POST", "/api/v1/runs/{run}/submission", "approver-04", 403),
				arguments("POST", "/api/v1/runs/{run}/submission", "viewer", 403),
				// approval and overrides: approvers of the run's province
				arguments("POST", "/api/v1/runs/{run}/approval", "approver-04", ALLOWED),
				arguments("POST", "/api/v1/runs/{run}/approval", "approver-01", 403),
				arguments("POST", "/api/v1/runs/{run}/approval", "officer-04", 403),
				arguments("POST", "/api/v1/runs/{run}/approval", "viewer", 403),
				arguments("POST", "/api/v1/runs/{run}/return", "approver-04", ALLOWED),
				arguments("POST", "/api/v1/runs/{run}/return", "officer-04", 403),
				arguments("POST", "/api/v1/runs/{run}/overrides", "approver-04", ALLOWED),
				arguments("POST", "/api/v1/runs/{run}/overrides", "approver-01", 403),
				arguments("POST", "/api/v1/runs/{run}/overrides", "analyst", 403),
				arguments("POST", "/api/v1/overrides/1/confirmation", "officer-04", 403),
				// rule sets, routes, targets (issues 4 and 5): analysts and
				// administrators
				arguments("POST", "/api/v1/rule-sets", "analyst", ALLOWED),
				arguments("POST", "/api/v1/rule-sets", "officer-04", 403),
				arguments("POST", "/api/v1/rule-sets", "viewer", 403),
				arguments("POST", "/api/v1/routes", "admin", ALLOWED),
				arguments("POST", "/api/v1/routes", "approver-04", 403),
				// administration
				arguments("POST", "/api/v1/api-tokens", "admin", ALLOWED),
				arguments("POST", "/api/v1/api-tokens", "analyst", 403),
				arguments("POST", "/api/v1/api-tokens", "viewer", 403),
				arguments("GET", "/actuator/prometheus", "admin", ALLOWED),
				arguments("GET", "/actuator/prometheus", "viewer", 403),
				arguments("GET", "/actuator/health", null, ALLOWED));
	}

	@ParameterizedTest(name = "{0} {1} as {2} → {3}")
	@MethodSource("matrix")
	void endpointByRole(String method, String path, String user, int expected) throws Exception {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		int runsBefore = count("classification_run");
		String body = switch (path) {
			case "/api/v1/runs" -> Files.readString(sample("run-request.json"))
				.replace("\"ruleSet\": \"default\"", "\"ruleSet\": \"literal\"");
			case "/api/v1/evaluations" -> Files.readString(sample("evaluation-request.json"));
			case "/api/v1/api-tokens" -> "{\"clientName\": \"budget system\"}";
			default -> "{}";
		};
		ResponseEntity<String> response = http(user).method(HttpMethod.valueOf(method))
			.uri(path.replace("{run}", Long.toString(run)))
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(String.class);

		int status = response.getStatusCode().value();
		if (expected == ALLOWED) {
			assertThat(status).as(response.getBody()).isNotIn(401, 403);
		}
		else {
			assertThat(status).isEqualTo(expected);
			assertThat(response.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.isTrue();
			assertThat(count("classification_run")).isEqualTo(runsBefore);
			assertThat(count("run_approval")).isZero();
		}
	}

	@Test
	void anOfficerOfAnotherProvinceCannotStartOrSubmitCaoBangsRuns() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();

		ResponseEntity<JsonNode> submit = http("officer-01").post()
			.uri("/api/v1/runs/" + run + "/submission")
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(submit.getStatusCode().value()).isEqualTo(403);
		assertThat(submit.getBody().get("detail").asString()).contains("province 04");
		assertThat(http("officer-04").post()
			.uri("/api/v1/runs/" + run + "/submission")
			.retrieve()
			.toEntity(JsonNode.class)
			.getBody()
			.get("status")
			.asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void apiClientsReadWithTheirTokenAndCannotWrite() {
		ResponseEntity<JsonNode> issued = http("admin").post()
			.uri("/api/v1/api-tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("clientName", "hệ thống ngân sách"))
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(issued.getStatusCode().value()).isEqualTo(201);
		String token = issued.getBody().get("token").asString();
		assertThat(jdbc.queryForObject("SELECT token_hash FROM api_token", String.class)).isNotEqualTo(token)
			.hasSize(64);
		upload(sample("cao-bang-2025.csv"));

		assertThat(http(null).get()
			.uri("/api/v1/runs")
			.header("Authorization", "Bearer " + token)
			.retrieve()
			.toEntity(JsonNode.class)
			.getBody()).hasSize(1);
		assertThat(http(null).post()
			.uri("/api/v1/runs/1/submission")
			.header("Authorization", "Bearer " + token)
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(403);
		assertThat(http(null).get()
			.uri("/api/v1/runs")
			.header("Authorization", "Bearer cls_not-a-token")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(401);
		assertThat(jdbc.queryForList("SELECT action FROM audit_entry ORDER BY id", String.class))
			.contains("API_TOKEN_CREATED", "LOGIN_FAILED");
	}

	@Test
	void metricsAreForAdministratorsOnlyNotForApiClients() {
		String token = http("admin").post()
			.uri("/api/v1/api-tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("clientName", "monitoring"))
			.retrieve()
			.body(JsonNode.class)
			.get("token")
			.asString();

		for (String path : new String[] { "/actuator/metrics", "/actuator/prometheus" }) {
			assertThat(http(null).get()
				.uri(path)
				.header("Authorization", "Bearer " + token)
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value()).as(path).isEqualTo(403);
			assertThat(http("admin").get().uri(path).retrieve().toBodilessEntity().getStatusCode().value()).as(path)
				.isEqualTo(200);
		}
	}

	@Test
	void aWrongPasswordIsRefusedAndAudited() {
		ResponseEntity<String> refused = http(null).get()
			.uri("/api/v1/runs")
			.headers(h -> h.setBasicAuth("officer-04", "guess"))
			.retrieve()
			.toEntity(String.class);

		assertThat(refused.getStatusCode().value()).isEqualTo(401);
		assertThat(jdbc.queryForObject("SELECT actor FROM audit_entry WHERE action = 'LOGIN_FAILED'", String.class))
			.isEqualTo("officer-04");
	}

}
