package vn.drugcontrol.service.run;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.RealDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main journey over real HTTP on a real database: a province uploads its facts, every
 * commune is classified and kept with its evidence, bad files and failures store nothing.
 */
class RunApiIntegrationTest extends DatabaseTest {

	private static final Set<String> CAO_BANG_DRUG_FREE_2025 = Set.of("Sơn Lộ", "Ca Thành", "Xuân Trường", "Tam Kim",
			"Cần Yên", "Thanh Long", "Lũng Nặm", "Tổng Cọt", "Bạch Đằng", "Thạch An", "Kim Đồng", "Đức Long",
			"Minh Khai", "Canh Tân");

	@Test
	void uploadingCaoBangClassifiesEveryCommuneAndKeepsTheEvidence() {
		ResponseEntity<JsonNode> created = upload(sample("cao-bang-2025.csv"));

		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode run = created.getBody();
		assertThat(run.get("communeCount").asInt()).isEqualTo(56);
		assertThat(run.get("counts").get("DRUG_FREE").asInt()).isEqualTo(14);
		assertThat(run.get("ruleSet").get("contentHash").asString()).hasSize(64);
		assertThat(created.getHeaders().getLocation()).hasToString("/api/v1/runs/" + run.get("id").asLong());

		JsonNode drugFree = get("/api/v1/runs/" + run.get("id").asLong() + "/decisions?classification=DRUG_FREE");
		List<String> names = new ArrayList<>();
		drugFree.forEach(d -> names.add(d.get("communeName").asString()));
		assertThat(names).containsExactlyInAnyOrderElementsOf(CAO_BANG_DRUG_FREE_2025);

		JsonNode decision = get("/api/v1/decisions/" + drugFree.get(0).get("id").asLong());
		assertThat(decision.get("classification").asString()).isEqualTo("DRUG_FREE");
		assertThat(decision.get("evidence")).hasSize(16);
		JsonNode art61 = decision.get("evidence").get(13);
		assertThat(art61.get("criterionId").asString()).isEqualTo("6.1");
		assertThat(art61.get("labelVi").asString()).startsWith("Không có người nghiện");
		assertThat(art61.get("met").asBoolean()).isTrue();
		assertThat(decision.get("facts").get("population").asLong()).isPositive();
		assertThat(decision.get("startedBy").asString()).isEqualTo(TESTER);
		assertThat(count("decision_evidence")).isEqualTo(56 * 16);
	}

	@Test
	void resubmittingIdenticalFactsInAnyFormatGivesTheSameRun() throws Exception {
		long first = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();

		ResponseEntity<JsonNode> again = upload(sample("cao-bang-2025.csv"));
		ResponseEntity<JsonNode> asJson = postJson("/api/v1/runs", Files.readString(sample("run-request.json")));

		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody().get("id").asLong()).isEqualTo(first);
		assertThat(asJson.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(asJson.getBody().get("id").asLong()).isEqualTo(first);
		assertThat(count("classification_run")).isEqualTo(1);
		assertThat(count("decision")).isEqualTo(56);
	}

	@Test
	void theLiteralRuleSetMakesADifferentRunOfTheSameFacts() {
		long byDefault = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		JsonNode literal = upload(sample("cao-bang-2025.csv"), "ruleSet", "literal").getBody();

		assertThat(literal.get("id").asLong()).isNotEqualTo(byDefault);
		assertThat(literal.get("ruleSet").get("name").asString()).isEqualTo("literal");
		assertThat(count("classification_run")).isEqualTo(2);
	}

	@Test
	void aMalformedFileGetsEveryErrorWithRowAndColumnAndStoresNothing() {
		upload(sample("cao-bang-2025.csv"));

		ResponseEntity<JsonNode> rejected = upload(sample("cao-bang-2025-bad.csv"));

		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(rejected.getHeaders().getContentType()).hasToString("application/problem+json");
		JsonNode errors = rejected.getBody().get("errors");
		assertThat(errors.size()).isGreaterThanOrEqualTo(5);
		errors.forEach(e -> {
			assertThat(e.get("file").asString()).isEqualTo("cao-bang-2025-bad.csv");
			assertThat(e.get("reason").asString()).isNotBlank();
		});
		assertThat(errors.findValues("row")).anyMatch(JsonNode::isNumber);
		assertThat(count("classification_run")).isEqualTo(1);
		assertThat(count("decision")).isEqualTo(56);
	}

	@Test
	void aDatabaseRefusingAWriteMidwayLeavesNoPartialRunAndTheRunCanBeRetried() {
		// the 50th commune of the file is refused by the database itself
		jdbc.execute(RealDatabase.H2 ? """
				CREATE TRIGGER refuse_one_decision BEFORE INSERT ON decision FOR EACH ROW
				CALL 'vn.drugcontrol.service.run.RefuseCommune01777'
				""" : """
				CREATE TRIGGER refuse_one_decision BEFORE INSERT ON decision FOR EACH ROW
				BEGIN
				  IF NEW.commune_code = '01777' THEN
				    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test';
				  END IF;
				END
				""");
		try {
			ResponseEntity<JsonNode> failed = upload(sample("cao-bang-2025.csv"));

			assertThat(failed.getStatusCode()).isEqualTo(HttpStatus.SERVICE_UNAVAILABLE);
			assertThat(failed.getBody().get("detail").asString()).contains("nothing of it was stored");
			assertThat(count("classification_run")).isZero();
			assertThat(count("decision")).isZero();
			assertThat(count("decision_evidence")).isZero();
		}
		finally {
			jdbc.execute("DROP TRIGGER refuse_one_decision");
		}
		assertThat(upload(sample("cao-bang-2025.csv")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(count("decision")).isEqualTo(56);
	}

	@Test
	void aRunWhoseCriterionTextDiffersFromTheOneStoredUnderItsKeyIsRefused() {
		assertThat(upload(sample("cao-bang-2024.csv")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		// as if another text had the same key: each text is stored once, under its key
		jdbc.update("UPDATE criterion_text SET label_en = 'other words' WHERE criterion_id = '4.1.a'");

		ResponseEntity<JsonNode> refused = upload(sample("cao-bang-2025.csv"));

		assertThat(refused.getStatusCode().is5xxServerError()).isTrue();
		assertThat(count("classification_run")).isEqualTo(1);
		assertThat(count("criterion_text")).isEqualTo(16);
		assertThat(count("decision_evidence")).isEqualTo(56 * 16);
	}

	@Test
	void twoIdenticalRunsStartedAtOnceMakeOneRun() throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(2);
		try {
			Callable<Long> start = () -> upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
			List<Future<Long>> both = pool.invokeAll(List.of(start, start));

			assertThat(both.get(0).get()).isEqualTo(both.get(1).get());
			assertThat(count("classification_run")).isEqualTo(1);
			assertThat(count("decision")).isEqualTo(56);
		}
		finally {
			pool.shutdown();
		}
	}

	@Test
	void runsAreListedAndUnknownOnesAreProblems() {
		upload(sample("cao-bang-2025.csv"), "ruleSet", "default");

		assertThat(get("/api/v1/runs?province=04&period=2025")).hasSize(1);
		assertThat(get("/api/v1/runs?province=01")).isEmpty();
		ResponseEntity<JsonNode> missing = http().get().uri("/api/v1/runs/999999").retrieve().toEntity(JsonNode.class);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getBody().get("title").asString()).isEqualTo("Not found");
	}

	@Test
	void anUnknownRuleSetIsABadRequest() {
		ResponseEntity<JsonNode> bad = upload(sample("cao-bang-2025.csv"), "ruleSet", "lenient");

		assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(bad.getBody().get("detail").asString()).contains("lenient");
		assertThat(count("classification_run")).isZero();
	}

}
