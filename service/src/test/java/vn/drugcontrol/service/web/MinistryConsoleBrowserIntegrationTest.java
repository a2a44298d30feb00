package vn.drugcontrol.service.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

import vn.drugcontrol.service.approval.ApprovalSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Art. 7 in the console, end to end: the People's Committee has approved Cao Bằng's list;
 * the province's officer reports to the Ministry; the Ministry sees it on the national
 * board and approves it with its decision; the national list shows the approved classes
 * and the funding-priority API lists the communes it should. Each in Vietnamese, each by
 * the role whose step it is.
 */
class MinistryConsoleBrowserIntegrationTest extends ConsoleBrowserTest {

	static final String MINISTRY_DECISION = "1234/QĐ-BCA";

	@Test
	void provinceApprovedReportedMinistryApprovesAndTheNationalListAndFundingListShowIt() throws IOException {
		assertThat(postJson("/api/v1/routes", Files.readString(sample("cao-bang-routes.json"), StandardCharsets.UTF_8))
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		new ApprovalSteps(this::http).approveWithOverride(run, ApprovalSteps.SON_LO, "TYPE_III");

		// the province's officer: the nav leads to the province's own report
		signIn("officer-04");
		open("/ministry?period=2025");
		assertThat(browser.getCurrentUrl()).endsWith("/ministry/reports/04/2025");
		assertThat(text(By.id("report-status"))).isEqualTo("Chưa báo cáo");
		assertThat(text(By.id("committee-decision"))).contains("125/QĐ-UBND", "20/12/2025");
		assertThat(browser.findElements(By.id("ministry-approve-form"))).as("not the officer's step").isEmpty();
		Chromium.screenshot(browser, "ministry-01-report-before");
		go(By.id("submit-report"));
		assertThat(text(By.id("ministry-message"))).isEqualTo("Đã báo cáo Bộ Công an.");
		assertThat(text(By.id("report-status"))).isEqualTo("Đã báo cáo, chờ Bộ phê duyệt");
		assertThat(text(By.id("province-class"))).isEqualTo("Trọng điểm (tỉnh)");
		assertThat(text(By.id("inter-routes"))).contains("CB-LT-01", "CB-LT-02");
		assertThat(text(By.id("intra-routes"))).contains("CB-NT-01", "CB-NT-02");
		assertThat(text(By.id("report-total"))).isEqualTo("56");
		assertThat(browser.findElements(By.id("submit-report"))).isEmpty();
		assertAccessible();
		Chromium.screenshot(browser, "ministry-02-reported");

		// the Ministry: the national board, then the province's report
		signIn("ministry");
		open("/ministry?period=2025");
		WebElement row = browser.findElement(By.id("province-04"));
		assertThat(row.getDomAttribute("data-status")).isEqualTo("SUBMITTED");
		assertThat(text(By.id("report-deadline"))).contains("20/12/2025");
		assertThat(text(By.id("decision-deadline"))).contains("30/12/2025");
		assertThat(rows("national-targets")).hasSizeGreaterThanOrEqualTo(2);
		assertAccessible();
		Chromium.screenshot(browser, "ministry-03-board");
		go(row.findElement(By.tagName("a")));
		assertThat(browser.findElements(By.id("submit-report"))).as("the Ministry submits no province's report")
			.isEmpty();
		browser.findElement(By.id("decisionNumber")).sendKeys(MINISTRY_DECISION);
		((JavascriptExecutor) browser).executeScript("arguments[0].value = '2025-12-28'",
				browser.findElement(By.id("decisionDate")));
		go(By.id("ministry-approve"));
		assertThat(text(By.id("ministry-message"))).isEqualTo("Bộ Công an đã phê duyệt báo cáo.");
		assertThat(text(By.id("report-status"))).isEqualTo("Bộ đã phê duyệt");
		assertThat(text(By.id("ministry-decision"))).isEqualTo(MINISTRY_DECISION + ", 28/12/2025");
		Chromium.screenshot(browser, "ministry-04-approved");

		// the national list: the approved classes, grouped by province
		open("/ministry?period=2025");
		go(By.id("national-list-link"));
		assertThat(text(By.id("list-heading-04"))).contains("Cao Bằng (04)", MINISTRY_DECISION, "28/12/2025");
		List<WebElement> communes = rows("communes-04");
		assertThat(communes).hasSize(56);
		WebElement sonLo = communes.stream()
			.filter(r -> r.findElement(By.tagName("th")).getText().equals(ApprovalSteps.SON_LO))
			.findFirst()
			.orElseThrow();
		assertThat(sonLo.getDomAttribute("data-class")).as("the approved class, not the recommendation")
			.isEqualTo("TYPE_III");
		assertThat(sonLo.getText()).contains("Loại III", "Không ma túy");
		assertAccessible();
		Chromium.screenshot(browser, "ministry-05-national-list");

		// the funding-priority API lists the approved type I and II communes
		JsonNode funding = http("ministry").get()
			.uri("/api/v1/funding-priority?period=2025")
			.retrieve()
			.body(JsonNode.class);
		long typeI = communes.stream().filter(r -> "TYPE_I".equals(r.getDomAttribute("data-class"))).count();
		long typeII = communes.stream().filter(r -> "TYPE_II".equals(r.getDomAttribute("data-class"))).count();
		assertThat(funding.get("counts").get("TYPE_I").asLong()).isEqualTo(typeI).isPositive();
		assertThat(funding.get("counts").get("TYPE_II").asLong()).isEqualTo(typeII).isPositive();
		assertThat(funding.get("communes").get(0).get("ministryApproval").get("decisionNumber").asString())
			.isEqualTo(MINISTRY_DECISION);
		assertThat(funding.get("communes").findValuesAsString("communeCode")).doesNotContain(ApprovalSteps.SON_LO);
	}

}
