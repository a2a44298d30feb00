package vn.drugcontrol.service.evaluation;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

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

	@Test
	void anEvaluationGivesWhatARunOfTheSameFactsGivesRouteFactsFromTheRegistry() throws Exception {
		registerCaoBangRoutes();
		String communes = withoutRouteColumns(communesOf("run-request.json"));

		JsonNode run = postJson("/api/v1/runs",
				"{\"provinceCode\": \"04\", \"period\": 2025, \"communes\": " + communes + "}")
			.getBody();
		Map<String, String> byRun = new TreeMap<>();
		get("/api/v1/runs/" + run.get("id").asLong() + "/decisions")
			.forEach(d -> byRun.put(d.get("communeCode").asString(), d.get("classification").asString()));
		long stored = count("decision");
		JsonNode evaluation = postJson("/api/v1/evaluations", "{\"period\": 2025, \"communes\": " + communes + "}")
			.getBody();
		Map<String, String> byEvaluation = new TreeMap<>();
		evaluation.get("results")
			.forEach(r -> byEvaluation.put(r.get("communeCode").asString(), r.get("classification").asString()));

		assertThat(byEvaluation).hasSize(56).isEqualTo(byRun);
		assertThat(evaluation.get("ruleSet").get("contentHash").asString())
			.isEqualTo(run.get("ruleSet").get("contentHash").asString());
		assertThat(count("decision")).as("the evaluation stored nothing").isEqualTo(stored);
		// Thục Phán's facts say nothing of routes; the registry puts it on CB-NT-01 (Art.
		// 4.1.đ)
		assertThat(evaluation.get("results")).filteredOn(r -> r.get("communeCode").asString().equals("01273"))
			.singleElement()
			.satisfies(r -> assertThat(criterion(r, "4.1.đ").get("met").asBoolean()).isTrue());
	}

	@Test
	void anEvaluationRefusesARouteValueThatContradictsTheRegistryNamingTheField() throws Exception {
		registerCaoBangRoutes();
		String communes = communesOf("run-request.json").replaceFirst("\"onIntraProvincialRoute\":true",
				"\"onIntraProvincialRoute\":false");

		ResponseEntity<JsonNode> response = postJson("/api/v1/evaluations",
				"{\"period\": 2025, \"communes\": " + communes + "}");

		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		JsonNode error = response.getBody().get("errors").get(0);
		assertThat(error.get("row").asInt()).isEqualTo(1);
		assertThat(error.get("column").asString()).isEqualTo("onIntraProvincialRoute");
		assertThat(error.get("reason").asString()).contains("CB-NT-01");
	}

	@Test
	void decimalsInARequestBodyAreReadExactlyAsInAFile() {
		// 749.99999999999999999999 m² is below the 750 m² of Art. 4.1.d; read through a
		// double it becomes 750 and meets it
		String commune = """
				{"communeCode": "01360", "communeName": "Sơn Lộ", "provinceCode": "04", "period": 2025,
				 "population": 10000, "managedUsers": 60, "inSubstitutionTreatment": 0, "inCommunityRehab": 0,
				 "inPostRehabManagement": 0, "drugUsePoints": 2, "arrestedOffenders": 5, "residentViolators": 0,
				 "wantedFugitives": 0, "plantsDestroyed": 0, "plantAreaM2": 749.99999999999999999999}""";

		JsonNode evaluated = postJson("/api/v1/evaluations", "{\"period\": 2025, \"communes\": [" + commune + "]}")
			.getBody()
			.get("results")
			.get(0);
		JsonNode run = postJson("/api/v1/runs", "{\"communes\": [" + commune + "]}").getBody();
		JsonNode decision = get("/api/v1/runs/" + run.get("id").asLong() + "/decisions").get(0);

		assertThat(criterion(evaluated, "4.1.d").get("met").asBoolean()).isFalse();
		assertThat(criterion(evaluated, "4.1.d").get("observed").asString()).contains("749.99999999999999999999");
		assertThat(criterion(get("/api/v1/decisions/" + decision.get("id").asLong()), "4.1.d").get("met").asBoolean())
			.isFalse();
		assertThat(evaluated.get("classification").asString()).isEqualTo("TYPE_II")
			.isEqualTo(decision.get("classification").asString());
	}

	@Test
	void countsTooLargeForAnyCommuneAreProblemsNamingTheFieldNotAWrappedSum() {
		// each below a long's limit, their sum (the exempt groups, the province's total)
		// is not
		String commune = """
				{"communeCode": "%s", "communeName": "%s", "provinceCode": "04", "period": 2025,
				 "population": 10000, "managedUsers": 9000000000000000000, "inSubstitutionTreatment": 5000000000000000000,
				 "inCommunityRehab": 5000000000000000000, "inPostRehabManagement": 0, "drugUsePoints": 0,
				 "arrestedOffenders": 0, "residentViolators": 0, "wantedFugitives": 0,
				 "plantsDestroyed": 5000000000000000000, "plantAreaM2": 1e999999999}""";
		String body = "{\"communes\": [" + commune.formatted("01360", "Sơn Lộ") + ", "
				+ commune.formatted("01273", "Thục Phán") + "]}";

		for (String path : List.of("/api/v1/evaluations", "/api/v1/runs")) {
			ResponseEntity<JsonNode> response = postJson(path, body);

			assertThat(response.getStatusCode()).as(path).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
			assertThat(response.getBody().get("errors")).as(path)
				.anySatisfy(e -> assertThat(e.get("column").asString()).isEqualTo("plantsDestroyed"))
				.anySatisfy(e -> assertThat(e.get("column").asString()).isEqualTo("managedUsers"))
				.anySatisfy(e -> {
					assertThat(e.get("row").asInt()).isEqualTo(2);
					assertThat(e.get("column").asString()).isEqualTo("plantAreaM2");
					assertThat(e.get("reason").asString()).contains("too large").hasSizeLessThan(200);
				});
		}
		assertThat(count("classification_run")).isZero();
	}

	private void registerCaoBangRoutes() throws Exception {
		assertThat(postJson("/api/v1/routes", Files.readString(sample("cao-bang-routes.json"), StandardCharsets.UTF_8))
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
	}

	/** The communes array of a sample request. */
	private static String communesOf(String sample) throws Exception {
		String text = Files.readString(sample(sample), StandardCharsets.UTF_8);
		return text.substring(text.indexOf('['), text.lastIndexOf(']') + 1);
	}

	/** Facts that leave the route to the registry, as a commune's police would. */
	private static String withoutRouteColumns(String communes) {
		return communes.replaceAll(",\"onIntraProvincialRoute\":(true|false)", "")
			.replaceAll(",\"onInterProvincialRoute\":(true|false)", "");
	}

	private static JsonNode criterion(JsonNode result, String id) {
		for (JsonNode e : result.get("evidence")) {
			if (e.get("criterionId").asString().equals(id)) {
				return e;
			}
		}
		throw new AssertionError("no criterion " + id + " in " + result);
	}

}
