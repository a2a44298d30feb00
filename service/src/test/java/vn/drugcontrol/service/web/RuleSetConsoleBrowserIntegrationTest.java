package vn.drugcontrol.service.web;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

import org.springframework.http.HttpStatus;

import vn.drugcontrol.rules.engine.ShippedRuleSets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Rule-set versions in a real browser (Debian's headless Chromium) against the real
 * service and database: a broken bundle's compile errors by file and line, the literal
 * reading uploaded under a name of its own and simulated over Cao Bằng 2025, activation
 * refused while a scenario fails, activation and rollback, and the pages analysts only
 * may act on. Each page is saved under {@code target/screenshots/} (prefix {@code rs-}).
 */
class RuleSetConsoleBrowserIntegrationTest extends ConsoleBrowserTest {

	private static final Path BUNDLES = Path.of("target", "rule-bundles");

	@BeforeEach
	void signedInAsTester() {
		signIn(TESTER);
	}

	@Test
	void aBrokenBundleListsItsCompileErrorsByFileAndLineAndActivatesNothing() throws IOException {
		Path broken = write("broken.drl", """
				package vn.drugcontrol.rules;

				rule "Broken on purpose"
				when
				    this is not a condition
				then
				end
				""");
		open("/rule-sets");
		assertThat(rows("versions")).as("the shipped versions").hasSize(2);
		assertAccessible();
		Chromium.screenshot(browser, "rs-01-rule-sets");

		fillUpload(List.of(broken), "literal");
		go(By.cssSelector("#version-upload-form button[type=submit]"));
		assertThat(text(By.id("upload-error"))).as("a shipped name is taken").contains("bộ quy tắc đi kèm hệ thống");
		assertThat(browser.findElement(By.id("version-name")).getDomProperty("value")).isEqualTo("literal");
		assertThat(count("rule_set_version")).isEqualTo(2);
		assertAccessible();

		browser.findElement(By.id("version-name")).clear();
		fillUpload(List.of(broken), "broken-2026");
		go(By.cssSelector("#version-upload-form button[type=submit]"));

		assertThat(text(By.tagName("h1"))).isEqualTo("Gói quy tắc bị từ chối");
		List<WebElement> errors = rows("compile-errors");
		assertThat(errors).isNotEmpty().allSatisfy(row -> {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			assertThat(cells.get(0).getText()).isEqualTo("broken.drl");
			assertThat(cells.get(2).getText()).isNotBlank();
		});
		assertThat(errors).as("the line of the broken condition").anySatisfy(row -> {
			String line = row.findElements(By.tagName("td")).get(1).getText();
			assertThat(line).matches("\\d+");
			assertThat(Integer.parseInt(line)).isBetween(4, 6);
		});
		assertThat(status("broken-2026")).isEqualTo("REJECTED");
		assertThat(jdbc.queryForList("SELECT name FROM rule_set_version WHERE status = 'ACTIVE'", String.class))
			.as("nothing activated")
			.containsExactly("default");
		assertAccessible();
		Chromium.screenshot(browser, "rs-02-rejected");

		go(By.linkText("Xem phiên bản bị từ chối"));
		assertThat(text(By.id("version-status"))).isEqualTo("Bị từ chối");
		assertThat(rows("compile-errors")).hasSize(errors.size());
		assertThat(browser.findElements(By.id("activate"))).as("a rejected version has no activation").isEmpty();
		assertThat(browser.findElements(By.id("simulation-form"))).isEmpty();
		assertAccessible();
	}

	@Test
	void theLiteralReadingUploadedUnderANewNameAndSimulatedOverCaoBang2025() throws IOException {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		Path zip = zip("literal-2026.zip", ShippedRuleSets.source("literal").files(),
				ShippedRuleSets.scenarios("literal"));
		open("/rule-sets");
		fillUpload(List.of(zip), "literal-2026");
		browser.findElement(By.id("version-label")).sendKeys("Literal reading, 2026");
		browser.findElement(By.id("version-note")).sendKeys("Exclusive bands, as the Decision's words read");
		browser.findElement(By.id("version-from")).clear();
		browser.findElement(By.id("version-from")).sendKeys("2026");
		Chromium.screenshot(browser, "rs-03-upload-form");
		go(By.cssSelector("#version-upload-form button[type=submit]"));

		assertThat(browser.getCurrentUrl()).matches(".*/rule-sets/versions/\\d+\\?uploaded$");
		assertThat(text(By.tagName("h1"))).contains("literal-2026");
		assertThat(text(By.id("version-status"))).isEqualTo("Đã kiểm tra");
		assertThat(text(By.id("version-periods"))).isEqualTo("từ 2026");
		// the communes' table and the provinces'
		assertThat(text(By.id("scenario-summary"))).matches("(\\d+) trên \\1 kịch bản đúng \\(2 bảng\\)\\.");
		// the DRL files and the law's (register and parameters) are shown as text
		assertThat(browser.findElements(By.cssSelector("pre.drl")))
			.hasSize(ShippedRuleSets.source("literal").files().size());
		assertThat(browser.findElements(By.cssSelector("#version-files li")))
			.hasSize(ShippedRuleSets.source("literal").files().size() + ShippedRuleSets.scenarios("literal").size());
		assertAccessible();
		Chromium.screenshot(browser, "rs-04-version");

		new Select(browser.findElement(By.id("run"))).selectByValue(String.valueOf(run));
		go(By.cssSelector("#simulation-form button[type=submit]"));

		assertThat(text(By.tagName("h1"))).isEqualTo("Mô phỏng literal-2026 trên lượt chạy #" + run);
		assertThat(text(By.id("m-TYPE_II-UNCLASSIFIED"))).isEqualTo("1");
		assertThat(text(By.id("m-TYPE_II-TYPE_II"))).isEqualTo("12");
		assertThat(text(By.id("m-TYPE_III-TYPE_III"))).isEqualTo("24");
		assertThat(text(By.id("m-DRUG_FREE-DRUG_FREE"))).isEqualTo("14");
		assertThat(text(By.id("m-TYPE_I-TYPE_I"))).isEqualTo("5");
		assertThat(rows("changes").get(0).getDomAttribute("data-commune")).as("class changes first").isEqualTo("01324");
		WebElement cocPang = browser.findElement(By.cssSelector("#changes tr[data-commune='01324']"));
		assertThat(cocPang.getText()).contains("Cốc Pàng").contains("Loại II").contains("Cần xem xét");
		assertThat(cocPang.findElements(By.tagName("td")).get(4).getText()).contains("4.2.a");
		assertThat(rows("changes")).filteredOn(row -> !row.getText().contains("Cốc Pàng"))
			.as("the other communes keep their class")
			.allSatisfy(row -> {
				List<WebElement> cells = row.findElements(By.tagName("td"));
				assertThat(cells.get(1).getText()).isEqualTo(cells.get(2).getText().replace("→ ", ""));
			});
		String xlsx = browser.findElement(By.id("simulation-xlsx")).getDomProperty("href");
		var export = http().get().uri(xlsx).retrieve().toEntity(byte[].class);
		assertThat(export.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(export.getBody()).startsWith('P', 'K');
		assertThat(count("classification_run")).as("a simulation stores nothing").isEqualTo(1);
		assertThat(count("decision")).isEqualTo(56);
		assertAccessible();
		Chromium.screenshot(browser, "rs-05-simulation");

		go(By.id("language-switch"));
		assertThat(text(By.id("m-TYPE_II-UNCLASSIFIED"))).isEqualTo("1");
		assertThat(text(By.cssSelector("#changes tr[data-commune='01324']"))).contains("Type II").contains("Review");
		Chromium.screenshot(browser, "rs-06-simulation-en");
		go(By.id("language-switch"));
	}

	@Test
	void activationIsRefusedWhileAScenarioFailsAndAValidVersionActivatesAndRollsBack() throws IOException {
		Map<String, String> literal = ShippedRuleSets.source("literal").files();
		Path failing = zip("literal-with-default-scenarios.zip", literal, ShippedRuleSets.scenarios("default"));
		open("/rule-sets");
		fillUpload(List.of(failing), "literal-failing");
		go(By.cssSelector("#version-upload-form button[type=submit]"));
		assertThat(text(By.id("version-status"))).isEqualTo("Kịch bản sai");
		int failingRows = rows("scenario-failures").size();
		assertThat(failingRows).isPositive();

		go(By.id("activate"));

		assertThat(text(By.id("refusal"))).isEqualTo("Không thực hiện được:");
		List<WebElement> failures = rows("scenario-failures");
		assertThat(failures).hasSize(failingRows);
		WebElement first = failures.get(0);
		assertThat(first.findElement(By.tagName("th")).getText()).matches("\\d+");
		List<WebElement> cells = first.findElements(By.tagName("td"));
		assertThat(cells.get(2).getText()).isNotEqualTo(cells.get(3).getText());
		assertThat(status("literal-failing")).isEqualTo("FAILING");
		assertAccessible();
		Chromium.screenshot(browser, "rs-07-activation-refused");

		Path valid = zip("literal-2030.zip", literal, ShippedRuleSets.scenarios("literal"));
		open("/rule-sets");
		fillUpload(List.of(valid), "literal-2030");
		browser.findElement(By.id("version-from")).clear();
		browser.findElement(By.id("version-from")).sendKeys("2030");
		go(By.cssSelector("#version-upload-form button[type=submit]"));
		go(By.id("activate"));

		assertThat(text(By.tagName("h1")))
			.isEqualTo("Kích hoạt phiên bản literal-2030 (số " + versionId("literal-2030") + ")?");
		List<WebElement> changes = rows("period-changes");
		assertThat(changes).as("the periods whose effective version changes").hasSize(1);
		assertThat(changes.get(0).findElement(By.tagName("th")).getText()).isEqualTo("từ 2030");
		assertThat(changes.get(0).findElement(By.cssSelector("td.before")).getText())
			.isEqualTo("Phiên bản mặc định (số " + versionId("default") + ")");
		assertThat(changes.get(0).findElement(By.cssSelector("td.after")).getText()).contains("literal-2030");
		assertThat(status("literal-2030")).as("nothing changes before it is confirmed").isEqualTo("VALIDATED");
		assertAccessible();
		Chromium.screenshot(browser, "rs-08a-activation-confirmation");

		// the literal reading breaks monotonicity: the analyst says why it is activated
		// anyway
		assertThat(text(By.id("override-needed"))).contains("đơn điệu");
		browser.findElement(By.id("override-reason")).sendKeys("Bộ yêu cầu đọc đúng câu chữ");
		go(By.id("confirm-activation"));
		assertThat(text(By.id("flash"))).contains("Đã kích hoạt");
		assertThat(text(By.id("version-status"))).isEqualTo("Đang hiệu lực");
		assertThat(status("literal-2030")).isEqualTo("ACTIVE");
		assertThat(status("default")).as("default keeps the periods before 2030").isEqualTo("ACTIVE");
		Chromium.screenshot(browser, "rs-08-activated");

		go(By.id("retire"));
		assertThat(text(By.id("flash"))).contains("Đã thu hồi");
		assertThat(text(By.id("version-status"))).isEqualTo("Đã thu hồi");
		assertThat(status("literal-2030")).isEqualTo("RETIRED");
		assertThat(jdbc.queryForList("SELECT action FROM audit_entry WHERE subject LIKE 'rule-set/%' ORDER BY id",
				String.class))
			.containsSubsequence("RULE_SET_UPLOADED", "RULE_SET_ACTIVATED", "RULE_SET_ROLLED_BACK");
		open("/rule-sets");
		assertThat(rows("versions")).hasSize(4);
		Chromium.screenshot(browser, "rs-09-versions");
	}

	@Test
	void onlyAnalystsAndAdministratorsUploadOrActivate() {
		signIn("viewer");
		open("/rule-sets");
		assertThat(browser.findElements(By.id("version-upload-form"))).isEmpty();
		assertThat(
				text(By.id("version-upload-heading") /* the section still says who may */))
			.isNotBlank();
		go(By.cssSelector("#versions a"));
		assertThat(browser.findElements(By.id("activate"))).isEmpty();
		assertThat(browser.findElements(By.id("retire"))).isEmpty();
		assertThat(browser.findElements(By.id("simulation-heading"))).as("anyone signed in may simulate").hasSize(1);
		long id = Long.parseLong(browser.getCurrentUrl().replaceAll(".*/", ""));
		assertThat(postWithSessionToken("/rule-sets/versions/" + id + "/activation")).isEqualTo(403);
		assertThat(postWithSessionToken("/rule-sets/versions/" + id + "/retirement")).isEqualTo(403);

		signIn("analyst");
		open("/rule-sets");
		assertThat(browser.findElements(By.id("version-upload-form"))).hasSize(1);
		go(By.cssSelector("#versions a"));
		assertThat(browser.findElements(By.id("activate")).size() + browser.findElements(By.id("retire")).size())
			.isEqualTo(1);
	}

	/**
	 * Posts from the page with the session's CSRF token (read from the sign-in page), as
	 * a crafted form would; the HTTP status.
	 */
	private static long postWithSessionToken(String path) {
		return (Long) ((JavascriptExecutor) browser).executeAsyncScript(
				"""
						const done = arguments[arguments.length - 1];
						fetch('/login').then(r => r.text()).then(html => {
						  const token = new DOMParser().parseFromString(html, 'text/html').querySelector('input[name=_csrf]').value;
						  return fetch(arguments[0], { method: 'POST', redirect: 'manual',
						    headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
						    body: '_csrf=' + encodeURIComponent(token) });
						}).then(r => done(r.status), e => done(-1));
						""",
				path);
	}

	private long versionId(String name) {
		return jdbc.queryForObject("SELECT id FROM rule_set_version WHERE name = ?", Long.class, name);
	}

	private String status(String name) {
		return jdbc.queryForObject("SELECT status FROM rule_set_version WHERE name = ?", String.class, name);
	}

	private static void fillUpload(List<Path> files, String name) {
		browser.findElement(By.id("version-files"))
			.sendKeys(String.join("\n", files.stream().map(f -> f.toAbsolutePath().normalize().toString()).toList()));
		browser.findElement(By.id("version-name")).sendKeys(name);
	}

	private static Path write(String name, String text) throws IOException {
		return Files.writeString(Files.createDirectories(BUNDLES).resolve(name), text, StandardCharsets.UTF_8);
	}

	/**
	 * A zip of DRL files and scenario tables, each under its path in the rules module.
	 */
	@SafeVarargs
	private static Path zip(String name, Map<String, String>... contents) throws IOException {
		Path zip = Files.createDirectories(BUNDLES).resolve(name);
		try (OutputStream out = Files.newOutputStream(zip); ZipOutputStream entries = new ZipOutputStream(out)) {
			for (Map<String, String> files : contents) {
				for (Map.Entry<String, String> file : files.entrySet()) {
					entries.putNextEntry(new ZipEntry(file.getKey()));
					entries.write(file.getValue().getBytes(StandardCharsets.UTF_8));
					entries.closeEntry();
				}
			}
		}
		return zip;
	}

}
