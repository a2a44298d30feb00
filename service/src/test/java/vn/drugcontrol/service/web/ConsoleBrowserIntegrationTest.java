package vn.drugcontrol.service.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import tools.jackson.databind.JsonNode;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.service.ruleset.Bundles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's journeys in a real browser (Debian's headless Chromium) against the real
 * service and database: upload → preview → run → a commune's evidence; a bad file's
 * problems by row and column; English; a commune's history; the rule sets. Each page is
 * saved under {@code target/screenshots/}.
 */
class ConsoleBrowserIntegrationTest extends ConsoleBrowserTest {

	@BeforeEach
	void vietnameseFirst() {
		signIn(TESTER);
	}

	@Test
	void uploadPreviewStartTheRunAndReadWhyACommuneGotItsClass() {
		open("/");
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("vi");
		assertThat(text(By.tagName("h1"))).isEqualTo("Phân loại xã, phường, đặc khu");
		assertAccessible();
		browser.findElement(By.tagName("body")).sendKeys(Keys.TAB);
		assertThat(browser.switchTo().activeElement().getDomAttribute("class"))
			.as("the first Tab reaches the skip link")
			.isEqualTo("skip-link");
		Chromium.screenshot(browser, "01-home-empty");

		choose(sample("cao-bang-2025.csv"));
		Chromium.screenshot(browser, "02-home-file-chosen");
		go(By.cssSelector("#upload-form button[type=submit]"));

		assertThat(text(By.tagName("h1"))).isEqualTo("Xem trước kết quả phân loại");
		assertThat(shownCount("DRUG_FREE")).isEqualTo(14);
		assertThat(shownCount("TYPE_I")).isEqualTo(5);
		assertThat(browser.findElements(By.cssSelector("#preview-rows tbody tr"))).hasSize(UploadPages.PREVIEW_ROWS);
		assertThat(count("classification_run")).as("nothing stored by the preview").isZero();
		assertAccessible();
		Chromium.screenshot(browser, "03-preview");

		go(By.id("start-run"));

		assertThat(browser.getCurrentUrl()).matches(".*/runs/\\d+$");
		assertThat(text(By.tagName("h1"))).contains("Cao Bằng").contains("2025");
		assertThat(shownCount("DRUG_FREE")).isEqualTo(14);
		assertThat(shownCount("TYPE_II")).isEqualTo(13);
		assertThat(shownCount("TYPE_III")).isEqualTo(24);
		assertThat(rows("decisions")).hasSize(56);
		assertThat(count("classification_run")).isEqualTo(1);
		assertThat(count("decision")).isEqualTo(56);
		assertAccessible();
		Chromium.screenshot(browser, "04-run");

		String xlsx = browser.findElement(By.id("export-xlsx")).getDomProperty("href");
		String csv = browser.findElement(By.id("export-csv")).getDomProperty("href");
		assertThat(http().get().uri(xlsx).retrieve().toBodilessEntity().getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http().get().uri(csv).retrieve().body(String.class)).contains("Sơn Lộ");

		new Select(browser.findElement(By.id("classification"))).selectByValue("DRUG_FREE");
		go(By.cssSelector("#filters button[type=submit]"));
		assertThat(rows("decisions")).hasSize(14).allSatisfy(row -> assertThat(row.getText()).contains("Không ma túy"));
		Chromium.screenshot(browser, "05-run-drug-free");

		WebElement name = browser.findElement(By.id("q"));
		name.sendKeys("son lo");
		assertThat(visibleRows("decisions")).as("filtered as one types, without diacritics").hasSize(1);
		go(By.cssSelector("#filters button[type=submit]"));
		assertThat(rows("decisions")).hasSize(1);
		go(By.linkText("Sơn Lộ"));

		assertThat(text(By.tagName("h1"))).contains("Sơn Lộ (01360)").contains("Không ma túy");
		// why, in one sentence, first; then the deciding article's criteria (Art. 6), one
		// line each; the other classes' criteria folded
		assertThat(text(By.id("decision-reason")))
			.startsWith("Không ma túy: đáp ứng đủ 3/3 điều kiện không ma túy (1, 2, 3)")
			.contains("không đủ 3 tiêu chí loại I (đáp ứng 0/5)");
		List<WebElement> evidence = rows("evidence");
		assertThat(evidence).hasSize(3);
		assertThat(evidence).extracting(row -> row.findElement(By.tagName("th")).getText())
			.containsExactly("6.1", "6.2", "6.3");
		assertThat(evidence).allSatisfy(row -> assertThat(row.getText()).contains("Đạt"));
		assertThat(browser.findElements(By.cssSelector("#other-criteria tbody tr"))).hasSize(13);
		assertThat(browser.findElement(By.id("evidence-4-1")).isDisplayed()).as("folded").isFalse();
		browser.findElement(By.cssSelector("#other-criteria > summary")).click();
		WebElement first = rows("evidence-4-1").get(0);
		assertThat(first.findElement(By.tagName("th")).getText()).isEqualTo("4.1.a");
		List<WebElement> cells = first.findElements(By.tagName("td"));
		assertThat(cells.get(0).getText()).contains("Người nghiện").doesNotContain("Drug addicts");
		assertThat(cells.get(1).getText()).contains("%");
		assertThat(cells.get(2).getText()).isEqualTo("≥ 0,5%");
		assertThat(cells.get(3).getText()).endsWith("Không đạt");
		assertThat(browser.findElement(By.id("warnings-heading")).isDisplayed()).isTrue();
		assertAccessible();
		Chromium.screenshot(browser, "06-decision");
		Chromium.printed(browser, () -> {
			assertThat(browser.findElement(By.cssSelector(".site-header nav")).isDisplayed()).isFalse();
			assertThat(browser.findElement(By.id("evidence")).isDisplayed()).isTrue();
			Chromium.screenshot(browser, "06-decision-print");
		});
	}

	@Test
	void theRunPageSaysInVietnameseWhatEachOtherReadingWouldChangeAndListsTheCommunesOnDemand() {
		long run = upload(sample("cao-bang-2025.csv"), "ruleSet", "default").getBody().get("id").asLong();
		JsonNode bands = null;
		for (JsonNode s : get("/api/v1/runs/" + run + "/readings").get("switches")) {
			if (s.get("id").asString().equals("bands")) {
				bands = s.get("alternatives").get(0);
			}
		}
		int changed = bands.get("changed").asInt();

		open("/runs/" + run);

		WebElement flip = browser.findElement(By.cssSelector("#reading-flips li[data-switch=bands]"));
		assertThat(text(By.id("readings-heading"))).isEqualTo("Nếu đọc Quyết định theo cách khác");
		assertThat(flip.findElement(By.className("reading-sentence")).getText())
			.isEqualTo("Nếu đọc các khung tiêu chí loại II (Điều 4.2 điểm a–d) theo cách «tách biệt đúng như văn bản: "
					+ "chỉ giá trị trong khung loại II mới đạt tiêu chí loại II» thì " + changed + " xã đổi loại.");
		assertThat(browser.findElements(By.cssSelector("table.reading-communes"))).as("listed on demand").isEmpty();
		assertThat(browser.findElement(By.cssSelector("#reading-flips li[data-switch=type3-zero]")).getText())
			.startsWith("Nếu đọc tiêu chí loại III");
		assertAccessible();
		Chromium.screenshot(browser, "04b-run-readings");

		go(By.cssSelector("#reading-flips li[data-switch=bands] a.reading-communes-link"));

		List<WebElement> communes = browser.findElements(By.cssSelector("table.reading-communes tbody tr"));
		assertThat(communes).hasSize(changed);
		JsonNode listed = get("/api/v1/runs/" + run + "/readings/bands").get("alternatives").get(0).get("communes");
		for (int i = 0; i < changed; i++) {
			assertThat(communes.get(i).getText()).contains(listed.get(i).get("communeName").asString());
		}
		assertAccessible();
		Chromium.screenshot(browser, "04c-run-readings-communes");
	}

	@Test
	void aBadFileListsEveryProblemByRowAndColumnAndStoresNothing() {
		open("/");
		choose(sample("cao-bang-2025-bad.csv"));
		go(By.cssSelector("#upload-form button[type=submit]"));

		assertThat(text(By.tagName("h1"))).isEqualTo("Tệp bị từ chối");
		assertThat(text(By.id("rejection-summary"))).contains("cao-bang-2025-bad.csv");
		List<WebElement> problems = rows("problems");
		assertThat(problems).hasSizeGreaterThanOrEqualTo(8);
		assertThat(problems).anySatisfy(row -> {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			assertThat(cells.get(0).getText()).isEqualTo("3");
			// the column by its name in the form; its file name folded in the technical
			// details
			assertThat(cells.get(1).findElement(By.tagName("span")).getText())
				.isEqualTo("Đối tượng phạm tội về ma túy bị bắt giữ");
			assertThat(cells.get(1).findElement(By.cssSelector("details.technical code")).getDomProperty("textContent"))
				.isEqualTo("arrested_offenders");
			assertThat(cells.get(2).getText()).contains("-3");
		});
		assertThat(problems).anySatisfy(row -> assertThat(row.getText()).startsWith("1")
			.contains("cột không có trong mẫu số liệu")
			.contains("Hãy xóa hoặc đổi tên cột"));
		assertThat(count("classification_run")).isZero();
		assertThat(count("decision")).isZero();
		assertAccessible();
		Chromium.screenshot(browser, "07-upload-errors");
	}

	@Test
	void englishOnRequestAndKeptFromPageToPage() {
		upload(sample("cao-bang-2025.csv"));
		open("/");
		go(By.id("language-switch"));

		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		assertThat(text(By.tagName("h1"))).isEqualTo("Classification of communes");
		Chromium.screenshot(browser, "08-home-en");

		go(By.cssSelector("#runs tbody a"));
		assertThat(text(By.tagName("h1"))).startsWith("Run #").contains("period 2025");
		assertThat(browser.findElement(By.cssSelector(".count.class-DRUG_FREE .count-label")).getText())
			.isEqualTo("Drug-free");
		Chromium.screenshot(browser, "09-run-en");

		go(By.linkText("Thục Phán"));
		assertThat(text(By.id("decision-class"))).isEqualTo("Type I");
		assertThat(text(By.id("decision-reason"))).startsWith("Type I: meets ");
		assertThat(rows("evidence").get(0).getText()).contains("Drug addicts").contains("Met");
		Chromium.screenshot(browser, "10-decision-en");

		go(By.id("language-switch"));
		assertThat(text(By.id("decision-class"))).isEqualTo("Loại I");
	}

	@Test
	void aCommunesHistoryAcrossPeriods() {
		upload(sample("cao-bang-2024.csv"));
		upload(sample("cao-bang-2025.csv"));
		open("/");
		browser.findElement(By.id("code")).sendKeys("01360");
		go(By.cssSelector("form[action='/communes'] button"));

		assertThat(text(By.tagName("h1"))).contains("Sơn Lộ").contains("01360");
		List<WebElement> history = rows("history");
		assertThat(history).hasSize(2);
		assertThat(history.get(0).findElement(By.tagName("th")).getText()).isEqualTo("2025");
		assertThat(history.get(0).getText()).contains("Không ma túy");
		assertThat(history.get(1).findElement(By.tagName("th")).getText()).isEqualTo("2024");
		assertAccessible();
		Chromium.screenshot(browser, "11-commune-history");

		go(history.get(0).findElement(By.tagName("a")));
		assertThat(rows("evidence")).hasSize(3);
		assertThat(browser.findElements(By.cssSelector("#other-criteria tbody tr"))).hasSize(13);
	}

	@Test
	void theShippedRuleSetsWithTheirDrl() {
		open("/rule-sets");
		assertThat(rows("rule-sets")).hasSize(2);
		assertAccessible();
		Chromium.screenshot(browser, "12-rule-sets");

		go(By.linkText("mặc định"));
		assertThat(text(By.tagName("h1"))).isEqualTo("Bộ quy tắc mặc định");
		assertThat(browser.findElements(By.cssSelector("pre.drl")))
			.hasSize(ShippedRuleSets.source("default").files().size());
		assertThat(browser.findElement(By.cssSelector("pre.drl")).isDisplayed()).as("the DRL is folded").isFalse();
		browser.findElement(By.cssSelector("#drl-sources > summary")).click();
		assertThat(browser.findElement(By.cssSelector("pre.drl")).getText()).contains("rule \"Art. ");
		assertAccessible();
		Chromium.screenshot(browser, "13-rule-set-default");
	}

	@Test
	void unknownPagesSayNotFound() {
		open("/runs/999999");
		assertThat(text(By.tagName("h1"))).isEqualTo("Không tìm thấy");
		open("/communes/99999");
		assertThat(text(By.tagName("h1"))).isEqualTo("Không tìm thấy");
		open("/no-such-page");
		assertThat(text(By.tagName("h1"))).isEqualTo("Không tìm thấy");
		assertThat(http().get()
			.uri("/api/v1/no-such-endpoint")
			.accept(MediaType.APPLICATION_JSON)
			.retrieve()
			.toBodilessEntity()
			.getHeaders()
			.getContentType()).as("API clients still get problem details")
			.isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void anUploadIsClassifiedWithTheRulesInForceForItsPeriodAsTheApiWouldClassifyIt() {
		// an analyst's version (the literal reading) is active for 2025
		ResponseEntity<JsonNode> uploaded = postMultipart("/api/v1/rule-sets",
				Bundles.form(Bundles.shipped("literal"), "name", "literal-2025"));
		long version = uploaded.getBody().get("id").asLong();
		assertThat(http().post()
			.uri("/api/v1/rule-sets/" + version + "/activation")
			.contentType(MediaType.APPLICATION_JSON)
			.body(java.util.Map.of("overrideMonotonicity", "the literal reading"))
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		open("/");
		assertThat(browser.findElements(By.id("ruleSet"))).as("officers do not choose a legal reading").isEmpty();

		choose(sample("cao-bang-2025.csv"));
		go(By.cssSelector("#upload-form button[type=submit]"));

		assertThat(shownCount("UNCLASSIFIED")).as("the literal reading's hole").isEqualTo(1);
		assertThat(shownCount("TYPE_II")).isEqualTo(12);
		assertThat(text(By.cssSelector(".facts-summary"))).contains("literal-2025");
		go(By.id("start-run"));

		assertThat(shownCount("UNCLASSIFIED")).isEqualTo(1);
		JsonNode run = upload(sample("cao-bang-2025.csv")).getBody();
		assertThat(run.get("ruleSet").get("name").asString()).as("the API's run of the same file")
			.isEqualTo("literal-2025");
		assertThat(jdbc.queryForList("SELECT DISTINCT rule_set_name FROM classification_run", String.class))
			.containsExactly("literal-2025");
	}

	@Test
	void aRunIsStartedByTheSignedInUserWhateverTheFormSaysAndOnlyByItsUploader() {
		signIn("officer-04");
		open("/");
		// a form field naming someone else, as a forged request would send it
		((JavascriptExecutor) browser).executeScript("""
				const i = document.createElement('input');
				i.type = 'hidden'; i.name = 'startedBy'; i.value = 'admin';
				document.getElementById('upload-form').appendChild(i);
				""");
		choose(sample("cao-bang-2025.csv"));
		go(By.cssSelector("#upload-form button[type=submit]"));
		String start = browser.findElement(By.id("start-run"))
			.findElement(By.xpath("./ancestor::form"))
			.getDomAttribute("action");

		// another user who learnt the preview's address cannot start it
		signIn(TESTER);
		postForm(start, Map.of());
		assertThat(text(By.tagName("h1"))).isEqualTo("Tệp bị từ chối");
		assertThat(count("classification_run")).isZero();

		signIn("officer-04");
		postForm(start, Map.of());
		assertThat(browser.getCurrentUrl()).matches(".*/runs/\\d+$");
		assertThat(jdbc.queryForObject("SELECT started_by FROM classification_run", String.class))
			.isEqualTo("officer-04");
		assertThat(jdbc.queryForObject("SELECT actor FROM audit_entry WHERE action = 'RUN_CREATED'", String.class))
			.isEqualTo("officer-04");
	}

	private static void choose(Path file) {
		browser.findElement(By.id("file")).sendKeys(file.toAbsolutePath().normalize().toString());
	}

	private static int shownCount(String classification) {
		return Integer.parseInt(
				browser.findElement(By.cssSelector(".count.class-" + classification + " .count-number")).getText());
	}

	private static List<WebElement> visibleRows(String tableId) {
		return rows(tableId).stream().filter(WebElement::isDisplayed).toList();
	}

}
