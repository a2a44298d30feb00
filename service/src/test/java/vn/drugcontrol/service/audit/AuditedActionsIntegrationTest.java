package vn.drugcontrol.service.audit;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.ruleset.Bundles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every state change and every export leaves an audit entry: who (the signed-in user),
 * what, which run, province and period, and the format. One test per kind, each through
 * the real HTTP API (and the console's download) on the real database.
 */
class AuditedActionsIntegrationTest extends DatabaseTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	/** One entry as stored, its details parsed. */
	record Entry(String actor, String action, String subject, JsonNode details) {
	}

	private List<Entry> entries(String action) {
		return jdbc.query("SELECT actor, action, subject, details FROM audit_entry WHERE action = ? ORDER BY id",
				(rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), JSON.readTree(rs.getString(4))),
				action);
	}

	private Entry onlyEntry(String action) {
		List<Entry> entries = entries(action);
		assertThat(entries).hasSize(1);
		return entries.get(0);
	}

	private ResponseEntity<byte[]> download(String user, String uri) {
		ResponseEntity<byte[]> file = http(user).get().uri(uri).retrieve().toEntity(byte[].class);
		assertThat(file.getStatusCode()).as(uri).isEqualTo(HttpStatus.OK);
		assertThat(file.getBody()).isNotEmpty();
		return file;
	}

	private long run() {
		return upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
	}

	private static void assertExport(Entry e, String actor, String subject, String kind, String format) {
		assertThat(e.actor()).isEqualTo(actor);
		assertThat(e.subject()).isEqualTo(subject);
		assertThat(e.details().get("kind").asString()).isEqualTo(kind);
		assertThat(e.details().get("format").asString()).isEqualTo(format);
	}

	@Test
	void routeRegistrationIsAuditedRouteByRoute() throws Exception {
		ResponseEntity<JsonNode> created = http("analyst").post()
			.uri("/api/v1/routes")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Files.readString(sample("cao-bang-routes.json"), StandardCharsets.UTF_8))
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);

		List<Entry> entries = entries("ROUTE_REGISTERED");
		assertThat(entries).extracting(Entry::subject)
			.containsExactly("route:CB-LT-01", "route:CB-LT-02", "route:CB-NT-01", "route:CB-NT-02");
		assertThat(entries).extracting(Entry::actor).containsOnly("analyst");
		JsonNode first = entries.get(0).details();
		assertThat(first.get("kind").asString()).isEqualTo("INTER_PROVINCIAL");
		assertThat(first.get("decisionNumber").asString()).isEqualTo("0001/QĐ-BCA (mẫu/sample)");
		assertThat(first.get("firstPeriod").asInt()).isEqualTo(2020);
		assertThat(first.get("provinces").get(0).asString()).isEqualTo("04");
		assertThat(first.get("communes")).hasSize(9);
	}

	@Test
	void aTargetChangeIsAuditedWithTheValueItReplaces() {
		for (int percent : new int[] { 40, 55 }) {
			// a province's target is its People's Committee's (docs/security.md)
			assertThat(http("approver-04").put()
				.uri("/api/v1/targets/04/2026")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("drugFreePercent", percent, "source", "Kế hoạch tỉnh"))
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()).isEqualTo(HttpStatus.OK);
		}

		List<Entry> entries = entries("TARGET_SET");
		assertThat(entries).hasSize(2);
		Entry second = entries.get(1);
		assertThat(second.actor()).isEqualTo("approver-04");
		assertThat(second.subject()).isEqualTo("target:04/2026");
		assertThat(second.details().get("scope").asString()).isEqualTo("04");
		assertThat(second.details().get("year").asInt()).isEqualTo(2026);
		assertThat(second.details().get("drugFreePercent").asString()).isEqualTo("55");
		assertThat(second.details().get("previousPercent").asString()).isEqualTo("40");
		assertThat(entries.get(0).details().get("previousPercent").asString()).isEmpty();
	}

	@Test
	void runExportsAreAuditedWithRunProvincePeriodAndFormat() {
		long run = run();
		download("officer-04", "/api/v1/runs/" + run + "/export?format=xlsx");
		download("officer-04", "/api/v1/runs/" + run + "/export?format=csv");

		List<Entry> exports = entries("EXPORT");
		assertThat(exports).hasSize(2);
		assertExport(exports.get(0), "officer-04", "run:" + run, "run-list", "xlsx");
		assertExport(exports.get(1), "officer-04", "run:" + run, "run-list", "csv");
		assertThat(exports.get(0).details().get("run").asLong()).isEqualTo(run);
		assertThat(exports.get(0).details().get("province").asString()).isEqualTo("04");
		assertThat(exports.get(0).details().get("period").asInt()).isEqualTo(2025);
	}

	@Test
	void runReportsAndChartsAreAudited() {
		long run = run();
		download(TESTER, "/api/v1/runs/" + run + "/report?format=pdf");
		download(TESTER, "/api/v1/runs/" + run + "/report?format=xlsx");
		download(TESTER, "/api/v1/runs/" + run + "/charts/classes?format=png");
		download(TESTER, "/api/v1/runs/" + run + "/charts/classes?format=svg");

		List<Entry> exports = entries("EXPORT");
		assertThat(exports).hasSize(4);
		assertExport(exports.get(0), TESTER, "run:" + run, "run-report", "pdf");
		assertExport(exports.get(1), TESTER, "run:" + run, "run-report", "xlsx");
		assertExport(exports.get(2), TESTER, "run:" + run, "run-chart", "png");
		assertExport(exports.get(3), TESTER, "run:" + run, "run-chart", "svg");
		exports.forEach(e -> {
			assertThat(e.details().get("run").asLong()).isEqualTo(run);
			assertThat(e.details().get("province").asString()).isEqualTo("04");
			assertThat(e.details().get("period").asInt()).isEqualTo(2025);
		});
		// a refused format or an unknown run renders nothing and leaves no entry
		http().get().uri("/api/v1/runs/" + run + "/report?format=doc").retrieve().toBodilessEntity();
		http().get().uri("/api/v1/runs/999999/report?format=pdf").retrieve().toBodilessEntity();
		assertThat(entries("EXPORT")).hasSize(4);
	}

	@Test
	void provinceReportsAndTheTrendChartAreAudited() {
		long run = run();
		download("officer-04", "/api/v1/provinces/04/report?period=2025&format=pdf");
		download("officer-04", "/api/v1/provinces/04/report?period=2025&format=xlsx");
		download("officer-04", "/api/v1/provinces/04/charts/trend?format=svg");

		List<Entry> exports = entries("EXPORT");
		assertThat(exports).hasSize(3);
		assertExport(exports.get(0), "officer-04", "province:04", "province-report", "pdf");
		assertExport(exports.get(1), "officer-04", "province:04", "province-report", "xlsx");
		assertThat(exports.get(1).details().get("period").asInt()).isEqualTo(2025);
		assertThat(exports.get(1).details().get("run").asLong()).isEqualTo(run);
		assertExport(exports.get(2), "officer-04", "province:04", "trend-chart", "svg");
		assertThat(exports.get(2).details().get("province").asString()).isEqualTo("04");
	}

	@Test
	void aSimulationWorkbookIsAuditedButItsJsonIsARead() {
		long run = run();
		long version = postMultipart("/api/v1/rule-sets", Bundles.form(Bundles.shipped("literal"), "name", "literal-x"))
			.getBody()
			.get("id")
			.asLong();
		get("/api/v1/rule-sets/" + version + "/simulation?run=" + run);
		assertThat(entries("EXPORT")).isEmpty();

		download("analyst", "/api/v1/rule-sets/" + version + "/simulation?province=04&period=2025&format=xlsx");

		Entry e = onlyEntry("EXPORT");
		assertExport(e, "analyst", "rule-set/" + version, "simulation", "xlsx");
		assertThat(e.details().get("version").asLong()).isEqualTo(version);
		assertThat(e.details().get("run").asLong()).isEqualTo(run);
		assertThat(e.details().get("province").asString()).isEqualTo("04");
		assertThat(e.details().get("period").asInt()).isEqualTo(2025);
	}

	@Test
	void theConsolesSimulationDownloadIsAuditedAsTheSignedInUser() throws Exception {
		long run = run();
		long version = postMultipart("/api/v1/rule-sets", Bundles.form(Bundles.shipped("literal"), "name", "literal-x"))
			.getBody()
			.get("id")
			.asLong();
		HttpClient browser = signedInConsole("analyst");
		String base = "http://localhost:" + port;
		String page = browser
			.send(HttpRequest.newBuilder(URI.create(base + "/rule-sets/versions/" + version + "/simulation?run=" + run))
				.build(), HttpResponse.BodyHandlers.ofString())
			.body();
		String link = match(page, "id=\"simulation-xlsx\"[^>]*href=\"([^\"]+)\"").replace("&amp;", "&");

		HttpResponse<byte[]> workbook = browser.send(HttpRequest.newBuilder(URI.create(base + link)).build(),
				HttpResponse.BodyHandlers.ofByteArray());

		assertThat(workbook.statusCode()).isEqualTo(200);
		assertThat(workbook.headers().firstValue("Content-Disposition"))
			.hasValueSatisfying(d -> assertThat(d).contains("simulation-version-" + version + "-run-" + run + ".xlsx"));
		Entry e = onlyEntry("EXPORT");
		assertExport(e, "analyst", "rule-set/" + version, "simulation", "xlsx");
		assertThat(e.details().get("run").asLong()).isEqualTo(run);
	}

	@Test
	void theOverridesWorkbookIsAudited() {
		download(TESTER, "/api/v1/overrides/report?format=xlsx");
		get("/api/v1/overrides/report");

		assertExport(onlyEntry("EXPORT"), TESTER, "overrides", "overrides-report", "xlsx");
	}

	@Test
	void ruleSetChangesAreAuditedAsTheSignedInUser() {
		long version = http("analyst").post()
			.uri("/api/v1/rule-sets")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(Bundles.form(Bundles.shipped("literal"), "name", "literal-x", "author", "someone else"))
			.retrieve()
			.body(JsonNode.class)
			.get("id")
			.asLong();
		http("analyst").post()
			.uri("/api/v1/rule-sets/" + version + "/activation")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("overrideMonotonicity", "the literal reading, as asked"))
			.retrieve()
			.toBodilessEntity();
		http("admin").post().uri("/api/v1/rule-sets/" + version + "/retirement").retrieve().toBodilessEntity();

		List<Entry> entries = jdbc.query(
				"SELECT actor, action, subject, details FROM audit_entry WHERE subject = ? ORDER BY id",
				(rs, n) -> new Entry(rs.getString(1), rs.getString(2), rs.getString(3), JSON.readTree(rs.getString(4))),
				"rule-set/" + version);
		assertThat(entries).extracting(Entry::action)
			.containsExactly("RULE_SET_UPLOADED", "RULE_SET_MONOTONICITY_OVERRIDDEN", "RULE_SET_ACTIVATED",
					"RULE_SET_ROLLED_BACK");
		assertThat(entries).extracting(Entry::actor).containsExactly("analyst", "analyst", "analyst", "admin");
		assertThat(entries.get(1).details().get("reason").asString()).isEqualTo("the literal reading, as asked");
		assertThat(entries.get(2).details().get("effectiveFrom").asString()).isEqualTo("2025");
		assertThat(entries.get(2).details().get("superseded").asInt()).isEqualTo(1);
		assertThat(entries.get(3).details().get("restored").asInt()).isEqualTo(1);
	}

	private static String match(String html, String regex) {
		Matcher m = Pattern.compile(regex).matcher(html);
		assertThat(m.find()).as(regex).isTrue();
		return m.group(1);
	}

}
