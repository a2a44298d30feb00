package vn.drugcontrol.service.evaluation;

import java.nio.file.Files;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Stateless evaluation over real HTTP: results with evidence, the rule-set choice, the
 * same validation as imports, nothing stored.
 */
class EvaluationApiIntegrationTest extends DatabaseTest {

	@Test
	void evaluatesAndExplainsWithoutStoringAnything() throws Exception {
		ResponseEntity<JsonNode> response = postJson("/api/v1/evaluations",
				Files.readString(sample("evaluation-request.json")));

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		JsonNode results = response.getBody().get("results");
		assertThat(results.get(0).get("communeCode").asString()).isEqualTo("01447");
		assertThat(results.get(0).get("classification").asString()).isEqualTo("TYPE_I");
		assertThat(results.get(1).get("classification").asString()).isEqualTo("DRUG_FREE");
		assertThat(results.get(0).get("evidence").get(0).get("threshold").asString()).isEqualTo("≥ 0.5%");
		assertThat(response.getBody().get("ruleSet").get("name").asString()).isEqualTo("default");
		assertThat(count("classification_run") + count("decision")).isZero();
	}

	@Test
	void theLiteralReadingLeavesTheCommuneBetweenBandsUnclassified() throws Exception {
		String body = Files.readString(sample("evaluation-request.json"))
			.replaceFirst("\\{", "{\"ruleSet\": \"literal\",");

		JsonNode results = postJson("/api/v1/evaluations", body).getBody().get("results");

		assertThat(results.get(2).get("classification").asString()).isEqualTo("UNCLASSIFIED");
		assertThat(results.get(2).get("warnings").get(0).get("code").asString()).isEqualTo("UNCLASSIFIED");
	}

	@Test
	void invalidFactsAreProblemsNamingTheItemAndField() {
		String body = """
				{"period": 2025, "communes": [
				  {"communeCode": "01360", "communeName": "Sơn Lộ", "provinceCode": "04", "period": 2025,
				   "population": -5, "managedUsers": 1, "inSubstitutionTreatment": 0, "inCommunityRehab": 0,
				   "inPostRehabManagement": 0, "drugUsePoints": 0, "arrestedOffenders": 0, "residentViolators": 0,
				   "wantedFugitives": 0, "plantsDestroyed": 0, "plantAreaM2": 0}
				]}""";

		ResponseEntity<JsonNode> response = postJson("/api/v1/evaluations", body);

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		JsonNode error = response.getBody().get("errors").get(0);
		assertThat(error.get("row").asInt()).isEqualTo(1);
		assertThat(error.get("column").asString()).isEqualTo("population");
	}

	@Test
	void malformedJsonIsABadRequest() {
		ResponseEntity<JsonNode> response = postJson("/api/v1/evaluations", "{\"period\": 2025, \"communes\": [");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(response.getHeaders().getContentType()).hasToString("application/problem+json");
	}

}
