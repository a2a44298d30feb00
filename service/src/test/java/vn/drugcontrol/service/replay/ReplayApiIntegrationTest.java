package vn.drugcontrol.service.replay;

import java.io.ByteArrayInputStream;
import java.util.HashMap;
import java.util.Map;

import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replaying stored facts over real HTTP on a real database: a candidate version simulated
 * over a stored run, why a commune's class changed between two periods, and whether a
 * stored decision reproduces. None of it stores anything.
 */
class ReplayApiIntegrationTest extends DatabaseTest {

	private long versionId(String name) {
		for (JsonNode v : get("/api/v1/rule-sets")) {
			if (v.get("name").asString().equals(name)) {
				return v.get("id").asLong();
			}
		}
		throw new AssertionError("no version " + name);
	}

	@Test
	void theLiteralReadingSimulatedOverCaoBang2025MovesOnlyCocPang() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		long literal = versionId("literal");

		JsonNode simulation = get("/api/v1/rule-sets/" + literal + "/simulation?run=" + run);

		assertThat(simulation.get("communeCount").asInt()).isEqualTo(56);
		assertThat(simulation.get("classChanged").asInt()).isEqualTo(1);
		assertThat(simulation.get("baseline").get("name").asString()).isEqualTo("default");
		assertThat(simulation.get("candidate").get("versionId").asLong()).isEqualTo(literal);
		JsonNode matrix = simulation.get("matrix");
		assertThat(matrix.get("TYPE_II").get("UNCLASSIFIED").asInt()).isEqualTo(1);
		assertThat(matrix.get("TYPE_II").get("TYPE_II").asInt()).isEqualTo(12);
		assertThat(matrix.get("TYPE_I").get("TYPE_I").asInt()).isEqualTo(5);
		assertThat(matrix.get("TYPE_III").get("TYPE_III").asInt()).isEqualTo(24);
		assertThat(matrix.get("DRUG_FREE").get("DRUG_FREE").asInt()).isEqualTo(14);
		JsonNode cocPang = null;
		for (JsonNode change : simulation.get("changes")) {
			if (change.get("communeCode").asString().equals("01324")) {
				cocPang = change;
			}
		}
		assertThat(cocPang.get("from").asString()).isEqualTo("TYPE_II");
		assertThat(cocPang.get("to").asString()).isEqualTo("UNCLASSIFIED");
		assertThat(cocPang.get("criteria").get("lost").toString()).contains("4.2.a");
		assertThat(count("classification_run")).isEqualTo(1);
		assertThat(count("decision")).isEqualTo(56);

		JsonNode byProvince = get("/api/v1/rule-sets/" + literal + "/simulation?province=04&period=2025");
		assertThat(byProvince.get("runId").asLong()).isEqualTo(run);
	}

	@Test
	void aSimulationExportsAsAWorkbookWithTheMatrixAndTheChanges() throws Exception {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();

		ResponseEntity<byte[]> file = http().get()
			.uri("/api/v1/rule-sets/" + versionId("literal") + "/simulation?run=" + run + "&format=xlsx")
			.retrieve()
			.toEntity(byte[].class);

		assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(file.getHeaders().getContentDisposition().getFilename()).endsWith(".xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
			Sheet summary = book.getSheetAt(0);
			assertThat(summary.getRow(4).getCell(5).getStringCellValue()).isEqualTo("UNCLASSIFIED");
			assertThat(summary.getRow(6).getCell(0).getStringCellValue()).isEqualTo("TYPE_II");
			assertThat(summary.getRow(6).getCell(5).getNumericCellValue()).isEqualTo(1);
			Sheet changes = book.getSheetAt(1);
			boolean found = false;
			for (int r = 1; r <= changes.getLastRowNum(); r++) {
				found |= changes.getRow(r).getCell(0).getStringCellValue().equals("01324")
						&& changes.getRow(r).getCell(3).getStringCellValue().equals("UNCLASSIFIED");
			}
			assertThat(found).isTrue();
		}
	}

	@Test
	void aSimulationNeedsARunThatExists() {
		ResponseEntity<JsonNode> missing = http().get()
			.uri("/api/v1/rule-sets/" + versionId("literal") + "/simulation?province=04&period=2031")
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void cocPangsChangeFrom2024To2025UnderTheLiteralReadingComesFromTheRules() {
		upload(sample("cao-bang-2024.csv"));
		upload(sample("cao-bang-2025.csv"), "ruleSet", "literal");

		JsonNode why = get("/api/v1/communes/01324/changes?from=2024&to=2025");

		assertThat(why.get("before").get("classification").asString()).isEqualTo("TYPE_II");
		assertThat(why.get("after").get("classification").asString()).isEqualTo("UNCLASSIFIED");
		assertThat(why.get("cause").asString()).isEqualTo("RULES");
		assertThat(why.get("oldFactsUnderNewRules").get("classification").asString()).isEqualTo("UNCLASSIFIED");
		assertThat(why.get("newFactsUnderOldRules").get("classification").asString()).isEqualTo("TYPE_II");
		assertThat(why.get("movedByRules").get("lost").toString()).contains("4.2.a");
	}

	@Test
	void aChangeUnderTheSameRulesComesFromTheData() {
		long before = upload(sample("cao-bang-2024.csv")).getBody().get("id").asLong();
		long after = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		Map<String, String> classOf2024 = new HashMap<>();
		get("/api/v1/runs/" + before + "/decisions")
			.forEach(d -> classOf2024.put(d.get("communeCode").asString(), d.get("classification").asString()));
		String moved = null;
		for (JsonNode d : get("/api/v1/runs/" + after + "/decisions")) {
			String code = d.get("communeCode").asString();
			if (classOf2024.containsKey(code) && !classOf2024.get(code).equals(d.get("classification").asString())) {
				moved = code;
				break;
			}
		}
		assertThat(moved).as("a Cao Bằng commune whose class changed from 2024 to 2025").isNotNull();

		JsonNode why = get("/api/v1/communes/" + moved + "/changes?from=2024&to=2025");

		assertThat(why.get("cause").asString()).isEqualTo("DATA");
		assertThat(why.get("movedByRules").get("gained")).isEmpty();
		assertThat(why.get("movedByRules").get("lost")).isEmpty();
		assertThat(why.get("movedByData").toString()).matches(".*\"4\\.[^\"]*\".*");
	}

	@Test
	void aStoredDecisionReproducesWithItsPinnedRulesAndATamperedOneDoesNot() {
		long run = upload(sample("cao-bang-2025.csv"), "ruleSet", "literal").getBody().get("id").asLong();
		long decision = get("/api/v1/runs/" + run + "/decisions").get(0).get("id").asLong();

		JsonNode same = get("/api/v1/decisions/" + decision + "/reproduction");

		assertThat(same.get("identical").asBoolean()).isTrue();
		assertThat(same.get("differences")).isEmpty();
		assertThat(same.get("ruleSetName").asString()).isEqualTo("literal");
		assertThat(same.get("ruleSetVersion").asLong()).isEqualTo(versionId("literal"));

		jdbc.update("UPDATE decision_evidence_row SET observed = '0.9%' WHERE decision_id = ? AND position = 0",
				decision);
		JsonNode tampered = get("/api/v1/decisions/" + decision + "/reproduction");

		assertThat(tampered.get("identical").asBoolean()).isFalse();
		assertThat(tampered.get("differences").get(0).asString()).startsWith("4.1.a observed: stored 0.9%, now ");
	}

}
