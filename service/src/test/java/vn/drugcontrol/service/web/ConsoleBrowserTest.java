package vn.drugcontrol.service.web;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the console's browser tests: Debian's headless Chromium ({@link Chromium}) on
 * the real service and database, signing in through the login form, waiting for each
 * page, and the accessibility every page must have.
 */
@ExtendWith(Chromium.class)
abstract class ConsoleBrowserTest extends DatabaseTest {

	protected static WebDriver browser;

	@BeforeAll
	static void startBrowser() {
		browser = Chromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	/** Signs in through the console's login form (its session then holds the user). */
	protected void signIn(String user) {
		open("/login");
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		go(By.cssSelector("button[type=submit]"));
	}

	/**
	 * Clicks what leads to another page and waits for that page, finding it again if the
	 * page was still settling.
	 */
	protected static void go(By by) {
		for (int attempt = 1;; attempt++) {
			try {
				go(browser.findElement(by));
				return;
			}
			catch (WebDriverException ex) {
				if (attempt == 3 || ex instanceof TimeoutException) {
					throw ex;
				}
			}
		}
	}

	protected static void go(WebElement link) {
		WebElement page = browser.findElement(By.tagName("html"));
		link.click();
		new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(page));
	}

	protected void open(String path) {
		browser.get("http://localhost:" + port + path);
	}

	protected static String text(By by) {
		return browser.findElement(by).getText();
	}

	protected static List<WebElement> rows(String tableId) {
		return browser.findElements(By.cssSelector("#" + tableId + " tbody tr"));
	}

	/**
	 * What a screen reader and a keyboard need of every page: a language, one h1, a label
	 * for every field, a scope on every header cell, a text alternative for every image.
	 */
	protected static void assertAccessible() {
		assertThat(browser.findElement(By.tagName("html")).getDomAttribute("lang")).isIn("vi", "en");
		assertThat(browser.findElements(By.tagName("h1"))).hasSize(1);
		@SuppressWarnings("unchecked")
		List<String> unlabelled = (List<String>) ((JavascriptExecutor) browser).executeScript("""
				return Array.from(document.querySelectorAll('input:not([type=hidden]), select, textarea'))
				  .filter(e => !(e.id && document.querySelector('label[for="' + e.id + '"]')))
				  .map(e => e.outerHTML);
				""");
		assertThat(unlabelled).as("fields without a label").isEmpty();
		assertThat(browser.findElements(By.cssSelector("thead th:not([scope=col]), tbody th:not([scope=row])")))
			.as("header cells without a scope")
			.isEmpty();
		assertThat(browser.findElements(By.cssSelector("img:not([alt])"))).as("images without a text alternative")
			.isEmpty();
		assertThat(browser.findElement(By.cssSelector("a.skip-link")).getDomAttribute("href")).isEqualTo("#main");
	}

}
