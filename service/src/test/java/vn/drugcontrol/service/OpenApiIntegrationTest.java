package vn.drugcontrol.service;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The OpenAPI document describes every endpoint.
 */
class OpenApiIntegrationTest extends DatabaseTest {

	@Test
	void documentsTheApi() {
		JsonNode paths = get("/v3/api-docs").get("paths");

		assertThat(paths.has("/api/v1/evaluations")).isTrue();
		assertThat(paths.has("/api/v1/runs")).isTrue();
		assertThat(paths.has("/api/v1/runs/{id}/decisions")).isTrue();
		assertThat(paths.has("/api/v1/decisions/{id}")).isTrue();
		assertThat(paths.has("/api/v1/communes/{code}/classifications")).isTrue();
		assertThat(paths.has("/api/v1/runs/{id}/export")).isTrue();
	}

	@Test
	void servesPrometheusMetrics() {
		String metrics = http().get().uri("/actuator/prometheus").retrieve().body(String.class);

		assertThat(metrics).contains("jvm_memory_used_bytes");
	}

}
