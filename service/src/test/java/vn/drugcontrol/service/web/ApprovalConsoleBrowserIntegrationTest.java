package vn.drugcontrol.service.web;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

import vn.drugcontrol.service.approval.ApprovalSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval journey in the console, in a real browser against the real service and
 * database: the provincial officer uploads and submits; one approver proposes an override
 * with a reason, cannot confirm it himself, a second approver confirms; the first
 * approves with the People's Committee's decision; the run is then read-only and the
 * decision page shows both classes; users sign out. Screenshots under
 * {@code target/screenshots/}.
 */
class ApprovalConsoleBrowserIntegrationTest extends ConsoleBrowserTest {

	static final String REASON = "Xã giáp biên giới, mới phát hiện điểm tụ tập sử dụng trái phép — đề nghị xếp loại III";

	static final String DECISION_NUMBER = "123/QĐ-UBND";

	@BeforeEach
	void signedOut() {
		open("/login");
		browser.manage().deleteAllCookies();
	}

	@Test
	void submittedOverriddenUnderDualControlApprovedThenReadOnly() {
		// the provincial officer uploads Cao Bằng 2025 and submits it
		signIn("officer-04");
		assertThat(text(By.id("signed-in-user"))).isEqualTo("officer-04");
		browser.findElement(By.id("file"))
			.sendKeys(sample("cao-bang-2025.csv").toAbsolutePath().normalize().toString());
		go(By.cssSelector("#upload-form button[type=submit]"));
		go(By.id("start-run"));
		assertThat(browser.getCurrentUrl()).matches(".*/runs/\\d+$");
		long run = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/runs/", ""));
		assertThat(status()).isEqualTo("DRAFT");
		assertThat(text(By.id("approval-state"))).isEqualTo("Bản nháp");
		assertThat(browser.findElements(By.id("approve-form"))).as("an officer does not approve").isEmpty();
		assertThat(browser.findElement(By.cssSelector("#submit-form input[name=_csrf]")).getDomAttribute("value"))
			.isNotBlank();
		assertAccessible();
		Chromium.screenshot(browser, "20-approval-draft-officer");

		go(By.id("submit-run"));
		assertThat(status()).isEqualTo("SUBMITTED");
		assertThat(text(By.id("approval-message"))).isEqualTo("Đã trình danh sách để phê duyệt.");
		assertThat(text(By.id("submitted-by"))).startsWith("officer-04, ");
		assertThat(browser.findElements(By.id("submit-form"))).isEmpty();
		Chromium.screenshot(browser, "21-approval-submitted-officer");
		signOut();

		// the first approver proposes an override with a reason in Vietnamese
		signIn("approver-04");
		open("/runs/" + run);
		assertThat(browser.findElements(By.id("approve-form"))).hasSize(1);
		assertThat(browser.findElements(By.id("return-form"))).hasSize(1);
		assertAccessible();
		Chromium.screenshot(browser, "22-approval-submitted-approver");
		go(By.linkText("Sơn Lộ"));
		assertThat(text(By.id("recommended-class"))).isEqualTo("Không ma túy");
		new Select(browser.findElement(By.id("approvedClass"))).selectByValue("TYPE_III");
		browser.findElement(By.id("overrideReason")).sendKeys(REASON);
		assertAccessible();
		Chromium.screenshot(browser, "23-override-form");
		go(By.id("propose-override"));

		assertThat(text(By.id("approval-message"))).contains("chờ người phê duyệt thứ hai");
		assertThat(text(By.id("override-reason"))).isEqualTo(REASON);
		assertThat(text(By.id("override-class"))).isEqualTo("Loại III");
		assertThat(text(By.id("approved-class"))).as("not confirmed yet").isEqualTo("Không ma túy");
		assertThat(text(By.id("own-override"))).contains("không thể tự xác nhận");
		assertThat(browser.findElements(By.id("confirm-form"))).as("no button for one's own override").isEmpty();
		assertThat(jdbc.queryForObject("SELECT reason FROM classification_override", String.class)).isEqualTo(REASON);

		// posting the confirmation anyway (a forged form with a valid CSRF token) is
		// refused
		long override = jdbc.queryForObject("SELECT id FROM classification_override", Long.class);
		String decisionPage = browser.getCurrentUrl();
		postForm("/runs/" + run + "/overrides/" + override + "/confirmation", Map.of());
		assertThat(browser.getCurrentUrl()).isEqualTo(decisionPage);
		assertThat(text(By.id("approval-error"))).contains("Không thể tự xác nhận");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM classification_override WHERE confirmed_by IS NULL",
				Integer.class))
			.isEqualTo(1);
		assertAccessible();
		Chromium.screenshot(browser, "24-override-own-confirmation-refused");

		open("/runs/" + run);
		assertThat(text(By.id("pending-overrides"))).contains("1");
		assertThat(browser.findElements(By.id("approve-form"))).as("pending overrides block approval").isEmpty();
		assertThat(rows("run-overrides")).singleElement()
			.satisfies(row -> assertThat(row.getText()).contains("01360").contains(REASON));
		signOut();

		// a second approver confirms
		signIn("approver-04b");
		browser.get(decisionPage);
		assertThat(browser.findElements(By.id("own-override"))).isEmpty();
		go(By.id("confirm-override"));
		assertThat(text(By.id("approval-message"))).isEqualTo("Đã xác nhận điều chỉnh.");
		assertThat(text(By.id("override-confirmed-by"))).startsWith("approver-04b, ");
		assertThat(text(By.id("approved-class"))).isEqualTo("Loại III");
		Chromium.screenshot(browser, "25-override-confirmed");
		signOut();

		// the first approver approves with the People's Committee's decision
		signIn("approver-04");
		open("/runs/" + run);
		browser.findElement(By.id("decisionNumber")).sendKeys(DECISION_NUMBER);
		((JavascriptExecutor) browser).executeScript("arguments[0].value = '2025-12-20'",
				browser.findElement(By.id("decisionDate")));
		Chromium.screenshot(browser, "26-approve-form");
		go(By.id("approve-run"));

		assertThat(status()).isEqualTo("APPROVED");
		assertThat(text(By.id("approval-state"))).isEqualTo("Đã phê duyệt");
		assertThat(text(By.id("decision-number"))).isEqualTo(DECISION_NUMBER);
		assertThat(text(By.id("decision-date"))).isEqualTo("20/12/2025");
		assertThat(text(By.id("read-only"))).contains("chỉ còn để xem");
		assertThat(browser.findElements(By.cssSelector("#approval form"))).as("read-only: no actions").isEmpty();
		assertThat(jdbc.queryForObject("SELECT decision_number FROM run_approval WHERE run_id = ?", String.class, run))
			.isEqualTo(DECISION_NUMBER);
		assertAccessible();
		Chromium.screenshot(browser, "27-run-approved");

		go(By.linkText("Sơn Lộ"));
		assertThat(text(By.id("recommended-class"))).isEqualTo("Không ma túy");
		assertThat(text(By.id("approved-class"))).isEqualTo("Loại III");
		assertThat(browser.findElements(By.id("approved-class-note"))).isEmpty();
		assertThat(browser.findElements(By.cssSelector("#approval form"))).isEmpty();
		assertAccessible();
		Chromium.screenshot(browser, "28-decision-approved");

		// the overrides report, by rule and by criterion, and its XLSX
		go(By.cssSelector("a[href='/overrides']"));
		assertThat(text(By.id("overrides-summary"))).isEqualTo("1 điều chỉnh, 1 đã được xác nhận.");
		assertThat(rows("by-rule")).singleElement()
			.satisfies(row -> assertThat(row.getText()).startsWith("Điều 6: không ma túy").endsWith("1 1"));
		assertThat(rows("by-criterion")).isNotEmpty();
		assertThat(rows("override-lines")).singleElement()
			.satisfies(row -> assertThat(row.getText()).contains("Sơn Lộ (01360)").contains(REASON));
		assertAccessible();
		Chromium.screenshot(browser, "29-overrides-report");
		String xlsx = browser.findElement(By.id("overrides-xlsx")).getDomProperty("href");
		assertThat(http().get().uri(xlsx).retrieve().toBodilessEntity().getHeaders().getContentType())
			.isEqualTo(MediaType.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));

		// English
		open("/runs/" + run + "?lang=en");
		assertThat(text(By.id("approval-state"))).isEqualTo("Approved");
		assertThat(text(By.id("logout"))).isEqualTo("Sign out");
		Chromium.screenshot(browser, "30-run-approved-en");
		open("/runs/" + run + "?lang=vi");

		signOut();
		assertThat(browser.getCurrentUrl()).contains("/login");
		open("/runs/" + run);
		assertThat(browser.getCurrentUrl()).as("signed out: back to the login form").contains("/login");
	}

	@Test
	void othersSeeTheStatusButNoActions() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		assertThat(http("officer-04").post()
			.uri("/api/v1/runs/" + run + "/submission")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		// an approver of another province does not see the run at all (province scope)
		signIn("approver-01");
		open("/runs/" + run);
		assertThat(text(By.id("error-detail"))).contains("tỉnh mình");
		for (String user : List.of("viewer", "analyst")) {
			signIn(user);
			open("/runs/" + run);
			assertThat(status()).isEqualTo("SUBMITTED");
			assertThat(browser.findElements(By.cssSelector("#approval form"))).as(user).isEmpty();
			go(By.linkText("Sơn Lộ"));
			assertThat(browser.findElements(By.cssSelector("#approval form"))).as(user).isEmpty();
			assertThat(text(By.id("recommended-class"))).isEqualTo("Không ma túy");
		}
		Chromium.screenshot(browser, "31-decision-submitted-analyst");

		// a viewer's forged approval is refused by the console's security chain
		signIn("viewer");
		open("/runs/" + run);
		postForm("/runs/" + run + "/approval", Map.of("decisionNumber", "1/QĐ", "decisionDate", "2025-12-20"));
		assertThat(jdbc.queryForObject("SELECT status FROM run_approval WHERE run_id = ?", String.class, run))
			.isEqualTo("SUBMITTED");
	}

	@Test
	void theRunDecisionAndCommunePagesShowTheApprovedClassesWithTheRecommendationBeside() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		signIn("viewer");
		open("/runs/" + run);
		assertThat(browser.findElement(By.id("list-basis")).getDomAttribute("data-approved")).isEqualTo("false");
		assertThat(text(By.id("list-basis"))).startsWith("Bản dự thảo");
		String drugFree = shownCount("DRUG_FREE");
		assertThat(browser.findElements(By.cssSelector("#counts .count-recommended"))).isEmpty();

		new ApprovalSteps(this::http).approveWithOverride(run, ApprovalSteps.SON_LO, "TYPE_III");

		open("/runs/" + run);
		assertThat(text(By.id("list-basis")))
			.contains("Quyết định số " + ApprovalSteps.DECISION_NUMBER + " ngày " + ApprovalSteps.DECISION_DATE);
		assertThat(shownCount("DRUG_FREE")).isEqualTo(String.valueOf(Integer.parseInt(drugFree) - 1));
		assertThat(text(By.cssSelector("#counts li[data-class=DRUG_FREE] .count-recommended")))
			.isEqualTo("theo quy tắc: " + drugFree);
		assertThat(browser.findElements(By.cssSelector("#counts li[data-class=TYPE_III] .count-recommended")))
			.hasSize(1);
		assertThat(browser.findElements(By.cssSelector("#counts li[data-class=TYPE_I] .count-recommended"))).isEmpty();
		assertAccessible();
		Chromium.screenshot(browser, "32-run-approved-counts");

		// the class filter reads the approved class
		new Select(browser.findElement(By.id("classification"))).selectByValue("DRUG_FREE");
		go(By.cssSelector("#filters button[type=submit]"));
		assertThat(rows("decisions")).hasSize(Integer.parseInt(drugFree) - 1)
			.noneSatisfy(row -> assertThat(row.getText()).contains("Sơn Lộ"));
		open("/runs/" + run + "?classification=TYPE_III");
		assertThat(rows("decisions")).filteredOn(row -> row.getText().contains("Sơn Lộ"))
			.singleElement()
			.satisfies(row -> assertThat(row.getText()).contains("Loại III").contains("theo quy tắc: Không ma túy"));
		Chromium.screenshot(browser, "33-run-approved-filtered");

		// the decision's headline, on screen and printed
		go(By.linkText("Sơn Lộ"));
		assertThat(text(By.id("decision-class"))).isEqualTo("Loại III");
		assertThat(text(By.id("decision-recommended"))).isEqualTo("theo quy tắc: Không ma túy");
		assertThat(text(By.id("decision-basis"))).contains("Quyết định số " + ApprovalSteps.DECISION_NUMBER);
		assertAccessible();
		((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			assertThat(browser.findElement(By.id("decision-class")).isDisplayed()).isTrue();
			assertThat(browser.findElement(By.id("decision-recommended")).isDisplayed()).isTrue();
			assertThat(browser.findElement(By.id("decision-basis")).isDisplayed()).isTrue();
			Chromium.screenshot(browser, "34-decision-approved-print");
		}
		finally {
			((ChromeDriver) browser).executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}

		// the commune's history
		go(By.id("history-link"));
		assertThat(rows("history")).singleElement()
			.satisfies(row -> assertThat(row.getText()).contains("Loại III")
				.contains("theo quy tắc: Không ma túy")
				.contains("QĐ số " + ApprovalSteps.DECISION_NUMBER + " ngày " + ApprovalSteps.DECISION_DATE));
		assertAccessible();
		Chromium.screenshot(browser, "35-commune-approved");

		open("/runs/" + run + "?lang=en");
		assertThat(text(By.id("list-basis")))
			.contains("Decision No. " + ApprovalSteps.DECISION_NUMBER + " of " + ApprovalSteps.DECISION_DATE);
		assertThat(text(By.cssSelector("#counts li[data-class=DRUG_FREE] .count-recommended")))
			.isEqualTo("by the rules: " + drugFree);
		open("/runs/" + run + "?lang=vi");
	}

	private static String shownCount(String classification) {
		return text(By.cssSelector("#counts li[data-class=" + classification + "] .count-number"));
	}

	private static void signOut() {
		go(By.id("logout"));
		assertThat(browser.getCurrentUrl()).contains("/login");
	}

	private static String status() {
		return browser.findElement(By.id("approval-state")).getDomAttribute("data-status");
	}

}
