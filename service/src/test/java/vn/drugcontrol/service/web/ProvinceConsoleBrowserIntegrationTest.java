package vn.drugcontrol.service.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The console's province view in a real browser (Debian's headless Chromium) against the
 * real service and database: Cao Bằng's two sample periods (with its key-route registry)
 * → the province's class per period, the 2024 → 2025 transitions, the targets, the charts
 * and reports; the run page's links to it; a decision's "what would it take". Each page
 * is saved under {@code target/screenshots/province-*.png}.
 */
class ProvinceConsoleBrowserIntegrationTest extends ConsoleBrowserTest {

	private long run2024;

	private long run2025;

	@BeforeEach
	void signedInWithTwoPeriods() throws IOException {
		signIn(TESTER);
		assertThat(postJson("/api/v1/routes", Files.readString(sample("cao-bang-routes.json"), StandardCharsets.UTF_8))
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		run2024 = uploaded("cao-bang-2024.csv");
		run2025 = uploaded("cao-bang-2025.csv");
	}

	@Test
	void theProvinceViewShowsTransitionsTargetsChartsAndReports() {
		open("/");
		go(By.linkText("Tỉnh, thành phố"));
		assertThat(text(By.tagName("h1"))).isEqualTo("Tỉnh, thành phố");
		assertThat(rows("provinces")).singleElement()
			.satisfies(row -> assertThat(row.getText()).contains("Cao Bằng").contains("04").contains("2024–2025"));
		assertAccessible();
		Chromium.screenshot(browser, "province-01-list");

		go(By.linkText("Cao Bằng"));
		assertThat(browser.getCurrentUrl()).endsWith("/provinces/04");
		assertThat(text(By.tagName("h1"))).isEqualTo("Cao Bằng (04)");

		// the province's class per period, newest first, with the evidence of Art. 5 and
		// 6
		List<WebElement> classes = rows("province-classes");
		assertThat(classes).hasSize(2);
		assertThat(classes.get(0).findElement(By.tagName("th")).getText()).isEqualTo("2025");
		assertThat(classes.get(1).findElement(By.tagName("th")).getText()).isEqualTo("2024");
		assertThat(classes.get(0).findElement(By.cssSelector(".badge")).getText()).isNotBlank();
		assertThat(rows("evidence-2025")).extracting(row -> row.findElement(By.tagName("th")).getText())
			.contains("5.1", "6.1");

		// the 2024 → 2025 transitions
		assertThat(text(By.id("transitions-heading"))).contains("2024").contains("2025");
		assertThat(new Select(browser.findElement(By.id("from"))).getFirstSelectedOption().getText()).isEqualTo("2024");
		assertThat(new Select(browser.findElement(By.id("to"))).getFirstSelectedOption().getText()).isEqualTo("2025");
		assertThat(moves("count-transformed")).isEqualTo(12);
		assertThat(moves("count-worsened")).isEqualTo(1);
		assertThat(moves("count-drug-free-kept")).isEqualTo(8);
		assertThat(rows("transformed")).hasSize(12);
		assertThat(rows("worsened")).singleElement()
			.satisfies(row -> assertThat(row.findElement(By.tagName("th")).getText()).isEqualTo("Lý Quốc"));
		assertThat(rows("drug-free-kept")).hasSize(8);
		assertThat(matrixCell("DRUG_FREE", "DRUG_FREE")).isEqualTo(8);
		int down = 0;
		int up = 0;
		for (WebElement cell : browser.findElements(By.cssSelector("#matrix td.down"))) {
			down += Integer.parseInt(cell.getText());
		}
		for (WebElement cell : browser.findElements(By.cssSelector("#matrix td.up"))) {
			up += Integer.parseInt(cell.getText());
		}
		assertThat(down).as("the matrix below its diagonal: transformed").isEqualTo(12);
		assertThat(up).as("the matrix above its diagonal: worsened").isEqualTo(1);

		// targets: 14 of the 56 units drug-free in 2025, the national 20% (12 communes)
		// met
		WebElement progress2025 = browser.findElement(By.cssSelector("#progress tr[data-period='2025']"));
		assertThat(progress2025.findElement(By.cssSelector(".drug-free")).getText()).startsWith("14 / 56");
		assertThat(progress2025.findElement(By.cssSelector(".gap")).getText()).isEqualTo("Đã đạt");
		assertThat(browser.findElement(By.cssSelector("#progress tr.ahead[data-period='2030'] .gap")).getText())
			.isEqualTo("14");

		// the charts load, each with a text alternative
		for (String chart : List.of("chart-classes", "chart-trend")) {
			WebElement image = browser.findElement(By.id(chart));
			new WebDriverWait(browser, Duration.ofSeconds(30)).until(b -> naturalWidth(image) > 0);
			assertThat(image.getDomAttribute("alt")).as(chart + " alt").isNotBlank();
		}
		assertThat(browser.findElement(By.id("chart-classes")).getDomAttribute("alt")).contains("2025")
			.contains("Không ma túy 14");

		// the reports
		assertThat(fetch(browser.findElement(By.id("report-pdf")).getDomProperty("href")).getHeaders().getContentType())
			.isEqualTo(MediaType.APPLICATION_PDF);
		assertThat(fetch(browser.findElement(By.id("report-xlsx")).getDomProperty("href")).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertAccessible();
		Chromium.screenshot(browser, "province-02-cao-bang");
		Chromium.printed(browser, () -> {
			assertThat(browser.findElement(By.cssSelector(".site-header nav")).isDisplayed()).isFalse();
			assertThat(browser.findElement(By.id("periods-form")).isDisplayed()).isFalse();
			assertThat(browser.findElement(By.id("matrix")).isDisplayed()).isTrue();
			assertThat(browser.findElement(By.id("chart-trend")).isDisplayed()).isTrue();
			Chromium.screenshot(browser, "province-03-cao-bang-print");
		});

		go(By.id("language-switch"));
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
		assertThat(text(By.id("transitions-heading"))).isEqualTo("Transitions from 2024 to 2025");
		assertThat(text(By.id("worsened-heading"))).startsWith("Worsened");
		assertThat(browser.findElement(By.cssSelector("#progress tr[data-period='2025'] .drug-free")).getText())
			.startsWith("14 of 56");
		assertAccessible();
		Chromium.screenshot(browser, "province-04-cao-bang-en");
	}

	@Test
	void choosingTheSamePeriodTwiceFallsBackToTheOneBefore() {
		open("/provinces/04?from=2025&to=2024");
		assertThat(text(By.id("no-transitions"))).isNotBlank();
		assertThat(browser.findElements(By.id("matrix"))).isEmpty();
		assertThat(browser.findElement(By.cssSelector("#progress tr[data-period='2024']")).isDisplayed()).isTrue();
		assertAccessible();

		new Select(browser.findElement(By.id("from"))).selectByValue("2024");
		new Select(browser.findElement(By.id("to"))).selectByValue("2025");
		go(By.cssSelector("#periods-form button[type=submit]"));
		assertThat(moves("count-worsened")).isEqualTo(1);
	}

	@Test
	void theRunLinksToItsProvinceAndReportAndADecisionSaysWhatItWouldTake() {
		open("/runs/" + run2025);
		assertThat(fetch(browser.findElement(By.id("run-report-pdf")).getDomProperty("href")).getHeaders()
			.getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		Chromium.screenshot(browser, "province-05-run-links");

		go(By.id("province-link"));
		assertThat(text(By.tagName("h1"))).isEqualTo("Cao Bằng (04)");
		assertThat(moves("count-transformed")).isEqualTo(12);

		open("/runs/" + run2025);
		go(By.linkText("Thục Phán"));
		assertThat(text(By.id("decision-class"))).isEqualTo("Loại I");
		List<WebElement> gaps = browser.findElements(By.cssSelector("#gaps li"));
		assertThat(gaps).isNotEmpty();
		assertThat(gaps).allSatisfy(gap -> assertThat(gap.getText()).startsWith("Để đạt"));
		assertThat(gaps).anySatisfy(gap -> assertThat(gap.getDomAttribute("data-towards")).isEqualTo("TYPE_II"));
		assertAccessible();
		Chromium.screenshot(browser, "province-06-decision-gaps");

		go(By.id("language-switch"));
		assertThat(browser.findElement(By.cssSelector("#gaps li")).getText()).startsWith("Towards");
	}

	@Test
	void aRunOfPartOfTheProvinceShowsItIncompleteWithTheUnitsMissing(@TempDir Path dir) throws IOException {
		List<String> sample = Files.readAllLines(sample("cao-bang-2025.csv"), StandardCharsets.UTF_8);
		StringBuilder csv = new StringBuilder(sample.get(0)).append('\n');
		for (String line : sample.subList(1, 4)) {
			String[] cells = line.split(",");
			csv.append(String.join(",", cells[0], cells[1], cells[2], "2023", cells[4]))
				.append(",0,0,0,0,0,0,0,0,0,0,,,0\n"); // route columns from the registry
		}
		ResponseEntity<tools.jackson.databind.JsonNode> partial = upload(
				Files.writeString(dir.resolve("cao-bang-2023-3-units.csv"), csv, StandardCharsets.UTF_8));
		assertThat(partial.getStatusCode()).as("%s", partial.getBody()).isEqualTo(HttpStatus.CREATED);

		open("/provinces/04");

		By period2023 = By.cssSelector("#province-classes tr[data-period='2023'] .badge");
		assertThat(text(period2023)).isEqualTo("Chưa đủ dữ liệu cả tỉnh");
		assertThat(browser.findElements(By.cssSelector("#missing-units-2023 li"))).hasSize(53);
		assertThat(browser.findElement(By.cssSelector("#missing-units-2023 li[data-unit='01360']"))
			.getDomProperty("textContent")).isEqualTo("01360 Xã Sơn Lộ");
		assertThat(text(By.id("incomplete-2023"))).startsWith("Thiếu dữ liệu của 53 trên 56 đơn vị cấp xã");
		assertThat(browser.findElements(By.id("evidence-2023"))).as("no criterion assessed").isEmpty();
		assertAccessible();
		Chromium.screenshot(browser, "province-07-incomplete");

		go(By.id("language-switch"));
		assertThat(text(period2023)).isEqualTo("Incomplete: data missing");
		go(By.id("language-switch"));
	}

	@Test
	void anUnknownProvinceIsNotFound() {
		open("/provinces/99");
		assertThat(text(By.tagName("h1"))).isEqualTo("Không tìm thấy");
		assertThat(run2024).isPositive();
	}

	@Test
	void aQueryTheDatabaseCannotRunShowsTheErrorPageNotTheApisJson() {
		// the schema no longer as the service's SQL expects it (the province page reads
		// the targets)
		jdbc.execute("ALTER TABLE drug_free_target RENAME COLUMN source TO set_by");
		try {
			open("/provinces/04");
			assertThat(text(By.tagName("h1"))).isEqualTo("Đã có lỗi");
			assertThat(text(By.cssSelector(".notice.error"))).contains("đã ghi nhật ký để sửa")
				.doesNotContain("thử lại");
		}
		finally {
			jdbc.execute("ALTER TABLE drug_free_target RENAME COLUMN set_by TO source");
		}
		open("/provinces/04");
		assertThat(text(By.tagName("h1"))).isEqualTo("Cao Bằng (04)");
	}

	private long uploaded(String name) {
		ResponseEntity<tools.jackson.databind.JsonNode> created = upload(sample(name));
		assertThat(created.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return created.getBody().get("id").asLong();
	}

	/** A link's file, fetched as the tester (the browser would download it). */
	private ResponseEntity<Void> fetch(String url) {
		return http().get().uri(url).retrieve().toBodilessEntity();
	}

	private static int moves(String id) {
		return Integer.parseInt(browser.findElement(By.cssSelector("#" + id + " .count-number")).getText());
	}

	private static int matrixCell(String from, String to) {
		return Integer.parseInt(
				browser.findElement(By.cssSelector("#matrix tr[data-from='" + from + "'] td[data-to='" + to + "']"))
					.getText());
	}

	private static long naturalWidth(WebElement image) {
		return ((Number) ((JavascriptExecutor) browser)
			.executeScript("return arguments[0].complete ? arguments[0].naturalWidth : 0", image)).longValue();
	}

}
