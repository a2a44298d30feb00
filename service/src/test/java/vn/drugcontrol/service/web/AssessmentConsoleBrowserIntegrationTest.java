package vn.drugcontrol.service.web;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import tools.jackson.databind.JsonNode;

import vn.drugcontrol.service.assessment.AssessmentSteps;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.drugcontrol.service.assessment.AssessmentSteps.SON_LO;
import static vn.drugcontrol.service.assessment.AssessmentSteps.THUC_PHAN;

/**
 * The self-assessment journey in a real browser (issue 16): two communes of Cao Bằng
 * enter and submit their figures, the province returns one with a reason, it corrects and
 * submits again, the province accepts both and starts its run; the run's decisions for
 * those communes are made from exactly the figures submitted.
 */
class AssessmentConsoleBrowserIntegrationTest extends ConsoleBrowserTest {

	static final String REASON = "Số người cai nghiện tại cơ sở chưa khớp với báo cáo của huyện";

	@Test
	void twoCommunesSubmitTheProvinceReturnsOneAcceptsBothAndRunsFromThem() {
		// Thục Phán: its own form, the provisional class, submitted
		signIn(COMMUNE_THUC_PHAN);
		open("/assessments");
		assertThat(browser.getCurrentUrl()).as("a commune user's own form").contains("/assessments/" + THUC_PHAN + "/");
		open("/assessments/" + THUC_PHAN + "/2025");
		assertAccessible();
		assertThat(text(By.tagName("h1"))).as("a period is a year, not a number with a separator")
			.startsWith("Tự đánh giá của Thục Phán, kỳ 2025");
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

		// Sơn Lộ: a wrong figure is shown at its field, in Vietnamese; then submitted
		signIn(COMMUNE_SON_LO);
		open("/assessments/" + SON_LO + "/2025");
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

		// the province: both submitted on the board; Sơn Lộ returned with a reason
		signIn("officer-04");
		open("/provinces/04/assessments?period=2025");
		assertAccessible();
		assertThat(boardStatus(THUC_PHAN)).isEqualTo("SUBMITTED");
		assertThat(boardStatus(SON_LO)).isEqualTo("SUBMITTED");
		assertThat(text(By.id("count-not_started"))).isEqualTo("54");
		Chromium.screenshot(browser, "assessment-board");
		go(By.cssSelector("tr[data-commune='" + SON_LO + "'] a"));
		browser.findElement(By.id("returnReason")).sendKeys(REASON);
		go(By.id("return-assessment"));
		assertThat(status()).isEqualTo("RETURNED");

		// Sơn Lộ sees the reason, corrects a figure, submits again
		signIn(COMMUNE_SON_LO);
		open("/assessments/" + SON_LO + "/2025");
		assertThat(text(By.id("return-reason"))).isEqualTo(REASON);
		Map<String, String> corrected = new LinkedHashMap<>(AssessmentSteps.sonLo());
		corrected.put("heldInCentresOrPrison", "1");
		enter(corrected);
		go(By.id("submit-assessment"));
		assertThat(status()).isEqualTo("SUBMITTED");
		assertThat(rows("submissions")).hasSize(2);

		// the province accepts both and starts its run from them
		signIn("officer-04");
		for (String commune : new String[] { THUC_PHAN, SON_LO }) {
			open("/assessments/" + commune + "/2025");
			go(By.id("accept-assessment"));
			assertThat(status()).isEqualTo("ACCEPTED");
		}
		open("/provinces/04/assessments?period=2025");
		assertThat(text(By.id("count-accepted"))).isEqualTo("2");
		go(By.id("start-run"));
		assertThat(browser.getCurrentUrl()).matches(".*/runs/\\d+$");
		long run = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/runs/", ""));
		Chromium.screenshot(browser, "assessment-run");

		// the run's decisions for those communes: made from the figures submitted
		assertThat(get("/api/v1/runs/" + run).get("communeCount").asInt()).isEqualTo(2);
		assertDecidedFrom(run, THUC_PHAN, AssessmentSteps.thucPhan(), "TYPE_I");
		assertDecidedFrom(run, SON_LO, corrected, "DRUG_FREE");
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

	private static String boardStatus(String commune) {
		return browser.findElement(By.cssSelector("#board tr[data-commune='" + commune + "']"))
			.getDomAttribute("data-status");
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
				assertThat(stored.decimalValue()).as(commune + " " + field).isEqualByComparingTo(new BigDecimal(value));
			}
		});
	}

}
