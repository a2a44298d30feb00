package vn.drugcontrol.service.web;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium, driven through its own chromedriver: both paths are given,
 * so Selenium Manager never looks for (or downloads) a browser or a driver. Browser tests
 * skip where either is missing — unless {@code REQUIRE_BROWSER_TESTS=true} (CI), where
 * they fail instead.
 */
public final class Chromium implements ExecutionCondition {

	static final Path BROWSER = Path.of("/usr/bin/chromium");

	static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	/** A laptop's screen. */
	static final Dimension LAPTOP = new Dimension(1366, 850);

	static final Path SCREENSHOTS = Path.of("target", "screenshots");

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (installed()) {
			return ConditionEvaluationResult.enabled("Chromium at " + BROWSER + ", driver at " + DRIVER);
		}
		if ("true".equals(System.getenv("REQUIRE_BROWSER_TESTS"))) {
			return ConditionEvaluationResult
				.enabled("REQUIRE_BROWSER_TESTS is set: the test will fail without Chromium and chromedriver");
		}
		return ConditionEvaluationResult
			.disabled("no " + BROWSER + " or " + DRIVER + " (apt-get install chromium chromium-driver): skipped");
	}

	static boolean installed() {
		return Files.isExecutable(BROWSER) && Files.isExecutable(DRIVER);
	}

	/** A fresh headless browser with its own profile, on a laptop-sized window. */
	static WebDriver start() {
		if (!installed()) {
			throw new IllegalStateException("REQUIRE_BROWSER_TESTS is set but " + BROWSER + " or " + DRIVER
					+ " is missing: apt-get install chromium chromium-driver");
		}
		try {
			Path profile = Files.createTempDirectory(Files.createDirectories(Path.of("target")), "chromium-profile-");
			ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
				.usingAnyFreePort()
				.withLogFile(new File("target/chromedriver.log"))
				.build();
			ChromeOptions options = new ChromeOptions();
			options.setBinary(BROWSER.toString());
			options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
					"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
					"--user-data-dir=" + profile.toAbsolutePath(),
					"--window-size=" + LAPTOP.getWidth() + "," + LAPTOP.getHeight(), "--lang=vi-VN");
			ChromeDriver driver = new ChromeDriver(service, options);
			driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
			driver.manage().window().setSize(LAPTOP);
			return driver;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * Saves the whole page as {@code target/screenshots/NAME.png}: the window grows to
	 * the page's height for the shot, then returns to a laptop's size.
	 */
	static Path screenshot(WebDriver driver, String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			long height = (Long) ((JavascriptExecutor) driver).executeScript(
					"return Math.ceil(document.documentElement.scrollHeight + window.outerHeight - window.innerHeight)");
			driver.manage()
				.window()
				.setSize(new Dimension(LAPTOP.getWidth(), (int) Math.min(Math.max(height, 600), 6000)));
			Path file = SCREENSHOTS.resolve(name + ".png");
			Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
			driver.manage().window().setSize(LAPTOP);
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Runs {@code check} while the page is shown as printed (print CSS applied). */
	static void printed(WebDriver driver, Runnable check) {
		ChromeDriver chrome = (ChromeDriver) driver;
		chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", "print"));
		try {
			check.run();
		}
		finally {
			chrome.executeCdpCommand("Emulation.setEmulatedMedia", Map.of("media", ""));
		}
	}

}
