package vn.drugcontrol.service.route;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The key-route registry: routes registered through the API, route facts derived from it
 * for a run's period, contradicting values rejected with row and column.
 */
class KeyRouteRegistryIntegrationTest extends DatabaseTest {

	@TempDir
	Path dir;

	@BeforeEach
	void registerCaoBangRoutes() throws IOException {
		ResponseEntity<JsonNode> created = postJson("/api/v1/routes",
				Files.readString(sample("cao-bang-routes.json"), StandardCharsets.UTF_8));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(created.getBody()).hasSize(4);
	}

	@Test
	void routesAreListedByProvinceAndPeriod() {
		assertThat(get("/api/v1/routes?province=04").findValuesAsString("code")).contains("CB-LT-01", "CB-LT-02",
				"CB-NT-01", "CB-NT-02");
		assertThat(get("/api/v1/routes?province=04&period=2024").findValuesAsString("code")).doesNotContain("CB-LT-02");
		JsonNode route = get("/api/v1/routes/CB-LT-02");
		assertThat(route.get("kind").asString()).isEqualTo("INTER_PROVINCIAL");
		assertThat(route.get("approvedBy").asString()).isEqualTo("Bộ Công an");
		assertThat(route.get("firstPeriod").asInt()).isEqualTo(2025);
		assertThat(route.get("communes").get(0).get("communeName").asString()).isEqualTo("Lý Quốc");
		assertThat(get("/api/v1/routes?province=01")).isEmpty();
	}

	@Test
	void theSampleFilesAgreeWithTheSampleRoutesInBothPeriods() {
		assertThat(upload(sample("cao-bang-2024.csv")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<JsonNode> run = upload(sample("cao-bang-2025.csv"));
		assertThat(run.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(run.getBody().get("counts").get("DRUG_FREE").asInt()).isEqualTo(14);
	}

	@Test
	void emptyRouteColumnsAreDerivedFromTheRegistryForTheRunsPeriod() throws IOException {
		JsonNode withFlags = upload(sample("cao-bang-2025.csv")).getBody();
		jdbc.update("DELETE FROM decision_gap");
		jdbc.update("DELETE FROM decision_evidence_row");
		jdbc.update("DELETE FROM decision_warning");
		jdbc.update("DELETE FROM province_decision_evidence");
		jdbc.update("DELETE FROM province_decision");
		jdbc.update("DELETE FROM decision");
		jdbc.update("DELETE FROM run_reading_alternative");
		jdbc.update("DELETE FROM classification_run");

		ResponseEntity<JsonNode> derived = upload(withoutRouteValues("cao-bang-2025.csv"));

		assertThat(derived.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(derived.getBody().get("counts")).isEqualTo(withFlags.get("counts"));
		assertThat(derived.getBody().get("factsHash")).isEqualTo(withFlags.get("factsHash"));
		JsonNode lyQuoc = get("/api/v1/communes/01537/classifications?period=2025").get("classifications").get(0);
		assertThat(lyQuoc.get("onInterProvincialRoute").asBoolean()).isTrue();
	}

	@Test
	void theSameEmptyColumnsGiveLastYearsRoutesForLastYear() throws IOException {
		assertThat(upload(withoutRouteValues("cao-bang-2024.csv")).getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode lyQuoc = get("/api/v1/communes/01537/classifications?period=2024").get("classifications").get(0);
		assertThat(lyQuoc.get("onInterProvincialRoute").asBoolean()).isFalse();
		assertThat(lyQuoc.get("classification").asString()).isEqualTo("TYPE_III");
	}

	@Test
	void aValueContradictingTheRegistryIsAnErrorNamingRowAndColumn() throws IOException {
		// Lý Quốc (line 32) lies on CB-LT-02 from 2025: "false" contradicts the registry
		Path file = dir.resolve("cao-bang-2025-routes.csv");
		List<String> lines = new ArrayList<>(Files.readAllLines(sample("cao-bang-2025.csv"), StandardCharsets.UTF_8));
		lines.set(31, lines.get(31).replace(",false,true,", ",false,false,"));
		Files.write(file, lines, StandardCharsets.UTF_8);

		ResponseEntity<JsonNode> rejected = upload(file);

		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		JsonNode error = rejected.getBody().get("errors").get(0);
		assertThat(error.get("row").asInt()).isEqualTo(32);
		assertThat(error.get("column").asString()).isEqualTo("on_inter_provincial_route");
		assertThat(error.get("reason").asString()).contains("is false", "CB-LT-02", "period 2025");
		assertThat(count("classification_run")).isZero();
	}

	@Test
	void aTrueWhereNoRouteRunsIsAnErrorToo() {
		ResponseEntity<JsonNode> rejected = postJson("/api/v1/runs",
				Map.of("provinceCode", "04", "period", 2024, "communes",
						List.of(Map.ofEntries(Map.entry("communeCode", "01537"), Map.entry("communeName", "Lý Quốc"),
								Map.entry("provinceCode", "04"), Map.entry("period", 2024),
								Map.entry("population", 7765), Map.entry("managedUsers", 9),
								Map.entry("inSubstitutionTreatment", 1), Map.entry("inCommunityRehab", 2),
								Map.entry("inPostRehabManagement", 1), Map.entry("drugUsePoints", 0),
								Map.entry("arrestedOffenders", 3), Map.entry("residentViolators", 4),
								Map.entry("wantedFugitives", 0), Map.entry("plantsDestroyed", 0),
								Map.entry("plantAreaM2", 0), Map.entry("onInterProvincialRoute", true)))));
		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		JsonNode error = rejected.getBody().get("errors").get(0);
		assertThat(error.get("row").asInt()).isEqualTo(1);
		assertThat(error.get("column").asString()).isEqualTo("onInterProvincialRoute");
		assertThat(error.get("reason").asString()).contains("is true", "no inter-provincial route");
	}

	@Test
	void aRouteCodeIsRegisteredOnce() {
		ResponseEntity<JsonNode> again = postJson("/api/v1/routes",
				Map.of("code", "CB-NT-01", "name", "x", "kind", "INTRA_PROVINCIAL", "approvedBy", "UBND",
						"decisionNumber", "1", "firstPeriod", 2025, "communes", List.of("01273")));
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
	}

	@Test
	void anIntraProvincialRouteStaysInOneProvinceAndNamesKnownCommunes() {
		ResponseEntity<JsonNode> rejected = postJson("/api/v1/routes",
				Map.of("code", "X-1", "name", "x", "kind", "INTRA_PROVINCIAL", "approvedBy", "UBND", "decisionNumber",
						"1", "firstPeriod", 2025, "communes", List.of("01273", "00004", "99999")));
		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(rejected.getBody().get("detail").asString()).contains("\"99999\" is not a commune-level unit",
				"intra-provincial route lies in one province");
		assertThat(get("/api/v1/routes?province=01")).isEmpty();
	}

	/** The file with both route columns left empty on every row. */
	private Path withoutRouteValues(String sampleName) throws IOException {
		List<String> out = new ArrayList<>();
		for (String line : Files.readAllLines(sample(sampleName), StandardCharsets.UTF_8)) {
			String[] cells = line.split(",", -1);
			if (!cells[0].equals("commune_code")) {
				cells[15] = "";
				cells[16] = "";
			}
			out.add(String.join(",", cells));
		}
		Path file = dir.resolve(sampleName);
		Files.write(file, out, StandardCharsets.UTF_8);
		return file;
	}

}
