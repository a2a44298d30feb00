package vn.drugcontrol.service.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The analyst's workbench in a real browser (issue 14, item 4), the whole journey with
 * nothing but the console: start a draft from the shipped default, raise type I point a
 * to 0.6%, see the scenario row that pins the old edge fail, fix the row in the grid, see
 * it green, read the diff, publish, simulate over a stored Cao Bằng 2025 run (fewer type
 * I communes), activate for 2025 after confirming, see an officer's next upload
 * classified by it, and roll back. Pages are saved under {@code target/screenshots/}
 * (prefix {@code wb-}).
 */
class WorkbenchBrowserIntegrationTest extends ConsoleBrowserTest {

	/**
	 * How long a page of the workbench may take: a save compiles the draft and runs its
	 * scenarios and the class probe (seconds alone; much longer on a CI machine shared by
	 * parallel builds).
	 */
	private static final Duration CHECK = Duration.ofMinutes(3);

	/**
	 * Clicks what leads to a page that checks the draft, and waits until it is loaded.
	 */
	private static void checked(By by) {
		checked(new WebDriverWait(browser, CHECK).until(ExpectedConditions.elementToBeClickable(by)));
	}

	private static void checked(WebElement link) {
		WebElement page = browser.findElement(By.tagName("html"));
		link.click();
		WebDriverWait wait = new WebDriverWait(browser, CHECK);
		wait.until(gone(page));
		wait.until(loaded());
	}

	@Test
	void anAnalystChangesTypeIPointAInTheBrowserAndTheOfficersNextUploadUsesIt() {
		JsonNode stored = upload(sample("cao-bang-2025.csv")).getBody();
		long run = stored.get("id").asLong();
		assertThat(stored.get("counts").get("TYPE_I").asInt()).isEqualTo(5);

		signIn("analyst");
		open("/rule-sets");
		checked(By.cssSelector("#versions tr[data-version-id] a[href$='/versions/"
				+ jdbc.queryForObject("SELECT id FROM rule_set_version WHERE name = 'default'", Long.class) + "']"));
		checked(By.id("start-draft"));
		assertThat(text(By.id("flash"))).startsWith("Đã tạo bản nháp");
		assertThat(text(By.id("draft-status"))).isEqualTo("Đã kiểm tra");
		assertAccessible();
		Chromium.screenshot(browser, "wb-01-draft");

		// one edit in one place: type I point a from 0.5% to 0.6%
		WebElement usersRate = browser
			.findElement(By.cssSelector("#parameters-table tr[data-parameter='type1.users_rate'] input[name=value]"));
		assertThat(usersRate.getDomProperty("value")).as("decimals the Vietnamese way").isEqualTo("0,5");
		usersRate.clear();
		usersRate.sendKeys("0,6");
		checked(By.id("save-parameters"));
		assertThat(text(By.id("draft-status"))).isEqualTo("Kịch bản sai");
		// the rows that met point a at exactly 0.5% (50 users of 10,000) fail: the row
		// pinning type I's floor first
		List<WebElement> failing = rows("scenario-failures");
		List<String> failingRows = failing.stream().map(r -> r.getDomAttribute("data-row")).toList();
		assertThat(failingRows).startsWith("4");
		assertThat(failing)
			.allSatisfy(r -> assertThat(r.getDomAttribute("data-file")).isEqualTo("scenarios/default-reading.csv"));
		assertThat(failing.get(0).getText()).contains("Loại I").contains("Loại II");
		assertAccessible();
		Chromium.screenshot(browser, "wb-02-failing-scenario");

		// the rows move to the new edge in the grid: 60 users of 10,000
		checked(failing.get(0).findElement(By.tagName("a")));
		assertThat(browser.findElements(By.cssSelector("#scenario-grid tr.failing"))
			.stream()
			.map(r -> r.getDomAttribute("data-row"))).containsExactlyElementsOf(failingRows);
		for (String line : failingRows) {
			WebElement users = browser
				.findElement(By.cssSelector("#row-" + line + " input[data-column=managed_users]"));
			assertThat(users.getDomProperty("value")).as("row " + line).isEqualTo("50");
			users.clear();
			users.sendKeys("60");
		}
		assertAccessible();
		Chromium.screenshot(browser, "wb-03-grid");
		checked(By.id("save-grid"));
		assertThat(text(By.id("draft-status"))).isEqualTo("Đã kiểm tra");
		assertThat(browser.findElements(By.id("scenario-failures"))).isEmpty();
		assertThat(browser.findElement(By.id("no-problems")).isDisplayed()).isTrue();

		// the diff against the version it came from
		checked(By.id("draft-diff"));
		WebElement changed = browser.findElement(By.cssSelector("#parameter-diff tr.changed"));
		assertThat(changed.getDomAttribute("data-parameter")).isEqualTo("type1.users_rate");
		assertThat(changed.findElement(By.cssSelector(".before")).getText()).isEqualTo("0,5");
		assertThat(changed.findElement(By.cssSelector(".after")).getText()).isEqualTo("0,6");
		assertThat(browser.findElements(By.cssSelector("#parameter-diff tr.changed"))).hasSize(1);
		assertThat(browser.findElements(By.cssSelector(".file-diff")).stream().map(e -> e.getDomAttribute("data-path")))
			.containsExactly("law/parameters.csv", "scenarios/default-reading.csv");
		assertThat(text(By.cssSelector(".file-diff[data-path='law/parameters.csv'] pre")))
			.contains("-type1.users_rate,4.1.a,percent,2020,0.5,")
			.contains("+type1.users_rate,4.1.a,percent,2020,0.6,");
		assertAccessible();
		Chromium.screenshot(browser, "wb-04-diff");

		// published through the upload path
		checked(By.id("back-to-draft"));
		browser.findElement(By.id("publish-name")).sendKeys("users-0-6");
		WebElement label = browser.findElement(By.id("publish-label"));
		label.clear();
		label.sendKeys("Type I point a from 0.6%");
		checked(By.id("publish"));
		assertThat(browser.getCurrentUrl()).matches(".*/rule-sets/versions/\\d+\\?uploaded$");
		assertThat(text(By.id("version-status"))).isEqualTo("Đã kiểm tra");
		String versionPage = browser.getCurrentUrl().replaceAll("^https?://[^/]+", "").replace("?uploaded", "");

		// simulated over the stored Cao Bằng 2025 run: fewer type I communes
		new Select(browser.findElement(By.id("run"))).selectByValue(String.valueOf(run));
		checked(By.cssSelector("#simulation-form button[type=submit]"));
		int stayTypeI = Integer.parseInt(text(By.id("m-TYPE_I-TYPE_I")));
		assertThat(stayTypeI).as("fewer type I communes at 0.6%").isLessThan(5);
		assertThat(Integer.parseInt(text(By.id("m-TYPE_I-TYPE_II")))).isEqualTo(5 - stayTypeI);
		assertThat(count("classification_run")).as("a simulation stores nothing").isEqualTo(1);
		Chromium.screenshot(browser, "wb-05-simulation");

		// activated for 2025 only, after confirming what changes
		open(versionPage);
		checked(By.id("activate"));
		WebElement to = browser.findElement(By.id("activation-to"));
		to.clear();
		to.sendKeys("2025");
		checked(By.id("recompute-activation"));
		assertThat(text(By.id("activation-periods"))).contains("2025–2025");
		assertThat(rows("period-changes")).hasSize(1);
		assertThat(rows("period-changes").get(0).getDomAttribute("data-from")).isEqualTo("2025");
		assertAccessible();
		Chromium.screenshot(browser, "wb-06-confirm");
		checked(By.id("confirm-activation"));
		assertThat(text(By.id("version-status"))).isEqualTo("Đang hiệu lực");
		assertThat(text(By.id("version-periods"))).isEqualTo("2025–2025");
		assertThat(get("/api/v1/rule-sets/effective?period=2025").get("name").asString()).isEqualTo("users-0-6");
		assertThat(get("/api/v1/rule-sets/effective?period=2026").get("name").asString()).isEqualTo("default");

		// the officer's next upload uses it, without a restart
		signIn("officer-04");
		open("/");
		browser.findElement(By.id("file"))
			.sendKeys(sample("cao-bang-2025.csv").toAbsolutePath().normalize().toString());
		checked(By.cssSelector("#upload-form button[type=submit]"));
		assertThat(text(By.cssSelector(".facts-summary"))).contains("users-0-6");
		checked(By.id("start-run"));
		assertThat(jdbc.queryForList("SELECT rule_set_name FROM classification_run ORDER BY id", String.class))
			.containsExactly("default", "users-0-6");
		assertThat(
				jdbc.queryForObject(
						"SELECT COUNT(*) FROM decision d JOIN classification_run r ON r.id = d.run_id"
								+ " WHERE r.rule_set_name = 'users-0-6' AND d.classification = 'TYPE_I'",
						Integer.class))
			.isEqualTo(stayTypeI);
		Chromium.screenshot(browser, "wb-07-officer-run");

		// and rolled back in one step
		signIn("analyst");
		open(versionPage);
		checked(By.id("retire"));
		assertThat(text(By.id("version-status"))).isEqualTo("Đã thu hồi");
		assertThat(get("/api/v1/rule-sets/effective?period=2025").get("name").asString()).isEqualTo("default");
	}

}
