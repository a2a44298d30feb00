package vn.drugcontrol.service.ruleset;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.rules.law.LawBook;
import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's workbench over the console's own pages and a real database (issue 14,
 * items 4 and 5): a draft's parameters are checked field by field (bad unit, bad range,
 * not a number: refused in Vietnamese next to the field, nothing saved; a good value
 * saved and guarded by the scenario row that pins it), its DRL goes through the upload's
 * allow-list and compiler (an error at its file and line, a refused construct at its line
 * with the reason), parameters are data and never code, the diff against the parent,
 * publishing through the upload path, and a version downloaded as a zip and uploaded
 * again.
 */
class RuleSetWorkbenchIntegrationTest extends DatabaseTest {

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private HttpClient console;

	private long defaultVersion;

	@BeforeEach
	void signedInAsAnalyst() throws Exception {
		console = signedInConsole("analyst");
		defaultVersion = get("/api/v1/rule-sets?status=ACTIVE").get(0).get("id").asLong();
		assertThat(get("/api/v1/rule-sets/" + defaultVersion).get("name").asString()).isEqualTo("default");
	}

	@Test
	void aValueOfTheWrongUnitOrRangeIsRefusedNextToItsFieldAndNothingIsSaved() throws Exception {
		long draft = startDraft();
		String before = file(draft, LawBook.PARAMETERS);
		record Case(String parameter, String field, String typed, String message) {
		}
		for (Case c : List.of(new Case("type1.users_rate", "unit", "plants", "tính bằng % dân số"),
				new Case("type1.users_rate", "value", "150", "không quá 100"),
				new Case("type1.users_rate", "value", "0,6%", "phải là một số"),
				new Case("type1.users_rate", "value", "-1", "không được âm"),
				new Case("type1.plants", "value", "3000.5", "số nguyên (cây)"),
				new Case("type1.criteria_needed", "value", "0", "ít nhất 1 tiêu chí"),
				new Case("type1.users_rate", "effectiveFrom", "2019", "từ 2020 đến 2100"))) {
			List<Map<String, String>> rows = shippedRows();
			int index = indexOf(rows, c.parameter());
			rows.get(index).put(c.field(), c.typed());
			HttpResponse<String> answer = post("/rule-sets/drafts/" + draft + "/parameters", form(rows));
			assertThat(answer.statusCode()).as(c.toString()).isEqualTo(422);
			String id = (c.field().equals("effectiveFrom") ? "from" : c.field()) + "-" + index + "-error";
			assertThat(answer.body()).as(c.toString())
				.containsPattern("id=\"" + id + "\"[^>]*>[^<]*" + Pattern.quote(c.message()));
			assertThat(answer.body()).as("typed values are shown again").contains("value=\"" + c.typed() + "\"");
			assertThat(file(draft, LawBook.PARAMETERS)).as("nothing saved: " + c).isEqualTo(before);
		}
		// the other side of each: the shipped values, and a value within range, are taken
		assertThat(post("/rule-sets/drafts/" + draft + "/parameters", form(shippedRows())).statusCode()).isEqualTo(302);
		assertThat(file(draft, LawBook.PARAMETERS)).as("an unchanged form writes the file as it was").isEqualTo(before);
		List<Map<String, String>> rows = shippedRows();
		rows.get(indexOf(rows, "type1.plants")).put("value", "3001");
		assertThat(post("/rule-sets/drafts/" + draft + "/parameters", form(rows)).statusCode()).isEqualTo(302);
		assertThat(file(draft, LawBook.PARAMETERS)).contains("type1.plants,4.1.d,plants,2020,3001,")
			.doesNotContain("type1.plants,4.1.d,plants,2020,3000,");
	}

	@Test
	void typeIPointAAt06PercentFailsTheRowThatPinsItsEdgeAndTheDiffShowsTheChange() throws Exception {
		long draft = startDraft();
		List<Map<String, String>> rows = shippedRows();
		rows.get(indexOf(rows, "type1.users_rate")).put("value", "0,6");
		HttpResponse<String> saved = post("/rule-sets/drafts/" + draft + "/parameters", form(rows));
		assertThat(saved.statusCode()).isEqualTo(302);
		assertThat(file(draft, LawBook.PARAMETERS)).contains("type1.users_rate,4.1.a,percent,2020,0.6,");

		String page = page("/rule-sets/drafts/" + draft);
		assertThat(page).contains("id=\"draft-status\"").containsPattern("status-FAILING");
		assertThat(page).containsPattern("data-file=\"scenarios/default-reading.csv\" data-row=\"4\"");
		assertThat(page).contains("id=\"no-problems\"");

		String diff = page("/rule-sets/drafts/" + draft + "/diff");
		assertThat(diff).containsPattern(
				"(?s)data-parameter=\"type1.users_rate\" data-from=\"2020\" class=\"changed\".*?class=\"before\">0,5<.*?class=\"after\">0,6<");
		assertThat(diff).contains("-type1.users_rate,4.1.a,percent,2020,0.5,")
			.contains("+type1.users_rate,4.1.a,percent,2020,0.6,");
		assertThat(diff).as("an unchanged value is not marked")
			.contains("data-parameter=\"type1.drug_use_points\" data-from=\"2020\">");
	}

	@Test
	void aCompileErrorIsShownAtItsFileAndLine() throws Exception {
		long draft = startDraft();
		String path = "common/criteria-type-i.drl";
		List<String> lines = new ArrayList<>(List.of(file(draft, path).split("\n", -1)));
		int then = lines.indexOf("then") + 1;
		assertThat(then).as("a consequence in " + path).isPositive();
		lines.add(then, "    insert(this is not java;");
		save(draft, path, String.join("\n", lines));
		String editor = page("/rule-sets/drafts/" + draft + "/drl?path=" + path);
		assertThat(editor).containsPattern("status-REJECTED");
		Matcher problem = Pattern.compile("data-file=\"" + Pattern.quote(path) + "\" data-line=\"(\\d+)\"")
			.matcher(editor);
		assertThat(problem.find()).as("a problem in " + path).isTrue();
		assertThat(Integer.parseInt(problem.group(1))).isBetween(then, then + 2);
		assertThat(editor).containsPattern("id=\"gutter-" + problem.group(1) + "\"[^>]*class=\"has-problem\"");
		assertThat(post("/rule-sets/drafts/" + draft + "/publication", Map.of("name", "broken-2026")).statusCode())
			.as("a draft with problems is not published")
			.isEqualTo(409);
		assertThat(count("rule_set_version")).isEqualTo(2);

		// the other side: the line removed, it compiles again
		lines.remove(then);
		save(draft, path, String.join("\r\n", lines));
		assertThat(file(draft, path)).as("line breaks as the shipped files have them")
			.isEqualTo(ShippedRuleSets.source("default").files().get(path));
		assertThat(page("/rule-sets/drafts/" + draft)).contains("id=\"no-problems\"").contains("status-VALIDATED");
	}

	@Test
	void aRefusedConstructIsShownAtItsLineWithTheReasonAndNeverRuns() throws Exception {
		long draft = startDraft();
		String path = "common/criteria-type-i.drl";
		List<String> lines = new ArrayList<>(List.of(file(draft, path).split("\n", -1)));
		int then = lines.indexOf("then") + 1;
		lines.add(then, "    System.exit(3);");
		save(draft, path, String.join("\n", lines));
		String editor = page("/rule-sets/drafts/" + draft + "/drl?path=" + path);
		int line = then + 1;
		assertThat(editor).containsPattern("(?s)data-file=\"" + Pattern.quote(path) + "\" data-line=\"" + line
				+ "\" class=\"refused\".*?Thành phần không được phép.*?&#39;System&#39;.*?not allowed");
		assertThat(editor).containsPattern("id=\"gutter-" + line + "\"[^>]*class=\"has-problem\"");
		assertThat(page("/rule-sets/drafts/" + draft)).contains("status-REJECTED")
			.contains("href=\"/rule-sets/drafts/" + draft + "/drl?path=common/criteria-type-i.drl#line-" + line + "\"");
	}

	@Test
	void parametersAreDataNeverCode() throws Exception {
		long draft = startDraft();
		String before = file(draft, LawBook.PARAMETERS);
		List<Map<String, String>> rows = shippedRows();
		rows.get(indexOf(rows, "type1.users_rate")).put("value", "System.exit(0)");
		assertThat(post("/rule-sets/drafts/" + draft + "/parameters", form(rows)).body())
			.containsPattern("id=\"value-" + indexOf(rows, "type1.users_rate") + "-error\"[^>]*>[^<]*phải là một số");
		assertThat(file(draft, LawBook.PARAMETERS)).isEqualTo(before);

		rows = shippedRows();
		String code = "\"); System.exit(1); java.lang.Runtime.getRuntime().halt(1); //";
		rows.get(indexOf(rows, "type1.users_rate")).put("note", code);
		rows.get(indexOf(rows, "type1.plants")).put("parameter", "type1.plants + System.exit(2)");
		assertThat(post("/rule-sets/drafts/" + draft + "/parameters", form(rows)).body())
			.as("a name that is not a parameter's")
			.contains("Không có tham số");
		rows.get(indexOf(rows, "type1.plants + System.exit(2)")).put("parameter", "type1.plants");
		assertThat(post("/rule-sets/drafts/" + draft + "/parameters", form(rows)).statusCode()).isEqualTo(302);
		assertThat(file(draft, LawBook.PARAMETERS)).as("the note is a quoted CSV cell")
			.contains("type1.users_rate,4.1.a,percent,2020,0.5,\"\"\"); System.exit(1);");
		String page = page("/rule-sets/drafts/" + draft);
		assertThat(page).as("the note is data: the rules compile and every scenario passes")
			.contains("id=\"no-problems\"")
			.contains("status-VALIDATED");
		assertThat(get("/api/v1/rule-sets/" + defaultVersion).get("status").asString()).as("the service still runs")
			.isEqualTo("ACTIVE");
	}

	@Test
	void aDraftIsPublishedThroughTheUploadPathAndAnyVersionDownloadsAsAZipThatUploadsAgain() throws Exception {
		long draft = startDraft();
		List<Map<String, String>> rows = shippedRows();
		rows.get(indexOf(rows, "type1.plants")).put("note", "Checked against the Decision's text again");
		post("/rule-sets/drafts/" + draft + "/parameters", form(rows));
		HttpResponse<String> published = post("/rule-sets/drafts/" + draft + "/publication",
				Map.of("name", "plants-3001", "label", "Type I plants, noted", "effectiveFrom", "2026"));
		assertThat(published.statusCode()).isEqualTo(302);
		long version = Long.parseLong(published.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll(".*/rule-sets/versions/(\\d+).*", "$1"));
		JsonNode stored = get("/api/v1/rule-sets/" + version);
		assertThat(stored.get("name").asString()).isEqualTo("plants-3001");
		assertThat(stored.get("status").asString()).isEqualTo("VALIDATED");
		assertThat(stored.get("author").asString()).isEqualTo("analyst");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'RULE_SET_UPLOADED'",
				Integer.class))
			.as("published as an upload is: audited")
			.isEqualTo(1);
		assertThat(
				jdbc.queryForObject("SELECT published_version_id FROM rule_set_draft WHERE id = ?", Long.class, draft))
			.isEqualTo(version);
		assertThat(post("/rule-sets/drafts/" + draft + "/parameters", form(shippedRows())).statusCode())
			.as("a published draft is no longer edited")
			.isEqualTo(409);

		ResponseEntity<byte[]> zip = http("analyst").get()
			.uri("/api/v1/rule-sets/" + version + "/bundle")
			.retrieve()
			.toEntity(byte[].class);
		assertThat(zip.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(zip.getHeaders().getContentDisposition().getFilename()).isEqualTo("plants-3001-" + version + ".zip");
		Map<String, String> entries = new LinkedHashMap<>();
		try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip.getBody()))) {
			for (ZipEntry e; (e = in.getNextEntry()) != null;) {
				entries.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
			}
		}
		assertThat(entries.keySet())
			.containsExactlyElementsOf(Bundles.shipped("default").keySet().stream().sorted().toList());
		assertThat(entries.get(LawBook.PARAMETERS))
			.contains("type1.plants,4.1.d,plants,2020,3000,Checked against the Decision's text again");
		ResponseEntity<JsonNode> again = http("analyst").post()
			.uri("/api/v1/rule-sets")
			.contentType(org.springframework.http.MediaType.MULTIPART_FORM_DATA)
			.body(uploadForm(zip.getBody(), "plants-3001-again"))
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(again.getBody().get("contentHash").asString()).isEqualTo(stored.get("contentHash").asString());
		assertThat(again.getBody().get("status").asString()).isEqualTo("VALIDATED");
	}

	@Test
	void onlyAnalystsStartDrafts() throws Exception {
		HttpClient viewer = signedInConsole("viewer");
		String token = csrf(viewer, "/rule-sets/versions/" + defaultVersion);
		HttpResponse<String> refused = viewer
			.send(HttpRequest.newBuilder(uri("/rule-sets/versions/" + defaultVersion + "/drafts"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers.ofString("_csrf=" + URLEncoder.encode(token, StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(refused.statusCode()).isEqualTo(403);
		assertThat(count("rule_set_draft")).isZero();
		assertThat(page("/rule-sets/versions/" + defaultVersion)).contains("id=\"start-draft\"")
			.contains("href=\"/api/v1/rule-sets/" + defaultVersion + "/bundle\"");
	}

	// --- helpers

	private static org.springframework.util.MultiValueMap<String, Object> uploadForm(byte[] zip, String name) {
		org.springframework.util.MultiValueMap<String, Object> parts = new org.springframework.util.LinkedMultiValueMap<>();
		parts.add("files", Bundles.file("bundle.zip", zip));
		parts.add("name", name);
		return parts;
	}

	private long startDraft() throws Exception {
		HttpResponse<String> started = post("/rule-sets/versions/" + defaultVersion + "/drafts", Map.of());
		assertThat(started.statusCode()).isEqualTo(302);
		String location = started.headers().firstValue("Location").orElseThrow();
		assertThat(location).contains("/rule-sets/drafts/");
		return Long.parseLong(location.replaceAll(".*/rule-sets/drafts/(\\d+).*", "$1"));
	}

	private String file(long draft, String path) {
		return new String(jdbc.queryForObject("SELECT content FROM rule_set_draft_file WHERE draft_id = ? AND path = ?",
				byte[].class, draft, path), StandardCharsets.UTF_8);
	}

	private void save(long draft, String path, String text) throws Exception {
		assertThat(post("/rule-sets/drafts/" + draft + "/drl?path=" + URLEncoder.encode(path, StandardCharsets.UTF_8),
				Map.of("text", text))
			.statusCode()).isEqualTo(302);
	}

	/** The shipped default's parameter rows, as the form posts them. */
	private static List<Map<String, String>> shippedRows() {
		List<Map<String, String>> rows = new ArrayList<>();
		String text = ShippedRuleSets.source("default").files().get(LawBook.PARAMETERS);
		for (DraftParameters.Row r : DraftParameters.read(text.getBytes(StandardCharsets.UTF_8))) {
			Map<String, String> row = new LinkedHashMap<>();
			row.put("parameter", r.parameter());
			row.put("unit", r.unit());
			row.put("effectiveFrom", r.effectiveFrom());
			row.put("value", r.value());
			row.put("note", r.note());
			rows.add(row);
		}
		return rows;
	}

	private static int indexOf(List<Map<String, String>> rows, String parameter) {
		for (int i = 0; i < rows.size(); i++) {
			if (rows.get(i).get("parameter").equals(parameter)) {
				return i;
			}
		}
		throw new AssertionError("no parameter " + parameter);
	}

	private static String form(List<Map<String, String>> rows) {
		List<String> pairs = new ArrayList<>();
		for (Map<String, String> row : rows) {
			row.forEach((k, v) -> pairs.add(enc(k) + "=" + enc(v)));
		}
		return String.join("&", pairs);
	}

	private HttpResponse<String> post(String path, Map<String, String> fields) throws Exception {
		List<String> pairs = new ArrayList<>();
		fields.forEach((k, v) -> pairs.add(enc(k) + "=" + enc(v)));
		return post(path, String.join("&", pairs));
	}

	private HttpResponse<String> post(String path, String body) throws Exception {
		String token = csrf(console, "/rule-sets");
		return console.send(HttpRequest.newBuilder(uri(path))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body + (body.isEmpty() ? "" : "&") + "_csrf=" + enc(token)))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

	private String page(String path) throws IOException, InterruptedException {
		HttpResponse<String> answer = console.send(HttpRequest.newBuilder(uri(path)).build(),
				HttpResponse.BodyHandlers.ofString());
		assertThat(answer.statusCode()).as(path).isEqualTo(200);
		return answer.body();
	}

	private String csrf(HttpClient client, String path) throws IOException, InterruptedException {
		String page = client.send(HttpRequest.newBuilder(uri(path)).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher token = CSRF.matcher(page);
		assertThat(token.find()).as("a CSRF token on " + path).isTrue();
		return token.group(1);
	}

	private URI uri(String path) {
		return URI.create("http://localhost:" + port + path);
	}

	private static String enc(String s) {
		return URLEncoder.encode(s == null ? "" : s, StandardCharsets.UTF_8);
	}

}
