package vn.drugcontrol.service.security;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.RealDatabase;
import vn.drugcontrol.service.ruleset.Bundles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Bad input and abuse over real HTTP: each gets a clear problem and stores nothing (the
 * tests' limits: 1 MB, 1,000 communes).
 */
class AbuseIntegrationTest extends DatabaseTest {

	@TempDir
	Path dir;

	@Test
	void anOversizedUploadIs413() throws Exception {
		Path big = dir.resolve("big.csv");
		Files.writeString(big, Files.readString(sample("cao-bang-2025.csv")) + "x".repeat(1_200_000));

		ResponseEntity<JsonNode> refused = upload(big);

		assertThat(refused.getStatusCode().value()).isEqualTo(413);
		assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
		assertNothingStored();
	}

	@Test
	void anOversizedJsonBodyIs413AndMalformedJsonIs400() {
		ResponseEntity<JsonNode> big = postJson("/api/v1/runs", "{\"communes\": [\"" + "x".repeat(1_100_000) + "\"]}");
		assertThat(big.getStatusCode().value()).isEqualTo(413);
		assertThat(big.getBody().get("detail").asString()).contains("max-json-size");

		ResponseEntity<JsonNode> malformed = postJson("/api/v1/runs", "{\"provinceCode\": \"04\", \"communes\": [");
		assertThat(malformed.getStatusCode().value()).isEqualTo(400);
		assertThat(malformed.getHeaders().getContentType()).hasToString("application/problem+json");
		assertNothingStored();
	}

	@Test
	void tooManyCommunesIs422() {
		ResponseEntity<JsonNode> refused = upload(sample("national-2025.csv"));

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody().get("detail").asString()).contains("more than 1000 communes");
		assertNothingStored();
	}

	@Test
	void anSqlLikeNameIsRejectedAndReportedIntact() throws Exception {
		String evil = "Sơn Lộ'; DROP TABLE decision; --";
		Path file = dir.resolve("cao-bang-2025.csv");
		Files.writeString(file,
				Files.readString(sample("cao-bang-2025.csv")).replace(",Sơn Lộ,", ",\"" + evil + "\","));

		ResponseEntity<JsonNode> refused = upload(file);

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody().get("errors").toString()).contains("Sơn Lộ'; DROP TABLE decision; --");
		assertNothingStored();
		assertThat(count("decision")).as("the table is still there").isZero();
	}

	@Test
	void theXlsxExportHasNoFormulaCells() throws Exception {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		byte[] xlsx = http().get().uri("/api/v1/runs/" + run + "/export?format=xlsx").retrieve().body(byte[].class);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			for (Sheet sheet : book) {
				for (Row row : sheet) {
					for (Cell cell : row) {
						assertThat(cell.getCellType()).isNotEqualTo(CellType.FORMULA);
					}
				}
			}
		}
	}

	@Test
	void aTooLongRuleSetLabelIs422NamingTheFieldNotADatabaseOutage() {
		ResponseEntity<JsonNode> refused = http().post()
			.uri("/api/v1/rule-sets")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(Bundles.form(Bundles.shipped("literal"), "name", "long-label", "label", "x".repeat(5000)))
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody().get("field").asString()).isEqualTo("label");
		assertThat(refused.getBody().get("detail").asString()).contains("255");
		assertThat(
				jdbc.queryForObject("SELECT COUNT(*) FROM rule_set_version WHERE name = 'long-label'", Integer.class))
			.isZero();
	}

	@Test
	void aTooLongRouteNameIs422NamingTheField() {
		ResponseEntity<JsonNode> refused = postJson("/api/v1/routes",
				Map.of("code", "CB-LONG", "name", "x".repeat(5000), "kind", "INTRA_PROVINCIAL", "approvedBy",
						"UBND tỉnh", "decisionNumber", "1/QĐ", "firstPeriod", 2025, "communes", List.of("01360")));

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody().get("field").asString()).isEqualTo("name");
		assertThat(count("key_route")).isZero();
	}

	@Test
	void otherFreeTextIsBoundedToo() {
		ResponseEntity<JsonNode> source = http().put()
			.uri("/api/v1/targets/VN/2027")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("drugFreePercent", 50, "source", "x".repeat(5000)))
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(source.getStatusCode().value()).isEqualTo(422);
		assertThat(source.getBody().get("field").asString()).isEqualTo("source");

		ResponseEntity<JsonNode> token = postJson("/api/v1/api-tokens", Map.of("clientName", "x".repeat(5000)));
		assertThat(token.getStatusCode().value()).isEqualTo(422);
		assertThat(token.getBody().get("field").asString()).isEqualTo("clientName");
		assertThat(count("api_token")).isZero();
	}

	@Test
	void dataTheDatabaseRefusesIsTheRequestsFaultNotAnOutage() {
		// as if a column were narrower than the service checks: MySQL's "data too long"
		jdbc.execute(RealDatabase.H2 ? """
				CREATE TRIGGER refuse_target BEFORE INSERT ON drug_free_target FOR EACH ROW
				CALL 'vn.drugcontrol.service.security.RefuseAsTooLong'
				""" : """
				CREATE TRIGGER refuse_target BEFORE INSERT ON drug_free_target FOR EACH ROW
				BEGIN
				  SIGNAL SQLSTATE '22001' SET MESSAGE_TEXT = 'Data too long (test)', MYSQL_ERRNO = 1406;
				END
				""");
		try {
			ResponseEntity<JsonNode> refused = http().put()
				.uri("/api/v1/targets/VN/2027")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("drugFreePercent", 50, "source", "Nghị quyết"))
				.retrieve()
				.toEntity(JsonNode.class);

			assertThat(refused.getStatusCode().value()).isEqualTo(422);
			assertThat(refused.getBody().get("title").asString()).isNotEqualTo("Database unavailable");
			assertThat(refused.getBody().get("detail").asString()).doesNotContain("Retry");
		}
		finally {
			jdbc.execute("DROP TRIGGER refuse_target");
		}
	}

	@Test
	void aPasswordTypedAsAUserNameIsNotEchoedInTheAudit() {
		String typed = "Mat-khau-bi-mat-2026!";

		ResponseEntity<String> refused = http(null).get()
			.uri("/api/v1/runs")
			.headers(h -> h.setBasicAuth(typed, "officer-04"))
			.retrieve()
			.toEntity(String.class);

		assertThat(refused.getStatusCode().value()).isEqualTo(401);
		List<Map<String, Object>> entries = jdbc.queryForList("SELECT actor, subject, details FROM audit_entry");
		assertThat(entries).hasSize(1);
		assertThat(entries.get(0).get("actor")).isEqualTo("unknown user");
		assertThat(entries.toString()).doesNotContain(typed);
	}

	@Test
	void repeatedFailedSignInsAreAggregatedNotOneAuditEntryEach() {
		for (int i = 0; i < 40; i++) {
			assertThat(http(null).get()
				.uri("/api/v1/runs")
				.header("Authorization", "Bearer cls_unknown-" + i)
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value()).isEqualTo(401);
			assertThat(http(null).get()
				.uri("/api/v1/runs")
				.headers(h -> h.setBasicAuth("analyst", "guess"))
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()
				.value()).isEqualTo(401);
		}

		assertThat(jdbc.queryForList("SELECT actor FROM audit_entry WHERE action = 'LOGIN_FAILED' ORDER BY actor",
				String.class))
			.containsExactly("analyst", "unknown API client");
	}

	private void assertNothingStored() {
		assertThat(count("classification_run")).isZero();
		assertThat(count("audit_entry")).isZero();
	}

}
