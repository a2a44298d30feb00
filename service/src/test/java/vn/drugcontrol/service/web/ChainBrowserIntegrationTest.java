package vn.drugcontrol.service.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.assessment.AssessmentSteps;
import vn.drugcontrol.rules.commune.FactsColumn;
import vn.drugcontrol.service.facts.FactsColumns;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.drugcontrol.service.assessment.AssessmentSteps.SON_LO;
import static vn.drugcontrol.service.assessment.AssessmentSteps.THUC_PHAN;

/**
 * The whole chain of Art. 7 of Decision 28/2025 in a real browser, each step by the role
 * whose step it is, in the console as its users work (issue 16's "done when"): Cao Bằng's
 * communes assess themselves (Thục Phán and Sơn Lộ in the form; the other 54 units
 * through their own users), the province returns Sơn Lộ with a reason, Sơn Lộ corrects
 * and submits again, the province accepts every unit and starts its run from them,
 * submits it; the People's Committee overrides Sơn Lộ under dual control and approves;
 * the province reports to the Ministry; the Ministry approves; the national list (page,
 * XLSX, PDF) and the funding-priority API read by another system with its token show the
 * approved classes. At each step the role boundaries are asserted from the browser: a
 * commune user reaches its own commune only, the officer neither approves nor decides for
 * the Ministry, the Ministry submits nothing for a province.
 * <p>
 * Its own period, {@value #PERIOD}, is used by no other test.
 */
class ChainBrowserIntegrationTest extends ConsoleBrowserTest {

	static final int PERIOD = 2032;

	static final String RETURN_REASON = "Số người cai nghiện tại cơ sở chưa khớp với báo cáo của huyện";

	static final String OVERRIDE_REASON = "Xã giáp biên giới, mới phát hiện điểm tụ tập — đề nghị xếp loại III";

	static final String COMMITTEE_DECISION = "318/QĐ-UBND";

	static final String MINISTRY_DECISION = "2468/QĐ-BCA";

	/** The console's 403 page, in Vietnamese. */
	static final String FORBIDDEN = "Không có quyền truy cập";

	@Test
	void communesAssessTheProvinceConsolidatesAndReportsTheMinistryApprovesAndOtherSystemsReadIt() throws IOException {
		// what exists before the period's work: the key routes (the analyst's register)
		// and the budget system's API token (the administrator's)
		assertThat(postJson("/api/v1/routes", Files.readString(sample("cao-bang-routes.json"), StandardCharsets.UTF_8))
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		ResponseEntity<JsonNode> issued = http("admin").post()
			.uri("/api/v1/api-tokens")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("clientName", "ngan-sach-du-an-4"))
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(issued.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		String budgetToken = issued.getBody().get("token").asString();

		// 1. Thục Phán's police: its own form, the provisional class, submitted
		signIn(COMMUNE_THUC_PHAN);
		open("/assessments");
		assertThat(browser.getCurrentUrl()).as("a commune user's own form").contains("/assessments/" + THUC_PHAN + "/");
		open(form(THUC_PHAN));
		assertAccessible();
		assertThat(text(By.tagName("h1"))).as("a period is a year, not a number with a separator")
			.startsWith("Tự đánh giá của Thục Phán, kỳ " + PERIOD);
		assertThat(browser.findElement(By.id("fact-population-help")).getText())
			.as("help text citing the clauses the fact serves")
			.contains("4.1.a", "Quyết định 28/2025/QĐ-TTg");
		enter(AssessmentSteps.thucPhan());
		go(By.id("save-draft"));
		assertThat(text(By.id("assessment-message"))).isEqualTo("Đã lưu bản nháp.");
		assertThat(browser.findElement(By.id("provisional-class")).getDomAttribute("data-class")).isEqualTo("TYPE_I");
		assertThat(text(By.id("provisional-reason"))).startsWith("Loại I: ");
		assertThat(rows("provisional-evidence")).hasSize(5);
		assertThat(browser.findElements(By.cssSelector("#gaps li"))).isNotEmpty();
		Chromium.screenshot(browser, "assessment-draft");
		go(By.id("submit-assessment"));
		assertThat(status()).isEqualTo("SUBMITTED");
		assertThat(browser.findElements(By.id("save-draft"))).as("submitted: no longer editable").isEmpty();
		// … and nothing of another commune or of the province
		open(form(SON_LO));
		assertForbidden("another commune's form");
		open(board());
		assertForbidden("the province's board");
		Chromium.screenshot(browser, "chain-01-commune-forbidden");

		// 2. Sơn Lộ's police: a wrong figure shown at its field, then submitted
		signIn(COMMUNE_SON_LO);
		open(form(SON_LO));
		Map<String, String> wrong = new LinkedHashMap<>(AssessmentSteps.sonLo());
		wrong.put("population", "0");
		enter(wrong);
		go(By.id("submit-assessment"));
		assertThat(text(By.id("assessment-error"))).contains("chưa gửi tỉnh");
		assertThat(text(By.cssSelector("[data-problem-of=population]"))).contains("phải là số nguyên lớn hơn 0");
		assertThat(browser.findElement(By.id("fact-population")).getDomAttribute("aria-invalid")).isEqualTo("true");
		Chromium.screenshot(browser, "assessment-problems");
		enter(AssessmentSteps.sonLo());
		go(By.id("submit-assessment"));
		assertThat(status()).isEqualTo("SUBMITTED");
		open(form(THUC_PHAN));
		assertForbidden("another commune's form");

		// 3. the province's other 54 units submit theirs, each through its own user
		List<String> others = othersSubmit();
		assertThat(others).hasSize(54);

		// 4. the province's officer: every unit submitted; Sơn Lộ returned with a reason;
		// the officer enters no commune's figures
		signIn("officer-04");
		open(board());
		assertThat(text(By.id("count-submitted"))).isEqualTo("56");
		assertThat(text(By.id("count-not_started"))).isEqualTo("0");
		assertAccessible();
		Chromium.screenshot(browser, "assessment-board");
		go(By.cssSelector("tr[data-commune='" + SON_LO + "'] a"));
		assertThat(browser.findElements(By.id("save-draft"))).as("the commune enters, not the province").isEmpty();
		browser.findElement(By.id("returnReason")).sendKeys(RETURN_REASON);
		go(By.id("return-assessment"));
		assertThat(status()).isEqualTo("RETURNED");
		postForm(form(SON_LO), Map.of("action", "save", "population", "1"));
		assertForbidden("the officer entering a commune's figures");
		Chromium.screenshot(browser, "chain-02-returned");
		// an officer of another province sees none of it
		signIn("officer-01");
		open(board());
		assertForbidden("another province's board");

		// 5. Sơn Lộ sees the reason, corrects a figure, submits again
		signIn(COMMUNE_SON_LO);
		open(form(SON_LO));
		assertThat(text(By.id("return-reason"))).isEqualTo(RETURN_REASON);
		Map<String, String> corrected = new LinkedHashMap<>(AssessmentSteps.sonLo());
		corrected.put("heldInCentresOrPrison", "1");
		enter(corrected);
		go(By.id("submit-assessment"));
		assertThat(status()).isEqualTo("SUBMITTED");
		assertThat(rows("submissions")).hasSize(2);

		// 6. the officer accepts every unit, starts the province's run from them and
		// submits it; approving it is not the officer's step
		signIn("officer-04");
		for (String commune : List.of(THUC_PHAN, SON_LO)) {
			open(form(commune));
			go(By.id("accept-assessment"));
			assertThat(status()).as(commune).isEqualTo("ACCEPTED");
		}
		open(board());
		acceptOnTheBoard(others);
		open(board());
		assertThat(text(By.id("count-accepted"))).isEqualTo("56");
		go(By.id("start-run"));
		assertThat(browser.getCurrentUrl()).matches(".*/runs/\\d+$");
		long run = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/runs/", ""));
		assertThat(text(By.id("shown-count"))).contains("56");
		assertThat(browser.findElement(By.id("run-submissions")).getDomAttribute("href"))
			.as("the run links to the submissions it was made from")
			.endsWith("/provinces/04/assessments?period=" + PERIOD);
		Chromium.screenshot(browser, "assessment-run");
		go(By.id("submit-run"));
		assertThat(approvalStatus()).isEqualTo("SUBMITTED");
		assertThat(browser.findElements(By.id("approve-form"))).as("an officer does not approve").isEmpty();
		postForm("/runs/" + run + "/approval",
				Map.of("decisionNumber", COMMITTEE_DECISION, "decisionDate", PERIOD + "-12-18"));
		assertForbidden("the officer approving the run");
		Chromium.screenshot(browser, "chain-03-run-submitted");
		// the run's decisions are the figures the communes submitted
		assertDecidedFrom(run, THUC_PHAN, AssessmentSteps.thucPhan(), "TYPE_I");
		assertDecidedFrom(run, SON_LO, corrected, "DRUG_FREE");

		// 7. the People's Committee: one approver proposes Sơn Lộ as type III, a second
		// confirms (dual control), the first approves with the committee's decision
		signIn("approver-04");
		open("/runs/" + run);
		go(By.linkText("Sơn Lộ"));
		assertThat(text(By.id("recommended-class"))).isEqualTo("Không ma túy");
		new Select(browser.findElement(By.id("approvedClass"))).selectByValue("TYPE_III");
		browser.findElement(By.id("overrideReason")).sendKeys(OVERRIDE_REASON);
		go(By.id("propose-override"));
		assertThat(browser.findElements(By.id("confirm-form"))).as("no button for one's own override").isEmpty();
		String sonLoDecision = browser.getCurrentUrl();
		signIn("approver-04b");
		browser.get(sonLoDecision);
		go(By.id("confirm-override"));
		assertThat(text(By.id("approved-class"))).isEqualTo("Loại III");
		signIn("approver-04");
		open("/runs/" + run);
		browser.findElement(By.id("decisionNumber")).sendKeys(COMMITTEE_DECISION);
		((JavascriptExecutor) browser).executeScript("arguments[0].value = '" + PERIOD + "-12-18'",
				browser.findElement(By.id("decisionDate")));
		go(By.id("approve-run"));
		assertThat(approvalStatus()).isEqualTo("APPROVED");
		// reporting to the Ministry is the officer's step
		open("/ministry/reports/04/" + PERIOD);
		assertThat(browser.findElements(By.id("submit-report"))).as("an approver does not report").isEmpty();
		postForm("/ministry/reports/04/" + PERIOD + "/submission", Map.of());
		assertForbidden("the approver reporting to the Ministry");

		// 8. the officer reports to the Ministry; deciding for the Ministry is not theirs
		signIn("officer-04");
		open("/ministry?period=" + PERIOD);
		assertThat(browser.getCurrentUrl()).as("the nav leads to the province's own report")
			.endsWith("/ministry/reports/04/" + PERIOD);
		assertThat(text(By.id("report-status"))).isEqualTo("Chưa báo cáo");
		assertThat(text(By.id("committee-decision"))).contains(COMMITTEE_DECISION, "18/12/" + PERIOD);
		assertThat(browser.findElements(By.id("ministry-approve-form"))).as("not the officer's step").isEmpty();
		Chromium.screenshot(browser, "ministry-01-report-before");
		go(By.id("submit-report"));
		assertThat(text(By.id("ministry-message"))).isEqualTo("Đã báo cáo Bộ Công an.");
		assertThat(text(By.id("report-status"))).isEqualTo("Đã báo cáo, chờ Bộ phê duyệt");
		assertThat(text(By.id("province-class"))).isEqualTo("Trọng điểm (tỉnh)");
		assertThat(text(By.id("report-total"))).isEqualTo("56");
		assertThat(text(By.id("inter-routes"))).contains("CB-LT-01", "CB-LT-02");
		assertThat(text(By.id("intra-routes"))).contains("CB-NT-01", "CB-NT-02");
		assertThat(browser.findElements(By.id("submit-report"))).isEmpty();
		assertAccessible();
		Chromium.screenshot(browser, "ministry-02-reported");
		postForm("/ministry/reports/04/" + PERIOD + "/approval",
				Map.of("decisionNumber", MINISTRY_DECISION, "decisionDate", PERIOD + "-12-28"));
		assertForbidden("the officer approving as the Ministry");
		Chromium.screenshot(browser, "chain-04-reported");
		// a commune user reads none of the province's run or report
		signIn(COMMUNE_THUC_PHAN);
		open("/runs/" + run);
		assertForbidden("the province's run");
		open("/ministry/reports/04/" + PERIOD);
		assertForbidden("the province's report");

		// 9. the Ministry: the national board, the province's report approved with its
		// decision; it submits nothing for a province
		signIn("ministry");
		open("/ministry?period=" + PERIOD);
		WebElement row = browser.findElement(By.id("province-04"));
		assertThat(row.getDomAttribute("data-status")).isEqualTo("SUBMITTED");
		assertThat(text(By.id("report-deadline"))).contains("20/12/" + PERIOD);
		assertThat(text(By.id("decision-deadline"))).contains("30/12/" + PERIOD);
		assertThat(rows("national-targets")).hasSizeGreaterThanOrEqualTo(2);
		assertAccessible();
		Chromium.screenshot(browser, "ministry-03-board");
		go(row.findElement(By.tagName("a")));
		assertThat(browser.findElements(By.id("submit-report"))).as("the Ministry submits no province's report")
			.isEmpty();
		browser.findElement(By.id("decisionNumber")).sendKeys(MINISTRY_DECISION);
		((JavascriptExecutor) browser).executeScript("arguments[0].value = '" + PERIOD + "-12-28'",
				browser.findElement(By.id("decisionDate")));
		go(By.id("ministry-approve"));
		assertThat(text(By.id("ministry-message"))).isEqualTo("Bộ Công an đã phê duyệt báo cáo.");
		assertThat(text(By.id("report-status"))).isEqualTo("Bộ đã phê duyệt");
		assertThat(text(By.id("ministry-decision"))).isEqualTo(MINISTRY_DECISION + ", 28/12/" + PERIOD);
		Chromium.screenshot(browser, "ministry-04-approved");

		// 10. the national list: the approved classes (Sơn Lộ's the committee's, not the
		// rules' recommendation), on the page and in its XLSX and PDF
		// The list is a page per province: first the provinces with their counts, then
		// the province's communes
		open("/ministry?period=" + PERIOD);
		go(By.id("national-list-link"));
		WebElement province = browser.findElement(By.id("list-row-04"));
		assertThat(province.getText()).contains("Cao Bằng (04)", MINISTRY_DECISION, "56");
		String countedTypeI = province.findElement(By.cssSelector("td[data-class=TYPE_I]")).getText();
		assertThat(browser.findElements(By.id("communes-04"))).as("the communes are on the province's page").isEmpty();
		go(By.id("list-link-04"));
		assertThat(text(By.id("list-heading-04"))).contains("Cao Bằng (04)", MINISTRY_DECISION, "28/12/" + PERIOD);
		List<WebElement> communes = rows("communes-04");
		assertThat(communes).hasSize(56);
		assertThat(listed(communes, THUC_PHAN).getDomAttribute("data-class")).isEqualTo("TYPE_I");
		WebElement sonLo = listed(communes, SON_LO);
		assertThat(sonLo.getDomAttribute("data-class")).as("the approved class, not the recommendation")
			.isEqualTo("TYPE_III");
		assertThat(sonLo.getText()).contains("Loại III", "Không ma túy");
		assertAccessible();
		Chromium.screenshot(browser, "ministry-05-national-list");
		long typeI = communes.stream().filter(r -> "TYPE_I".equals(r.getDomAttribute("data-class"))).count();
		long typeII = communes.stream().filter(r -> "TYPE_II".equals(r.getDomAttribute("data-class"))).count();
		assertThat(countedTypeI).as("the provinces' page counts what the province's page lists")
			.isEqualTo(String.valueOf(typeI));
		byte[] xlsx = download("national-list-xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			assertThat(book.getSheet("Danh sách").getRow(2).getCell(0).getStringCellValue())
				.startsWith("Tỉnh Cao Bằng (04)")
				.contains(MINISTRY_DECISION, COMMITTEE_DECISION);
			assertThat(book.getSheet("Danh sách").getPhysicalNumberOfRows()).isEqualTo(1 + 2 + 56);
		}
		try (PDDocument pdf = Loader.loadPDF(download("national-list-pdf"))) {
			assertThat(new PDFTextStripper().getText(pdf)).contains("Cao Bằng", MINISTRY_DECISION, "Thục Phán",
					"Sơn Lộ");
		}

		// 11. the budget system, with its token: the funding-priority list of the period
		// is the approved type I and II communes (type III only on a key route: not Sơn
		// Lộ), with the approving decisions
		JsonNode funding = http(null).get()
			.uri("/api/v1/funding-priority?period=" + PERIOD)
			.header("Authorization", "Bearer " + budgetToken)
			.retrieve()
			.body(JsonNode.class);
		assertThat(funding.get("counts").get("TYPE_I").asLong()).isEqualTo(typeI).isPositive();
		assertThat(funding.get("counts").get("TYPE_II").asLong()).isEqualTo(typeII).isPositive();
		List<String> funded = funding.get("communes").findValuesAsString("communeCode");
		assertThat(funded).contains(THUC_PHAN).doesNotContain(SON_LO);
		JsonNode thucPhan = funding.get("communes").get(funded.indexOf(THUC_PHAN));
		assertThat(thucPhan.get("approvedClass").asString()).isEqualTo("TYPE_I");
		assertThat(thucPhan.get("provincialApproval").get("decisionNumber").asString()).isEqualTo(COMMITTEE_DECISION);
		assertThat(thucPhan.get("ministryApproval").get("decisionNumber").asString()).isEqualTo(MINISTRY_DECISION);
		// … which spans every province: not for a province's or a commune's users
		for (String user : List.of("officer-04", COMMUNE_THUC_PHAN)) {
			assertThat(http(user).get()
				.uri("/api/v1/funding-priority?period=" + PERIOD)
				.retrieve()
				.toBodilessEntity()
				.getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
		}
	}

	private static String form(String commune) {
		return "/assessments/" + commune + "/" + PERIOD;
	}

	private static String board() {
		return "/provinces/04/assessments?period=" + PERIOD;
	}

	/**
	 * Cao Bằng's other 54 units enter and submit the figures of the sample file, each
	 * signed in as its own commune user (as its police's form would send them); their
	 * route facts are left to the key-route registry.
	 */
	private List<String> othersSubmit() throws IOException {
		List<String> lines = Files.readAllLines(sample("cao-bang-2025.csv"), StandardCharsets.UTF_8);
		List<String> headers = List.of(lines.get(0).split(","));
		List<String> submitted = new java.util.ArrayList<>();
		for (String line : lines.subList(1, lines.size())) {
			if (line.isBlank()) {
				continue;
			}
			String[] cells = line.split(",", -1);
			String commune = cells[0];
			if (commune.equals(THUC_PHAN) || commune.equals(SON_LO)) {
				continue;
			}
			Map<String, String> figures = new LinkedHashMap<>();
			for (int i = 0; i < headers.size(); i++) {
				FactsColumn column = FactsColumns.byHeader(headers.get(i)).orElseThrow();
				if (column != FactsColumn.COMMUNE_CODE && column != FactsColumn.COMMUNE_NAME
						&& column != FactsColumn.PROVINCE_CODE && column != FactsColumn.PERIOD
						&& column != FactsColumn.ON_INTRA_PROVINCIAL_ROUTE
						&& column != FactsColumn.ON_INTER_PROVINCIAL_ROUTE) {
					figures.put(column.field(), cells[i]);
				}
			}
			String uri = "/api/v1/communes/" + commune + "/assessments/" + PERIOD;
			String user = communeUser(commune);
			assertThat(http(user).put()
				.uri(uri)
				.contentType(MediaType.APPLICATION_JSON)
				.body(figures)
				.retrieve()
				.toEntity(String.class)
				.getStatusCode()).as(commune).isEqualTo(HttpStatus.OK);
			ResponseEntity<String> sent = http(user).post().uri(uri + "/submission").retrieve().toEntity(String.class);
			assertThat(sent.getStatusCode()).as(commune + ": " + sent.getBody()).isEqualTo(HttpStatus.OK);
			submitted.add(commune);
		}
		return submitted;
	}

	/**
	 * The officer accepts these units from the board's page: the accept button's own form
	 * post, with the page's CSRF token and the officer's session, without loading each
	 * form page after it (the two communes above go through their pages).
	 */
	private static void acceptOnTheBoard(List<String> communes) {
		browser.manage().timeouts().scriptTimeout(Duration.ofMinutes(2));
		@SuppressWarnings("unchecked")
		List<Object> refused = (List<Object>) ((JavascriptExecutor) browser).executeAsyncScript("""
				const [communes, period, done] = arguments;
				const csrf = document.querySelector('#logout-form input[name=_csrf]').value;
				(async () => {
				  const refused = [];
				  for (const c of communes) {
				    const r = await fetch('/assessments/' + c + '/' + period + '/acceptance', { method: 'POST',
				        body: new URLSearchParams({ _csrf: csrf }), redirect: 'manual' });
				    // the console answers a done step with a redirect to the form
				    if (r.type !== 'opaqueredirect') refused.push(c + ': ' + r.status);
				  }
				  return refused;
				})().then(done, e => done([String(e)]));
				""", communes, PERIOD);
		assertThat(refused).isEmpty();
	}

	/** The console's 403 page, in Vietnamese. */
	private static void assertForbidden(String what) {
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).as(what).isEqualTo("vi");
		assertThat(text(By.tagName("h1"))).as(what).isEqualTo(FORBIDDEN);
	}

	/** A file the page links to, fetched with the page's own session. */
	private byte[] download(String linkId) throws IOException {
		String href = browser.findElement(By.id(linkId)).getDomProperty("href");
		String session = browser.manage().getCookieNamed("SESSION").getValue();
		ResponseEntity<byte[]> file = http(null).get()
			.uri(href)
			.header("Cookie", "SESSION=" + session)
			.retrieve()
			.toEntity(byte[].class);
		assertThat(file.getStatusCode()).as(href).isEqualTo(HttpStatus.OK);
		return file.getBody();
	}

	private static WebElement listed(List<WebElement> rows, String commune) {
		return rows.stream()
			.filter(r -> r.findElement(By.tagName("th")).getText().equals(commune))
			.findFirst()
			.orElseThrow();
	}

	/** Types the figures into the form (selects for the yes/no facts). */
	private static void enter(Map<String, String> figures) {
		figures.forEach((field, value) -> {
			WebElement input = browser.findElement(By.id("fact-" + field));
			if ("select".equals(input.getTagName())) {
				new Select(input).selectByValue(value);
			}
			else {
				input.clear();
				input.sendKeys(value);
			}
		});
	}

	private static String status() {
		return browser.findElement(By.id("assessment-status")).getDomAttribute("data-status");
	}

	private static String approvalStatus() {
		return browser.findElement(By.id("approval-state")).getDomAttribute("data-status");
	}

	private void assertDecidedFrom(long run, String commune, Map<String, String> figures, String classification) {
		JsonNode decision = null;
		for (JsonNode d : get("/api/v1/runs/" + run + "/decisions")) {
			if (commune.equals(d.get("communeCode").asString())) {
				decision = get("/api/v1/decisions/" + d.get("id").asLong());
			}
		}
		assertThat(decision).as("a decision of " + commune).isNotNull();
		assertThat(decision.get("classification").asString()).as(commune).isEqualTo(classification);
		JsonNode facts = decision.get("facts");
		figures.forEach((field, value) -> {
			JsonNode stored = facts.get(field);
			assertThat(stored).as(commune + " " + field).isNotNull();
			if (stored.isBoolean()) {
				assertThat(stored.asBoolean()).as(commune + " " + field).isEqualTo(Boolean.parseBoolean(value));
			}
			else {
				assertThat(stored.decimalValue()).as(commune + " " + field)
					.isEqualByComparingTo(new java.math.BigDecimal(value));
			}
		});
	}

}
