package vn.drugcontrol.service.ruleset;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.rules.law.LawBook;
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
		return postMultipart("/api/v1/rule-sets", form);
	}

	private ResponseEntity<JsonNode> post(String uri) {
		return http().post().uri(uri).retrieve().toEntity(JsonNode.class);
	}

	/**
	 * Activates a version of the literal reading, which breaks monotonicity: with an
	 * analyst's reason (RuleSetProofIntegrationTest tests the refusal without one).
	 */
	private ResponseEntity<JsonNode> activateAnyway(long id) {
		return postJson("/api/v1/rule-sets/" + id + "/activation",
				Map.of("overrideMonotonicity", "the literal reading, as the Ministry asked"));
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
		// the literal reading's commune rows and the province rows both readings share
		assertThat(scenarios.get("total").asInt()).isEqualTo(24);
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
		assertThat(candidate.get("scenarios").get("passed").asInt()).isEqualTo(24);
		long id = candidate.get("id").asLong();
		assertThat(uploadBundle(zipForm(Bundles.shipped("literal"), "name", "literal-2026")).getStatusCode())
			.as("the same bundle again is the same version")
			.isEqualTo(HttpStatus.OK);

		JsonNode active = activateAnyway(id).getBody();

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

		activateAnyway(id);

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
	void aBundleWithoutScenarioTablesIsUntestedAndCanNeverBeActivated() {
		Map<String, String> drlOnly = new LinkedHashMap<>(ShippedRuleSets.source("default").files());

		ResponseEntity<JsonNode> uploaded = uploadBundle(Bundles.form(drlOnly, "name", "no-tables"));

		assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(uploaded.getBody().get("status").asString()).isEqualTo("UNTESTED");
		assertThat(uploaded.getBody().get("scenarios").get("missing").toString()).contains("TYPE_I", "TYPE_II",
				"TYPE_III", "DRUG_FREE");
		long id = uploaded.getBody().get("id").asLong();
		ResponseEntity<JsonNode> refused = post("/api/v1/rule-sets/" + id + "/activation");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(refused.getBody().get("detail").asString()).contains("no passing scenario shows");
		assertThat(get("/api/v1/rule-sets/" + id).get("status").asString()).isEqualTo("UNTESTED");
		assertThat(get("/api/v1/rule-sets/effective?period=2025").get("name").asString()).isEqualTo("default");
	}

	@Test
	void aReadingThatCanLeaveACommuneUnclassifiedMustShowItInAScenario() {
		Map<String, String> literal = Bundles.shipped("literal");
		String table = literal.get("scenarios/literal-reading.csv");
		literal.put("scenarios/literal-reading.csv",
				table.lines()
					.filter(line -> !line.contains("UNCLASSIFIED"))
					.map(line -> line + "\n")
					.reduce("", String::concat));
		Map<String, String> cumulative = Bundles.shipped("default");

		JsonNode withoutTheHole = uploadBundle(Bundles.form(literal, "name", "literal-no-hole")).getBody();
		JsonNode cumulativeCopy = uploadBundle(Bundles.form(cumulative, "name", "default-copy")).getBody();

		assertThat(withoutTheHole.get("status").asString()).isEqualTo("UNTESTED");
		assertThat(withoutTheHole.get("scenarios").get("failures")).isEmpty();
		assertThat(withoutTheHole.get("scenarios").get("missing").toString()).isEqualTo("[\"UNCLASSIFIED\"]");
		assertThat(cumulativeCopy.get("status").asString()).as("the cumulative reading never leaves one unclassified")
			.isEqualTo("VALIDATED");
		assertThat(cumulativeCopy.get("scenarios").get("required").toString()).doesNotContain("UNCLASSIFIED");
		assertThat(version("literal").get("status").asString()).isEqualTo("VALIDATED");
	}

	@Test
	void rulesThatGiveACommuneNoClassFailValidationAndTheirSimulationIsAProblemNotAServerError() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		Map<String, String> criteriaOnly = new LinkedHashMap<>();
		criteriaOnly.put("common/criteria-type-i.drl",
				ShippedRuleSets.source("default").files().get("common/criteria-type-i.drl"));
		criteriaOnly.put(LawBook.CLAUSES, ShippedRuleSets.source("default").files().get(LawBook.CLAUSES));
		criteriaOnly.put(LawBook.PARAMETERS, ShippedRuleSets.source("default").files().get(LawBook.PARAMETERS));
		criteriaOnly.putAll(ShippedRuleSets.scenarios("default"));

		ResponseEntity<JsonNode> uploaded = uploadBundle(Bundles.form(criteriaOnly, "name", "criteria-only"));

		assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(uploaded.getBody().get("status").asString()).isEqualTo("FAILING");
		JsonNode failure = uploaded.getBody().get("scenarios").get("failures").get(0);
		assertThat(failure.get("actualClassification").isNull()).isTrue();
		assertThat(failure.get("error").asString()).contains("0 classes");
		assertThat(uploaded.getBody().get("scenarios").get("unusable").asString()).contains("class probe");
		long id = uploaded.getBody().get("id").asLong();
		for (String format : new String[] { "json", "xlsx" }) {
			ResponseEntity<JsonNode> simulation = http().get()
				.uri("/api/v1/rule-sets/" + id + "/simulation?run=" + run + "&format=" + format)
				.retrieve()
				.toEntity(JsonNode.class);
			assertThat(simulation.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
			assertThat(simulation.getHeaders().getContentType()).hasToString("application/problem+json");
			assertThat(simulation.getBody().get("detail").asString()).contains("cannot be simulated over run " + run)
				.contains("0 classes");
		}
		ResponseEntity<JsonNode> evaluation = postJson("/api/v1/evaluations",
				evaluationBody(2025, "\"ruleSetVersion\": " + id + ","));
		assertThat(evaluation.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(count("classification_run")).isEqualTo(1);
	}

	@Test
	void aRuleCitingAClauseTheRegisterLacksIsRejectedAtItsFileAndLine() {
		Map<String, String> files = Bundles.shipped("default");
		String typeI = files.get("common/criteria-type-i.drl").replace("@clause(\"4.1.b\")", "@clause(\"4.1.z\")");
		files.put("common/criteria-type-i.drl", typeI);

		ResponseEntity<JsonNode> rejected = uploadBundle(Bundles.form(files, "name", "unknown-clause"));

		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(rejected.getBody().get("title").asString()).isEqualTo("Rule set rejected");
		JsonNode error = rejected.getBody().get("errors").get(0);
		assertThat(error.get("file").asString()).isEqualTo("common/criteria-type-i.drl");
		assertThat(error.get("line").asInt())
			.isEqualTo(List.of(typeI.split("\n")).indexOf("    @clause(\"4.1.z\")") + 1);
		assertThat(error.get("message").asString()).contains("'4.1.z'").contains("law/clauses.csv");
	}

	@Test
	void oneParameterEditedIsGuardedByTheRowThatPinsItAndTheEvidenceReadsTheNewValue() {
		Map<String, String> files = Bundles.shipped("default");
		files.put(LawBook.PARAMETERS, files.get(LawBook.PARAMETERS)
			.replace("type1.users_rate,4.1.a,percent,2020,0.5,", "type1.users_rate,4.1.a,percent,2020,0.6,"));

		JsonNode stricter = uploadBundle(Bundles.form(files, "name", "type1-users-0.6")).getBody();

		assertThat(stricter.get("status").asString()).isEqualTo("FAILING");
		JsonNode failure = stricter.get("scenarios").get("failures").get(0);
		assertThat(failure.get("file").asString()).isEqualTo("scenarios/default-reading.csv");
		assertThat(failure.get("row").asInt()).isEqualTo(4);
		assertThat(failure.get("expectedClassification").asString()).isEqualTo("TYPE_I");
		assertThat(failure.get("actualClassification").asString()).isEqualTo("TYPE_II");
		JsonNode evidence = postJson("/api/v1/evaluations",
				evaluationBody(2025, "\"ruleSetVersion\": " + stricter.get("id").asLong() + ","))
			.getBody()
			.get("results")
			.get(0)
			.get("evidence")
			.get(0);
		assertThat(evidence.get("criterionId").asString()).isEqualTo("4.1.a");
		assertThat(evidence.get("threshold").asString()).isEqualTo("≥ 0.6%");
		assertThat(evidence.get("labelVi").asString()).contains("chiếm từ 0,6% dân số trở lên");
	}

	@Test
	void aProvinceRowOfTheScenarioTablesFailsLikeACommunesRow() {
		Map<String, String> files = Bundles.shipped("literal");
		files.put("scenarios/province.csv", files.get("scenarios/province.csv")
			.replace(",true,KEY_AREA,5.1;5.2;5.3;5.4;5.5;5.6", ",true,NOT_KEY_AREA,5.1;5.2;5.3;5.4;5.5;5.6"));

		JsonNode failing = uploadBundle(Bundles.form(files, "name", "province-wrong-expectation")).getBody();

		assertThat(failing.get("status").asString()).isEqualTo("FAILING");
		assertThat(failing.get("scenarios").get("failures")).singleElement().satisfies(f -> {
			assertThat(f.get("file").asString()).isEqualTo("scenarios/province.csv");
			assertThat(f.get("row").asInt()).isEqualTo(2);
			assertThat(f.get("communeCode").asString()).isEqualTo("91");
			assertThat(f.get("expectedClassification").asString()).isEqualTo("NOT_KEY_AREA");
			assertThat(f.get("actualClassification").asString()).isEqualTo("KEY_AREA");
		});
	}

	@Test
	void aPeriodBeforeEveryValueOfTheParametersCannotBeEvaluated() {
		Map<String, String> files = Bundles.shipped("default");
		files.put(LawBook.PARAMETERS, files.get(LawBook.PARAMETERS).replace(",2020,", ",2026,"));
		JsonNode from2026 = uploadBundle(Bundles.form(files, "name", "parameters-from-2026")).getBody();
		assertThat(from2026.get("status").asString()).isEqualTo("FAILING");
		assertThat(from2026.get("scenarios").get("failures").get(0).get("error").asString())
			.contains("no value of type1.criteria_needed for period 2025");

		ResponseEntity<JsonNode> evaluation = postJson("/api/v1/evaluations",
				evaluationBody(2025, "\"ruleSetVersion\": " + from2026.get("id").asLong() + ","));

		assertThat(evaluation.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(postJson("/api/v1/evaluations",
				evaluationBody(2026, "\"ruleSetVersion\": " + from2026.get("id").asLong() + ","))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	@Test
	void anActivationIsPreviewedPeriodByPeriodBeforeItChangesAnything() {
		long defaultId = version("default").get("id").asLong();
		long from2028 = uploadBundle(Bundles.form(Bundles.shipped("literal"), "name", "literal-2028", "effectiveFrom",
				"2028", "effectiveTo", "2029"))
			.getBody()
			.get("id")
			.asLong();
		activateAnyway(from2028);
		long candidate = uploadBundle(
				Bundles.form(Bundles.shipped("literal"), "name", "literal-2026", "effectiveFrom", "2026"))
			.getBody()
			.get("id")
			.asLong();

		JsonNode preview = get("/api/v1/rule-sets/" + candidate + "/activation");

		assertThat(preview.get("effectiveFrom").asInt()).isEqualTo(2026);
		JsonNode changes = preview.get("changes");
		assertThat(changes).hasSize(3);
		assertThat(changes.get(0).get("fromPeriod").asInt()).isEqualTo(2026);
		assertThat(changes.get(0).get("toPeriod").asInt()).isEqualTo(2027);
		assertThat(changes.get(0).get("before").get("id").asLong()).isEqualTo(defaultId);
		assertThat(changes.get(0).get("after").get("id").asLong()).isEqualTo(candidate);
		assertThat(changes.get(1).get("fromPeriod").asInt()).isEqualTo(2028);
		assertThat(changes.get(1).get("toPeriod").asInt()).isEqualTo(2029);
		assertThat(changes.get(1).get("before").get("name").asString()).isEqualTo("literal-2028");
		assertThat(changes.get(2).get("fromPeriod").asInt()).isEqualTo(2030);
		assertThat(changes.get(2).get("toPeriod").isNull()).isTrue();
		assertThat(changes.get(2).get("before").get("id").asLong()).isEqualTo(defaultId);
		assertThat(preview.get("superseded").get(0).get("id").asLong()).isEqualTo(from2028);
		assertThat(get("/api/v1/rule-sets/" + candidate).get("status").asString()).as("a preview changes nothing")
			.isEqualTo("VALIDATED");
		assertThat(get("/api/v1/rule-sets/effective?period=2026").get("id").asLong()).isEqualTo(defaultId);
	}

	@Test
	void uploadsNeedANameOfTheirOwn() {
		ResponseEntity<JsonNode> taken = uploadBundle(Bundles.form(Bundles.shipped("literal"), "name", "default"));

		assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(taken.getBody().get("detail").asString()).contains("shipped");
	}

	private JsonNode evaluate(int period, String choice) {
		ResponseEntity<JsonNode> response = postJson("/api/v1/evaluations", evaluationBody(period, choice));
		assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	private static String evaluationBody(int period, String choice) {
		return """
				{%s "period": %d, "communes": [{"communeCode": "01324", "communeName": "Cốc Pàng", "provinceCode": "04",
				  "period": %d, "population": 10000, "managedUsers": 60, "inSubstitutionTreatment": 0,
				  "inCommunityRehab": 8, "inPostRehabManagement": 3, "drugUsePoints": 0, "arrestedOffenders": 7,
				  "residentViolators": 5, "wantedFugitives": 0, "plantsDestroyed": 1000, "plantAreaM2": 118}]}
				""".formatted(choice, period, period);
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
