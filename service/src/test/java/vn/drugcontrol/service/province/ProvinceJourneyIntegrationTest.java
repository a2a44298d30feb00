package vn.drugcontrol.service.province;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A province over two periods (Cao Bằng 2024 → 2025): its own class per Art. 5 and 6, the
 * transitions of its communes, its progress towards targets, and what each commune lacks.
 */
class ProvinceJourneyIntegrationTest extends DatabaseTest {

	private long run2024;

	private long run2025;

	private void twoPeriods() throws IOException {
		postJson("/api/v1/routes", Files.readString(sample("cao-bang-routes.json"), StandardCharsets.UTF_8));
		run2024 = upload(sample("cao-bang-2024.csv")).getBody().get("id").asLong();
		run2025 = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
	}

	@Test
	void theProvinceIsClassifiedByTheRulesWithTheSameEvidenceAsCommunes() throws IOException {
		twoPeriods();

		JsonNode province = get("/api/v1/runs/" + run2025 + "/province");

		assertThat(province.get("provinceName").asString()).isEqualTo("Cao Bằng");
		assertThat(province.get("evidence").findValuesAsString("criterionId")).containsExactly("5.1", "5.2", "5.3",
				"5.4", "5.5", "5.6", "6.1", "6.2", "6.3");
		JsonNode route = province.get("evidence").get(5);
		assertThat(route.get("met").asBoolean()).isTrue();
		assertThat(route.get("rule").asString())
			.isEqualTo("Art. 5.6 — the province lies on an inter-provincial key route");
		assertThat(province.get("facts").get("routeSource").asString()).isEqualTo("REGISTRY");
		assertThat(province.get("facts").get("communeUnits").asInt()).isEqualTo(56);
		assertThat(province.get("facts").get("typeIAndIICommunes").asInt()).isEqualTo(18);
		assertThat(province.get("classification").asString()).isEqualTo("KEY_AREA");
		assertThat(province.get("decidedBy").asString())
			.isEqualTo("Art. 5 — province key area: meets at least the province's number of the criteria of Art. 5");

		JsonNode history = get("/api/v1/provinces/04/classifications");
		assertThat(history.get("periods").findValuesAsString("provinceClassification")).containsExactly("KEY_AREA",
				"KEY_AREA");
	}

	@Test
	void aRunCoveringPartOfTheProvinceLeavesItIncompleteAndNamesTheUnitsMissing(@TempDir Path dir) throws IOException {
		List<String> sample = Files.readAllLines(sample("cao-bang-2025.csv"), StandardCharsets.UTF_8);
		// three of Cao Bằng's 56 units, nothing recorded in any
		StringBuilder csv = new StringBuilder(sample.get(0)).append('\n');
		for (String line : sample.subList(1, 4)) {
			String[] cells = line.split(",");
			csv.append(String.join(",", cells[0], cells[1], cells[2], cells[3], cells[4]))
				.append(",0,0,0,0,0,0,0,0,0,0,false,false,0\n");
		}
		Path partial = Files.writeString(dir.resolve("cao-bang-3-units.csv"), csv, StandardCharsets.UTF_8);
		long run = upload(partial).getBody().get("id").asLong();

		JsonNode province = get("/api/v1/runs/" + run + "/province");

		assertThat(province.get("classification").asString()).isEqualTo("INCOMPLETE");
		assertThat(province.get("complete").asBoolean()).isFalse();
		assertThat(province.get("criteriaMet")).isEmpty();
		assertThat(province.get("evidence")).as("no criterion of Art. 5 or 6 is assessed on part of it").isEmpty();
		assertThat(province.get("facts").get("communeUnits").asInt()).isEqualTo(56);
		JsonNode missing = province.get("missingUnits");
		assertThat(missing).hasSize(53);
		assertThat(missing.findValuesAsString("unitCode")).doesNotContain("01273", "01279", "01288").contains("01360");
		assertThat(missing.get(0).get("unitName").asString()).isNotBlank();
		assertThat(
				get("/api/v1/provinces/04/classifications").get("periods").findValuesAsString("provinceClassification"))
			.containsExactly("INCOMPLETE");

		long whole = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		JsonNode complete = get("/api/v1/runs/" + whole + "/province");
		assertThat(complete.get("complete").asBoolean()).isTrue();
		assertThat(complete.get("missingUnits")).isEmpty();
		assertThat(complete.get("classification").asString()).isEqualTo("KEY_AREA");
	}

	@Test
	void transitionsBetweenThePeriodsWithTheListsBehindTheMatrix() throws IOException {
		twoPeriods();

		JsonNode t = get("/api/v1/provinces/04/transitions?from=2024&to=2025");

		assertThat(t.get("fromRunId").asLong()).isEqualTo(run2024);
		assertThat(t.get("toRunId").asLong()).isEqualTo(run2025);
		JsonNode matrix = t.get("matrix");
		assertThat(matrix.get("TYPE_III").get("DRUG_FREE").asInt()).isEqualTo(6);
		assertThat(matrix.get("TYPE_I").get("TYPE_II").asInt()).isEqualTo(2);
		assertThat(matrix.get("TYPE_II").get("TYPE_III").asInt()).isEqualTo(4);
		assertThat(matrix.get("TYPE_III").get("TYPE_II").asInt()).isEqualTo(1);
		assertThat(matrix.get("DRUG_FREE").get("DRUG_FREE").asInt()).isEqualTo(8);
		assertThat(t.get("transformed")).hasSize(12);
		assertThat(t.get("transformed").findValuesAsString("communeName")).contains("Hoà An", "Phục Hoà", "Quảng Lâm",
				"Yên Thổ", "Nguyễn Huệ", "Thành Công", "Sơn Lộ");
		assertThat(t.get("worsened").findValuesAsString("communeName")).containsExactly("Lý Quốc");
		assertThat(t.get("drugFreeKept")).hasSize(8);
		assertThat(t.get("drugFreeLost")).isEmpty();

		// without "from": the latest period before "to"
		assertThat(get("/api/v1/provinces/04/transitions?to=2025").get("fromRunId").asLong()).isEqualTo(run2024);
		assertThat(http().get()
			.uri("/api/v1/provinces/04/transitions?to=2024")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theLatestRunOfTheRuleSetStandsForItsPeriod() throws IOException {
		twoPeriods();
		long literal = upload(sample("cao-bang-2025.csv"), "ruleSet", "literal").getBody().get("id").asLong();

		assertThat(get("/api/v1/provinces/04/transitions?to=2025").get("toRunId").asLong()).isEqualTo(run2025);
		assertThat(get("/api/v1/provinces/04/transitions?to=2025&ruleSet=literal").has("toRunId")).isFalse();
		assertThat(
				get("/api/v1/provinces/04/classifications?ruleSet=literal").get("periods").get(0).get("runId").asLong())
			.isEqualTo(literal);
	}

	@Test
	void progressTowardsTargetsPerPeriodWithTheGapInCommunes() throws IOException {
		twoPeriods();

		JsonNode progress = get("/api/v1/provinces/04/progress");

		assertThat(progress.get("communeUnits").asInt()).isEqualTo(56);
		JsonNode p2025 = progress.get("periods").get(1);
		assertThat(p2025.get("period").asInt()).isEqualTo(2025);
		assertThat(p2025.get("drugFree").asInt()).isEqualTo(14);
		assertThat(p2025.get("drugFreePercent").decimalValue()).isEqualByComparingTo("25.0");
		// national: 20% of 56 → 12 communes; met
		assertThat(p2025.get("target").get("scope").asString()).isEqualTo("VN");
		assertThat(p2025.get("target").get("required").asInt()).isEqualTo(12);
		assertThat(p2025.get("target").get("met").asBoolean()).isTrue();
		assertThat(progress.get("periods").get(0).get("target").isNull()).isTrue();
		// ahead: national 50% by 2030 → 28 communes, 14 more than 2025
		JsonNode y2030 = progress.get("ahead").get(0);
		assertThat(y2030.get("year").asInt()).isEqualTo(2030);
		assertThat(y2030.get("required").asInt()).isEqualTo(28);
		assertThat(y2030.get("gapCommunes").asInt()).isEqualTo(14);
	}

	@Test
	void targetsShipWithTheNationalAndTuyenQuangExamplesAndCanBeSet() throws IOException {
		assertThat(get("/api/v1/targets?scope=08").findValuesAsString("drugFreePercent")).hasSize(5);
		assertThat(get("/api/v1/targets?scope=VN").findValues("year").stream().map(JsonNode::asInt))
			.containsExactly(2025, 2030);

		JsonNode set = http().put()
			.uri("/api/v1/targets/04/2026")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(Map.of("drugFreePercent", 40, "source", "Kế hoạch tỉnh Cao Bằng"))
			.retrieve()
			.body(JsonNode.class);
		assertThat(set.get("source").asString()).contains("tester");

		twoPeriods();
		JsonNode ahead = get("/api/v1/provinces/04/progress").get("ahead");
		assertThat(ahead.get(0).get("year").asInt()).isEqualTo(2026);
		assertThat(ahead.get(0).get("scope").asString()).isEqualTo("04");
		// 40% of 56 = 22.4 → 23 communes; 9 more than 2025's 14
		assertThat(ahead.get(0).get("required").asInt()).isEqualTo(23);
		assertThat(ahead.get(0).get("gapCommunes").asInt()).isEqualTo(9);

		assertThat(http().put()
			.uri("/api/v1/targets/99/2026")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(Map.of("drugFreePercent", 40))
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
	}

	@Test
	void whatWouldItTakeIsStoredWithEachDecisionAndServed() throws IOException {
		twoPeriods();
		long thucPhan = jdbc.queryForObject("SELECT id FROM decision WHERE run_id = ? AND commune_code = '01273'",
				Long.class, run2025);

		JsonNode decision = get("/api/v1/decisions/" + thucPhan);

		assertThat(decision.get("classification").asString()).isEqualTo("TYPE_I");
		JsonNode gaps = decision.get("whatWouldItTake");
		assertThat(gaps.findValuesAsString("criterionId")).startsWith("4.1").contains("6.1", "6.2", "6.3");
		JsonNode art61 = gaps.get(gaps.size() - 3);
		assertThat(art61.get("criterionId").asString()).isEqualTo("6.1");
		// 192 users, 58 + 12 + 9 exempt: 113 outside exempt treatment
		assertThat(art61.get("amount").asLong()).isEqualTo(113);
		assertThat(art61.get("textEn").asString()).startsWith("113 users outside exempt treatment");

		long sonLo = jdbc.queryForObject("SELECT id FROM decision WHERE run_id = ? AND commune_code = '01360'",
				Long.class, run2025);
		assertThat(get("/api/v1/decisions/" + sonLo).get("whatWouldItTake")).isEmpty();

		JsonNode evaluated = postJson("/api/v1/evaluations",
				Files.readString(sample("evaluation-request.json"), StandardCharsets.UTF_8))
			.getBody();
		assertThat(evaluated.get("results").get(0).get("whatWouldItTake").findValuesAsString("towards"))
			.contains("TYPE_II", "DRUG_FREE");
	}

}
