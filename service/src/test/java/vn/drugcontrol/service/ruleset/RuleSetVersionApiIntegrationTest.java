package vn.drugcontrol.service.ruleset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst's journey with rule-set versions over real HTTP on a real database: the
 * shipped versions, uploads that compile or not, scenario tests, activation for a period
 * and rollback, side by side with the shipped readings.
 */
class RuleSetVersionApiIntegrationTest extends DatabaseTest {

	private static final String DEFAULT_HASH = ShippedRuleSets.defaultReading().contentHash();

	private static final String LITERAL_HASH = ShippedRuleSets.literalReading().contentHash();

	private ResponseEntity<JsonNode> uploadBundle(MultiValueMap<String, Object> form) {
		return http().post()
			.uri("/api/v1/rule-sets")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> post(String uri) {
		return http().post().uri(uri).retrieve().toEntity(JsonNode.class);
	}

	private JsonNode version(String name) {
		for (JsonNode v : get("/api/v1/rule-sets")) {
			if (v.get("name").asString().equals(name)) {
				return v;
			}
		}
		throw new AssertionError("no version " + name);
	}

	@Test
	void theShippedReadingsAreTheFirstVersionsAndRunsPinTheEffectiveOne() {
		JsonNode run = upload(sample("cao-bang-2025.csv")).getBody();

		JsonNode byDefault = version("default");
		assertThat(byDefault.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(byDefault.get("effectiveFrom").asInt()).isEqualTo(2025);
		assertThat(byDefault.get("contentHash").asString()).isEqualTo(DEFAULT_HASH);
		assertThat(byDefault.get("author").asString()).isEqualTo("shipped");
		assertThat(version("literal").get("status").asString()).isEqualTo("VALIDATED");
		assertThat(run.get("ruleSet").get("contentHash").asString()).isEqualTo(DEFAULT_HASH);
		assertThat(get("/api/v1/rule-sets/effective?period=2025").get("id").asLong())
			.isEqualTo(byDefault.get("id").asLong());
		assertThat(get("/api/v1/rule-sets?contentHash=" + DEFAULT_HASH)).hasSize(1);

		JsonNode scenarios = get("/api/v1/rule-sets/" + version("literal").get("id").asLong() + "/scenarios");
		assertThat(scenarios.get("total").asInt()).isEqualTo(5);
		assertThat(scenarios.get("failures")).isEmpty();
		assertThat(scenarios.get("files").get(0).asString()).isEqualTo("scenarios/literal-reading.csv");
	}

	@Test
	void aBundleThatDoesNotCompileIsKeptAsRejectedWithEveryErrorAndCanNeverBeActivated() {
		Map<String, String> files = Bundles.shipped("default");
		files.put("common/tally.drl", files.get("common/tally.drl").replaceFirst("then", "then\n    undefinedCall(;"));

		ResponseEntity<JsonNode> rejected = uploadBundle(Bundles.form(files, "name", "broken", "note", "a typo"));

		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(rejected.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(rejected.getBody().get("title").asString()).isEqualTo("Rule set rejected");
		JsonNode error = rejected.getBody().get("errors").get(0);
		assertThat(error.get("file").asString()).isEqualTo("common/tally.drl");
		assertThat(error.get("line").asInt()).isPositive();
		assertThat(error.get("message").asString()).isNotBlank();
		long id = rejected.getBody().get("version").get("id").asLong();
		assertThat(get("/api/v1/rule-sets/" + id).get("status").asString()).isEqualTo("REJECTED");
		assertThat(get("/api/v1/rule-sets/" + id).get("errors")).isNotEmpty();
		assertThat(get("/api/v1/rule-sets/" + id).get("author").asString()).isEqualTo("tester");

		ResponseEntity<JsonNode> activation = post("/api/v1/rule-sets/" + id + "/activation");
		assertThat(activation.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(activation.getBody().get("detail").asString()).contains("never be activated");
		ResponseEntity<JsonNode> run = upload(sample("cao-bang-2025.csv"), "ruleSetVersion", String.valueOf(id));
		assertThat(run.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(count("classification_run")).isZero();
	}

	@Test
	void aFailingScenarioIsShownRowByRowAndBlocksActivation() {
		Map<String, String> files = Bundles.shipped("literal");
		// the analyst expects the default reading's answer for the literal reading's hole
		String table = files.get("scenarios/literal-reading.csv");
		files.put("scenarios/literal-reading.csv",
				table.replace("UNCLASSIFIED,4.1.a;4.2.c;4.2.d", "TYPE_II,4.1.a;4.2.c;4.2.d"));

		ResponseEntity<JsonNode> uploaded = uploadBundle(Bundles.form(files, "name", "literal-wrong-expectation"));

		assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(uploaded.getBody().get("status").asString()).isEqualTo("FAILING");
		JsonNode failure = uploaded.getBody().get("scenarios").get("failures").get(0);
		assertThat(failure.get("row").asInt()).isEqualTo(6);
		assertThat(failure.get("expectedClassification").asString()).isEqualTo("TYPE_II");
		assertThat(failure.get("actualClassification").asString()).isEqualTo("UNCLASSIFIED");

		long id = uploaded.getBody().get("id").asLong();
		ResponseEntity<JsonNode> refused = post("/api/v1/rule-sets/" + id + "/activation");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getBody().get("failures").get(0).get("row").asInt()).isEqualTo(6);
		assertThat(get("/api/v1/rule-sets/" + id).get("status").asString()).isEqualTo("FAILING");
	}

	@Test
	void anUnreadableScenarioTableRejectsTheBundleWithItsRow() {
		Map<String, String> files = Bundles.shipped("default");
		files.put("scenarios/extra.csv", "population,expected_classification\n10000,TYPE_IV\n");

		ResponseEntity<JsonNode> rejected = uploadBundle(Bundles.form(files, "name", "bad-table"));

		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		JsonNode error = rejected.getBody().get("errors").get(0);
		assertThat(error.get("file").asString()).isEqualTo("scenarios/extra.csv");
		assertThat(error.get("line").asInt()).isEqualTo(2);
		assertThat(error.get("message").asString()).contains("expected_classification");
	}

	@Test
	void aVersionActivatedFor2026LeavesEarlierPeriodsAloneAndRollsBackInOneStep() throws Exception {
		ResponseEntity<JsonNode> uploaded = uploadBundle(zipForm(Bundles.shipped("literal"), "name", "literal-2026",
				"label", "Literal reading from 2026", "note", "Ministry guidance of 2026", "effectiveFrom", "2026"));
		assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode candidate = uploaded.getBody();
		assertThat(candidate.get("status").asString()).isEqualTo("VALIDATED");
		assertThat(candidate.get("contentHash").asString()).isEqualTo(LITERAL_HASH);
		assertThat(candidate.get("scenarios").get("passed").asInt()).isEqualTo(5);
		long id = candidate.get("id").asLong();
		assertThat(uploadBundle(zipForm(Bundles.shipped("literal"), "name", "literal-2026")).getStatusCode())
			.as("the same bundle again is the same version")
			.isEqualTo(HttpStatus.OK);

		JsonNode active = post("/api/v1/rule-sets/" + id + "/activation").getBody();

		assertThat(active.get("status").asString()).isEqualTo("ACTIVE");
		assertThat(get("/api/v1/rule-sets/effective?period=2026").get("id").asLong()).isEqualTo(id);
		assertThat(get("/api/v1/rule-sets/effective?period=2025").get("name").asString()).isEqualTo("default");
		assertThat(evaluate(2026, "").get("ruleSet").get("contentHash").asString()).isEqualTo(LITERAL_HASH);
		assertThat(evaluate(2025, "").get("ruleSet").get("contentHash").asString()).isEqualTo(DEFAULT_HASH);
		assertThat(evaluate(2026, "\"ruleSet\": \"default\",").get("ruleSet").get("contentHash").asString())
			.as("a named rule set side by side with the effective one")
			.isEqualTo(DEFAULT_HASH);
		assertThat(evaluate(2025, "\"ruleSetVersion\": " + id + ",").get("ruleSet").get("contentHash").asString())
			.isEqualTo(LITERAL_HASH);

		JsonNode retired = post("/api/v1/rule-sets/" + id + "/retirement").getBody();

		assertThat(retired.get("status").asString()).isEqualTo("RETIRED");
		assertThat(evaluate(2026, "").get("ruleSet").get("contentHash").asString()).isEqualTo(DEFAULT_HASH);
		assertThat(post("/api/v1/rule-sets/" + id + "/retirement").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void activatingOverTheDefaultSupersedesItAndRetiringRestoresIt() {
		JsonNode candidate = uploadBundle(Bundles.form(Bundles.shipped("literal"), "name", "literal-now")).getBody();
		long id = candidate.get("id").asLong();
		long defaultId = version("default").get("id").asLong();

		post("/api/v1/rule-sets/" + id + "/activation");

		assertThat(get("/api/v1/rule-sets/" + defaultId).get("status").asString()).isEqualTo("RETIRED");
		assertThat(get("/api/v1/rule-sets/" + defaultId).get("supersededBy").asLong()).isEqualTo(id);
		JsonNode run = upload(sample("cao-bang-2025.csv")).getBody();
		assertThat(run.get("ruleSet").get("contentHash").asString()).isEqualTo(LITERAL_HASH);
		assertThat(run.get("counts").get("UNCLASSIFIED").asInt()).isEqualTo(1);

		post("/api/v1/rule-sets/" + id + "/retirement");

		assertThat(get("/api/v1/rule-sets/" + defaultId).get("status").asString()).isEqualTo("ACTIVE");
		assertThat(upload(sample("cao-bang-2025.csv")).getBody().get("ruleSet").get("contentHash").asString())
			.isEqualTo(DEFAULT_HASH);
	}

	@Test
	void uploadsNeedANameOfTheirOwn() {
		ResponseEntity<JsonNode> taken = uploadBundle(Bundles.form(Bundles.shipped("literal"), "name", "default"));

		assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(taken.getBody().get("detail").asString()).contains("shipped");
	}

	private JsonNode evaluate(int period, String choice) {
		String body = """
				{%s "period": %d, "communes": [{"communeCode": "01324", "communeName": "Cốc Pàng", "provinceCode": "04",
				  "period": %d, "population": 10000, "managedUsers": 60, "inSubstitutionTreatment": 0,
				  "inCommunityRehab": 8, "inPostRehabManagement": 3, "drugUsePoints": 0, "arrestedOffenders": 7,
				  "residentViolators": 5, "wantedFugitives": 0, "plantsDestroyed": 1000, "plantAreaM2": 118}]}
				""".formatted(choice, period, period);
		ResponseEntity<JsonNode> response = postJson("/api/v1/evaluations", body);
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private static MultiValueMap<String, Object> zipForm(Map<String, String> files, String... fields) throws Exception {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			for (Map.Entry<String, String> f : new LinkedHashMap<>(files).entrySet()) {
				zip.putNextEntry(new ZipEntry(f.getKey()));
				zip.write(f.getValue().getBytes(StandardCharsets.UTF_8));
				zip.closeEntry();
			}
		}
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>(Bundles.form(Map.of(), fields));
		form.add("files", Bundles.file("bundle.zip", bytes.toByteArray()));
		return form;
	}

}
