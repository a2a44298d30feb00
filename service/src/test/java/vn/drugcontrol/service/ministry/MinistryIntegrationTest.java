package vn.drugcontrol.service.ministry;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.samples.SyntheticFacts;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Art. 7.2 and 7.3 over real HTTP: after its People's Committee approves, a province
 * reports to the Ministry; the Ministry approves or returns; the national board, list and
 * the reads of other systems (approved classes with ETag and cursor, the funding-priority
 * list, the approval events). Each role is held to its step. The day is the test's
 * ({@link SettableClock}), so deadlines are deterministic.
 */
@Import(SettableClock.Config.class)
class MinistryIntegrationTest extends DatabaseTest {

	static final String REPORT = "/api/v1/ministry-reports/04/2025";

	static final String MINISTRY_DECISION = "1234/QĐ-BCA";

	@Autowired
	SettableClock clock;

	@AfterEach
	void realTime() {
		clock.reset();
	}

	@Test
	void aProvinceReportsItsApprovedListsRoutesAndClassAndTheMinistryApprovesThem() throws IOException {
		clock.set(Instant.parse("2025-12-18T03:00:00Z"));
		long run = caoBangApproved();

		ResponseEntity<JsonNode> submitted = post("officer-04", REPORT + "/submission", Map.of());
		assertThat(submitted.getStatusCode().value()).as(String.valueOf(submitted.getBody())).isEqualTo(200);
		JsonNode report = submitted.getBody();
		assertThat(report.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(report.get("runId").asLong()).isEqualTo(run);
		assertThat(report.get("runDecisionNumber").asString()).isEqualTo("125/QĐ-UBND");
		assertThat(report.get("provinceClass").asString()).isEqualTo("KEY_AREA");
		assertThat(report.get("communeCount").asInt()).isEqualTo(56);
		assertThat(report.get("typeI").asInt() + report.get("typeII").asInt() + report.get("typeIII").asInt()
				+ report.get("drugFree").asInt() + report.get("unclassified").asInt())
			.isEqualTo(56);
		assertThat(report.get("drugFree").asInt())
			.isEqualTo(get("/api/v1/runs/" + run).get("counts").get("DRUG_FREE").asInt());
		assertThat(codes(report.get("routes"), "INTRA_PROVINCIAL")).containsExactly("CB-NT-01", "CB-NT-02");
		assertThat(codes(report.get("routes"), "INTER_PROVINCIAL")).containsExactly("CB-LT-01", "CB-LT-02");
		assertThat(post("officer-04", REPORT + "/submission", Map.of()).getStatusCode().value())
			.as("submitted once; again only when returned")
			.isEqualTo(409);

		JsonNode board = ministry().get().uri("/api/v1/national-board?period=2025").retrieve().body(JsonNode.class);
		JsonNode row = province(board, "04");
		assertThat(row.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(row.get("reportLate").asBoolean()).as("submitted on 18/12, before 20/12").isFalse();
		assertThat(board.get("reportDeadline").get("date").asString()).isEqualTo("2025-12-20");
		assertThat(board.get("reportDeadline").get("source").asString()).contains("Art. 7.2");
		assertThat(board.get("decisionDeadline").get("date").asString()).isEqualTo("2025-12-30");
		assertThat(province(board, "12").get("status").asString()).isEqualTo("NOT_SUBMITTED");
		assertThat(province(board, "12").get("reportLate").asBoolean()).as("18/12: not yet late").isFalse();

		ResponseEntity<JsonNode> approved = post("ministry", REPORT + "/approval",
				Map.of("decisionNumber", MINISTRY_DECISION, "decisionDate", "2025-12-28"));
		assertThat(approved.getStatusCode().value()).as(String.valueOf(approved.getBody())).isEqualTo(200);
		assertThat(approved.getBody().get("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.getBody().get("decisionNumber").asString()).isEqualTo(MINISTRY_DECISION);
		assertThat(approved.getBody().get("decidedBy").asString()).isEqualTo("ministry");
		assertThat(post("ministry", REPORT + "/return", Map.of("reason", "late")).getStatusCode().value())
			.as("an approved report is final")
			.isEqualTo(409);

		// the national board after the deadlines: province 12 never reported
		clock.set(Instant.parse("2025-12-31T03:00:00Z"));
		board = ministry().get().uri("/api/v1/national-board?period=2025").retrieve().body(JsonNode.class);
		assertThat(province(board, "04").get("status").asString()).isEqualTo("APPROVED");
		assertThat(province(board, "04").get("reportLate").asBoolean()).isFalse();
		assertThat(province(board, "04").get("decisionLate").asBoolean()).isFalse();
		assertThat(province(board, "12").get("reportLate").asBoolean()).as("31/12, never reported").isTrue();
		assertThat(province(board, "12").get("decisionLate").asBoolean()).isTrue();
		assertThat(board.get("counts").get("DRUG_FREE").asInt()).isEqualTo(report.get("drugFree").asInt());
		assertThat(board.get("communeUnits").asInt()).isEqualTo(AdminUnits.load().count());
		assertThat(board.get("nationalTargets").findValuesAsString("year")).contains("2025", "2030");
		JsonNode target2025 = first(board.get("nationalTargets"), "year", "2025");
		assertThat(target2025.get("drugFreePercent").decimalValue()).isEqualByComparingTo("20");
		assertThat(target2025.get("met").asBoolean()).as("14 of 3,321 units").isFalse();
		assertThat(province(board, "04").get("target").get("drugFreePercent").decimalValue())
			.isEqualByComparingTo("20");
		assertThat(board.get("reportsApproved").asLong()).isEqualTo(1);

		// the national list, grouped by province, with the Ministry's decision
		JsonNode list = ministry().get().uri("/api/v1/national-list?period=2025").retrieve().body(JsonNode.class);
		assertThat(list.get("provinces")).hasSize(1);
		assertThat(list.get("provinces").get(0).get("communes")).hasSize(56);
		assertThat(list.get("provinces").get(0).get("report").get("decisionNumber").asString())
			.isEqualTo(MINISTRY_DECISION);
		byte[] xlsx = ministry().get()
			.uri("/api/v1/national-list?period=2025&format=xlsx")
			.retrieve()
			.body(byte[].class);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(book.getSheet("Danh sách").getRow(2).getCell(0).getStringCellValue())
				.startsWith("Tỉnh Cao Bằng (04)")
				.contains(MINISTRY_DECISION, "28/12/2025", "125/QĐ-UBND", "20/12/2025");
			assertThat(book.getSheet("Danh sách").getPhysicalNumberOfRows()).isEqualTo(1 + 2 + 56);
		}
		byte[] pdf = ministry().get().uri("/api/v1/national-list?period=2025&format=pdf").retrieve().body(byte[].class);
		assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");

		// everything in the audit chain, intact
		List<String> actions = jdbc.queryForList("SELECT action FROM audit_entry ORDER BY id", String.class);
		assertThat(actions).contains("MINISTRY_REPORT_SUBMITTED", "MINISTRY_REPORT_APPROVED");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'EXPORT' AND details LIKE ?",
				Integer.class, "%national-list%"))
			.isEqualTo(2);
		assertThat(get("/api/v1/audit/verification").get("intact").asBoolean()).isTrue();
	}

	@Test
	void aReportLateOrBeforeTheCommitteesApprovalIsFlaggedOrRefused() {
		clock.set(Instant.parse("2025-12-22T03:00:00Z"));
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		ResponseEntity<JsonNode> early = post("officer-04", REPORT + "/submission", Map.of());
		assertThat(early.getStatusCode().value()).isEqualTo(409);
		assertThat(early.getBody().get("detail").asString()).contains("has not approved a run");
		assertThat(count("ministry_report")).isZero();
		approve(run);
		assertThat(post("officer-04", REPORT + "/submission", Map.of()).getStatusCode().value()).isEqualTo(200);
		JsonNode row = province(
				ministry().get().uri("/api/v1/national-board?period=2025").retrieve().body(JsonNode.class), "04");
		assertThat(row.get("reportLate").asBoolean()).as("submitted on 22/12, after 20/12").isTrue();
		assertThat(row.get("decisionLate").asBoolean()).as("the Ministry has until 30/12").isFalse();
	}

	@Test
	void eachRoleOnlyItsOwnStep() throws IOException {
		long run = caoBangApproved();
		assertThat(post("officer-01", REPORT + "/submission", Map.of()).getStatusCode().value())
			.as("an officer of another province")
			.isEqualTo(403);
		assertThat(post("ministry", REPORT + "/submission", Map.of()).getStatusCode().value())
			.as("the Ministry submits no province's report")
			.isEqualTo(403);
		assertThat(post("approver-04", REPORT + "/submission", Map.of()).getStatusCode().value()).isEqualTo(403);
		assertThat(count("ministry_report")).isZero();
		assertThat(post("officer-04", REPORT + "/submission", Map.of()).getStatusCode().value()).isEqualTo(200);

		for (String provincial : List.of("officer-04", "approver-04", "officer-01")) {
			assertThat(post(provincial, REPORT + "/approval",
					Map.of("decisionNumber", MINISTRY_DECISION, "decisionDate", "2025-12-28"))
				.getStatusCode()
				.value()).as(provincial + " approves at Ministry level").isEqualTo(403);
			assertThat(post(provincial, REPORT + "/return", Map.of("reason", "x")).getStatusCode().value())
				.isEqualTo(403);
		}
		assertThat(status("officer-01", REPORT)).as("another province's report").isEqualTo(403);
		assertThat(status("officer-04", REPORT)).isEqualTo(200);
		assertThat(status("ministry", REPORT)).isEqualTo(200);
		for (String national : List.of("/api/v1/national-board?period=2025", "/api/v1/national-list?period=2025",
				"/api/v1/approved-classes?period=2025", "/api/v1/funding-priority?period=2025",
				"/api/v1/approval-events")) {
			assertThat(status("officer-04", national)).as(national + " spans every province").isEqualTo(403);
			assertThat(status("ministry", national)).isEqualTo(200);
			assertThat(status("viewer", national)).isEqualTo(200);
		}
		assertThat(count("ministry_report")).isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT status FROM ministry_report", String.class)).isEqualTo("SUBMITTED");
		assertThat(run).isPositive();
	}

	@Test
	void aReturnedReportIsSubmittedAgainAndTheFeedShowsEveryStepInOrder() throws IOException {
		caoBangApproved();
		post("officer-04", REPORT + "/submission", Map.of());
		assertThat(post("ministry", REPORT + "/return", Map.of("reason", " ")).getStatusCode().value()).isEqualTo(400);
		assertThat(post("ministry", REPORT + "/approval", Map.of("decisionDate", "2025-12-28")).getStatusCode().value())
			.isEqualTo(400);
		JsonNode returned = post("ministry", REPORT + "/return",
				Map.of("reason", "Thiếu tuyến liên tỉnh qua xã Lý Quốc"))
			.getBody();
		assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
		assertThat(returned.get("returnReason").asString()).isEqualTo("Thiếu tuyến liên tỉnh qua xã Lý Quốc");
		JsonNode again = post("officer-04", REPORT + "/submission", Map.of()).getBody();
		assertThat(again.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(again.get("returnReason").isNull()).isTrue();

		JsonNode feed = ministry().get().uri("/api/v1/approval-events?after=0&limit=2").retrieve().body(JsonNode.class);
		assertThat(feed.get("events").findValuesAsString("kind")).containsExactly("RUN_APPROVED", "REPORT_SUBMITTED");
		assertThat(feed.get("more").asBoolean()).isTrue();
		JsonNode rest = ministry().get()
			.uri("/api/v1/approval-events?after=" + feed.get("cursor").asLong() + "&limit=2")
			.retrieve()
			.body(JsonNode.class);
		assertThat(rest.get("events").findValuesAsString("kind")).containsExactly("REPORT_RETURNED",
				"REPORT_SUBMITTED");
		assertThat(rest.get("more").asBoolean()).isFalse();
		JsonNode none = ministry().get()
			.uri("/api/v1/approval-events?after=" + rest.get("cursor").asLong())
			.retrieve()
			.body(JsonNode.class);
		assertThat(none.get("events")).isEmpty();
		assertThat(none.get("cursor").asLong()).isEqualTo(rest.get("cursor").asLong());
		assertThat(jdbc.queryForList("SELECT action FROM audit_entry ORDER BY id", String.class))
			.containsSubsequence("MINISTRY_REPORT_SUBMITTED", "MINISTRY_REPORT_RETURNED", "MINISTRY_REPORT_SUBMITTED");
	}

	@Test
	void approvedClassesComeInPagesWithAnETagAndWhatChangedSinceACursor() throws IOException {
		String url = "/api/v1/approved-classes?period=2025";
		ResponseEntity<JsonNode> empty = ministry().get().uri(url).retrieve().toEntity(JsonNode.class);
		assertThat(empty.getBody().get("totalItems").asLong()).isZero();
		String emptyTag = empty.getHeaders().getETag();

		long run = caoBangApproved();
		ResponseEntity<JsonNode> first = ministry().get().uri(url + "&size=50").retrieve().toEntity(JsonNode.class);
		assertThat(first.getStatusCode().value()).isEqualTo(200);
		String tag = first.getHeaders().getETag();
		assertThat(tag).isNotNull().isNotEqualTo(emptyTag);
		JsonNode page = first.getBody();
		assertThat(page.get("totalItems").asLong()).isEqualTo(56);
		assertThat(page.get("totalPages").asLong()).isEqualTo(2);
		assertThat(page.get("items")).hasSize(50);
		JsonNode sonLo = first(page.get("items"), "communeCode", "01360");
		assertThat(sonLo.get("approvedClass").asString()).as("the override, as ApprovedClasses says")
			.isEqualTo("TYPE_III");
		assertThat(sonLo.get("recommendedClass").asString()).isEqualTo("DRUG_FREE");
		assertThat(sonLo.get("approvalDecisionNumber").asString()).isEqualTo("125/QĐ-UBND");
		assertThat(sonLo.get("approvedClass").asString())
			.isEqualTo(get("/api/v1/communes/01360/approved-class?period=2025").get("approvedClass").asString());
		JsonNode second = ministry().get()
			.uri(page.get("links").get("next").asString())
			.retrieve()
			.body(JsonNode.class);
		assertThat(second.get("items")).hasSize(6);

		ResponseEntity<JsonNode> unchanged = ministry().get()
			.uri(url + "&size=50")
			.header(HttpHeaders.IF_NONE_MATCH, tag)
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(unchanged.getStatusCode().value()).isEqualTo(304);
		assertThat(unchanged.getHeaders().getETag()).isEqualTo(tag);

		// nothing changed since the cursor; then another province is approved
		long cursor = page.get("cursor").asLong();
		String changes = page.get("links").get("changes").asString();
		assertThat(ministry().get().uri(changes).retrieve().body(JsonNode.class).get("items")).isEmpty();
		laiChauApproved();
		ResponseEntity<JsonNode> changed = ministry().get()
			.uri(url + "&size=50")
			.header(HttpHeaders.IF_NONE_MATCH, tag)
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(changed.getStatusCode().value()).as("a new approval changes the list").isEqualTo(200);
		assertThat(changed.getBody().get("totalItems").asLong()).isEqualTo(56 + 38);
		JsonNode since = ministry().get().uri(changes).retrieve().body(JsonNode.class);
		assertThat(since.get("totalItems").asLong()).as("only what changed after " + cursor).isEqualTo(38);
		assertThat(since.get("items").findValuesAsString("provinceCode")).containsOnly("12");
		assertThat(since.get("cursor").asLong()).isGreaterThan(cursor);
		assertThat(status("ministry", url + "&size=0")).isEqualTo(400);
		assertThat(run).isPositive();
	}

	@Test
	void theFundingPriorityListHoldsTypesIAndIIAndTypeIIIOnAKeyRouteWithTheirDecisions() throws IOException {
		long run = caoBangApproved();
		JsonNode listing = ministry().get().uri("/api/v1/funding-priority?period=2025").retrieve().body(JsonNode.class);
		JsonNode decisions = get("/api/v1/runs/" + run + "/decisions");
		List<String> expected = new ArrayList<>();
		for (JsonNode d : decisions) {
			String k = d.get("classification").asString();
			JsonNode full = get("/api/v1/decisions/" + d.get("id").asLong()).get("facts");
			boolean onRoute = full.get("onIntraProvincialRoute").asBoolean()
					|| full.get("onInterProvincialRoute").asBoolean();
			if (k.equals("TYPE_I") || k.equals("TYPE_II") || (k.equals("TYPE_III") && onRoute)) {
				expected.add(d.get("communeCode").asString());
			}
		}
		assertThat(expected).as("the sample has type III communes on and off routes").isNotEmpty();
		assertThat(listing.get("communes").findValuesAsString("communeCode"))
			.containsExactlyInAnyOrderElementsOf(expected);
		assertThat(listing.get("count").asInt()).isEqualTo(expected.size());
		JsonNode sonLo = first(listing.get("communes"), "communeCode", "01360");
		assertThat(sonLo).as("Sơn Lộ, type III by override, on no route: not on the list").isNull();
		JsonNode one = listing.get("communes").get(0);
		assertThat(one.get("provincialApproval").get("decisionNumber").asString()).isEqualTo("125/QĐ-UBND");
		assertThat(one.get("provincialApproval").get("decisionDate").asString()).isEqualTo("2025-12-20");
		assertThat(one.get("ministryApproval").isNull()).isTrue();
		post("officer-04", REPORT + "/submission", Map.of());
		post("ministry", REPORT + "/approval",
				Map.of("decisionNumber", MINISTRY_DECISION, "decisionDate", "2025-12-28"));
		JsonNode after = ministry().get().uri("/api/v1/funding-priority?period=2025").retrieve().body(JsonNode.class);
		assertThat(after.get("communes").get(0).get("ministryApproval").get("decisionNumber").asString())
			.isEqualTo(MINISTRY_DECISION);
	}

	/** Cao Bằng 2025 with its routes, Sơn Lộ overridden to type III, approved. */
	private long caoBangApproved() throws IOException {
		assertThat(postJson("/api/v1/routes", Files.readString(sample("cao-bang-routes.json"), StandardCharsets.UTF_8))
			.getStatusCode()
			.value()).isEqualTo(201);
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		new vn.drugcontrol.service.approval.ApprovalSteps(this::http).approveWithOverride(run, "01360", "TYPE_III");
		return run;
	}

	/** Lai Châu (12) 2025, synthetic facts for its 38 units, approved. */
	private void laiChauApproved() throws IOException {
		Path file = Files.createDirectories(Path.of("target", "ministry")).resolve("lai-chau-2025.csv");
		SyntheticFacts.writeCsv(SyntheticFacts.generate(12, 2025, AdminUnits.load().unitsOf("12")), file);
		long run = upload(file).getBody().get("id").asLong();
		approve(run);
	}

	private void approve(long run) {
		assertThat(post(TESTER, "/api/v1/runs/" + run + "/submission", Map.of()).getStatusCode().value())
			.isEqualTo(200);
		assertThat(post(TESTER, "/api/v1/runs/" + run + "/approval",
				Map.of("decisionNumber", "125/QĐ-UBND", "decisionDate", "2025-12-20"))
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	private org.springframework.web.client.RestClient ministry() {
		return http("ministry");
	}

	private ResponseEntity<JsonNode> post(String user, String uri, Object body) {
		return http(user).post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private int status(String user, String uri) {
		return http(user).get().uri(uri).retrieve().toEntity(String.class).getStatusCode().value();
	}

	private static JsonNode province(JsonNode board, String code) {
		return first(board.get("provinces"), "provinceCode", code);
	}

	private static JsonNode first(JsonNode array, String field, String value) {
		for (JsonNode n : array) {
			if (value.equals(n.get(field).asString())) {
				return n;
			}
		}
		return null;
	}

	private static List<String> codes(JsonNode routes, String kind) {
		List<String> codes = new ArrayList<>();
		routes.forEach(r -> {
			if (kind.equals(r.get("kind").asString())) {
				codes.add(r.get("code").asString());
			}
		});
		return codes;
	}

}
