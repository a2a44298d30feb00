package vn.drugcontrol.service.web;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.extension.TestWatcher;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedCondition;
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

	/**
	 * On a failure, what the browser showed: its address, title and page source, under
	 * {@code target/screenshots/FAILED-*}, and the address and title in the failure's
	 * log.
	 */
	@RegisterExtension
	static final TestWatcher SHOW_THE_PAGE_ON_FAILURE = new TestWatcher() {
		@Override
		public void testFailed(ExtensionContext context, Throwable cause) {
			if (browser == null) {
				return;
			}
			String name = "FAILED-" + context.getRequiredTestClass().getSimpleName() + "-"
					+ context.getRequiredTestMethod().getName();
			try {
				Files.createDirectories(Chromium.SCREENSHOTS);
				Files.writeString(Chromium.SCREENSHOTS.resolve(name + ".html"), browser.getPageSource());
				Chromium.screenshot(browser, name);
				System.err.println(name + ": the browser was at " + browser.getCurrentUrl() + ", page title '"
						+ browser.getTitle() + "'");
			}
			catch (IOException | WebDriverException ex) {
				System.err.println(name + ": could not save the page: " + ex);
			}
		}
	};

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

	/**
	 * Signs in afresh through the console's login form: whoever was signed in before is
	 * forgotten, and the new session then holds the user. Returns once a page shows the
	 * user signed in: the next request must carry the session the sign-in made, not the
	 * login page's (a request sent before the sign-in's answer arrived would carry the
	 * old session and land on the login page again).
	 */
	protected void signIn(String user) {
		open("/login");
		browser.manage().deleteAllCookies();
		open("/login");
		browser.findElement(By.id("username")).sendKeys(user);
		browser.findElement(By.id("password")).sendKeys(PASSWORD);
		go(By.cssSelector("button[type=submit]"));
		new WebDriverWait(browser, Duration.ofSeconds(30))
			.withMessage(() -> "signed in as " + user + ": " + browser.getCurrentUrl() + " shows no signed-in user")
			.until(ExpectedConditions.textToBe(By.id("signed-in-user"), user));
	}

	/** Clicks what leads to another page and waits until that page has loaded. */
	protected static void go(By by) {
		go(new WebDriverWait(browser, Duration.ofSeconds(30)).until(ExpectedConditions.elementToBeClickable(by)));
	}

	/**
	 * Clicks what leads to another page and waits until that page has loaded: the page
	 * clicked on is gone (stale) and the new one's document is complete, so nothing that
	 * follows reads a page still being parsed. The click is never repeated: a second
	 * click could land on the next page, after the first one had worked.
	 */
	protected static void go(WebElement link) {
		WebElement page = browser.findElement(By.tagName("html"));
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		try {
			link.click();
		}
		catch (WebDriverException ex) {
			// chromedriver may answer a click whose page was replaced before it finished
			// with an error ("Node … does not belong to the document"): the click worked
			// if the page goes away, else the error stands
			try {
				new WebDriverWait(browser, Duration.ofSeconds(5)).until(gone(page));
			}
			catch (TimeoutException stillThere) {
				throw ex;
			}
		}
		wait.until(gone(page));
		wait.until(loaded());
	}

	/**
	 * Posts a form to {@code action} with the page's CSRF token and these fields, as a
	 * forged page would (a signed-in user's own request, but not through the page's
	 * buttons), and waits for the page it leads to.
	 */
	protected static void postForm(String action, Map<String, String> fields) {
		WebDriverWait wait = new WebDriverWait(browser, Duration.ofSeconds(30));
		// the forged form copies the page's CSRF token: wait until the page offers it
		wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector("#logout-form input[name=_csrf]")));
		WebElement page = browser.findElement(By.tagName("html"));
		((JavascriptExecutor) browser).executeScript("""
				const f = document.createElement('form');
				f.method = 'post';
				f.action = arguments[0];
				f.appendChild(document.querySelector('#logout-form input[name=_csrf]').cloneNode());
				for (const [k, v] of Object.entries(arguments[1])) {
				  const i = document.createElement('input'); i.name = k; i.value = v; f.appendChild(i);
				}
				document.body.appendChild(f);
				f.submit();
				""", action, fields);
		wait.until(gone(page));
		wait.until(loaded());
	}

	/**
	 * The page has been replaced. While the next page replaces it, chromedriver may
	 * answer "Node … does not belong to the document" instead of reporting the old one
	 * stale: that is the page going away too.
	 */
	protected static ExpectedCondition<Boolean> gone(WebElement page) {
		return driver -> {
			try {
				page.isEnabled();
				return false;
			}
			catch (StaleElementReferenceException | NoSuchElementException ex) {
				return true;
			}
			catch (WebDriverException ex) {
				if (String.valueOf(ex.getMessage()).contains("does not belong to the document")) {
					return true;
				}
				throw ex;
			}
		};
	}

	/** The page's document has been parsed and its resources loaded. */
	protected static ExpectedCondition<Boolean> loaded() {
		return driver -> {
			try {
				return "complete".equals(((JavascriptExecutor) driver).executeScript("return document.readyState"));
			}
			catch (WebDriverException stillNavigating) {
				// no document to ask yet: ask again
				return false;
			}
		};
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
