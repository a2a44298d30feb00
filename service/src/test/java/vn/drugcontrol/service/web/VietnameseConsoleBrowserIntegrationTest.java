package vn.drugcontrol.service.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.service.ruleset.Bundles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Officers read the console in Vietnamese (issue 17): every console page, found from the
 * console's own GET mappings (a new page cannot be forgotten), shown in Vietnamese holds
 * no English word of the English message bundle and no code (TYPE_I, snake_case column
 * names, content hashes, the engine's version) outside a folded technical detail; a
 * decision says why in one sentence first; numbers and dates are written the Vietnamese
 * way; and on a phone (390 px) nothing runs off the screen.
 */
class VietnameseConsoleBrowserIntegrationTest extends ConsoleBrowserTest {

	/** A phone's screen: 390 px wide, as an iPhone 12–15. */
	static final Dimension PHONE = new Dimension(390, 844);

	/** Enum-like codes: TYPE_I, MANAGED_USERS, PLANTS_WITHOUT_VIOLATOR. */
	static final Pattern CODE = Pattern.compile("\\b[A-Z]{2,}(_[A-Z]+)+\\b");

	/** snake_case column names: managed_users, plant_area_m2. */
	static final Pattern SNAKE = Pattern.compile("\\b[a-z]+(_[a-z0-9]+)+\\b");

	/**
	 * A content hash, whole or shortened (12 hex digits or more, with a digit and a
	 * letter).
	 */
	static final Pattern HASH = Pattern.compile("\\b(?=[0-9a-f]*[a-f])(?=[0-9a-f]*[0-9])[0-9a-f]{12,}\\b");

	/** The engine's name and version. */
	static final Pattern ENGINE = Pattern.compile("Drools|\\d+\\.\\d+\\.\\d+");

	/**
	 * A number written the English way: 12,360, 0.521% or 8.5 m² (Vietnamese: 12.360,
	 * 0,521%, 8,5 m²). Clause numbers (4.1.a, 6.1) are the law's, in both languages.
	 */
	static final Pattern ENGLISH_NUMBER = Pattern.compile(
			"(?<![\\d.,])[1-9]\\d{0,2}(,\\d{3})+(?![\\d,%])(?! m²)|\\b0\\.\\d+ ?(%|m²)|\\d\\.(\\d{1,2}|\\d{4,}) ?(%|m²)");

	/**
	 * Words of the English bundle that may stand on a Vietnamese page: Vietnamese words
	 * spelt without marks, names, abbreviations both languages use.
	 */
	static final Set<String> STOP = Set.of("api", "openapi", "csv", "xlsx", "pdf", "png", "svg", "json", "drl", "zip",
			"english", "http", "https", "cao", "bang", "son", "lang", "tin", "hoa", "con", "may", "ban", "tan", "long",
			"minh", "thanh", "phong", "quang", "tuyen", "ubnd", "ttg", "utf", "oidc", "byte", "bytes",
			// the English page names the other language "Tiếng Việt"; the official
			// documents' national motto names the country
			"việt");

	/** The label an analyst gave the version this test uploads. */
	static final String VERSION_LABEL = "Cách hiểu theo câu chữ";

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private long run2024;

	private long run2025;

	private long version;

	/** A draft of the shipped default, unchanged (issue 14's workbench). */
	private long draft;

	@BeforeEach
	void signedInWithTwoPeriodsAnApprovedListAndAVersion() throws IOException, InterruptedException {
		signIn(TESTER);
		assertThat(postJson("/api/v1/routes", Files.readString(sample("cao-bang-routes.json"), StandardCharsets.UTF_8))
			.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		run2024 = upload(sample("cao-bang-2024.csv")).getBody().get("id").asLong();
		run2025 = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		assertThat(http().post()
			.uri("/api/v1/runs/" + run2024 + "/submission")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(postJson("/api/v1/runs/" + run2024 + "/approval",
				Map.of("decisionNumber", "123/QĐ-UBND", "decisionDate", "2026-11-29"))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		// 2024 reported to the Ministry and approved by it: the national pages have a
		// list
		assertThat(http().post()
			.uri("/api/v1/ministry-reports/04/2024/submission")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(postJson("/api/v1/ministry-reports/04/2024/approval",
				Map.of("decisionNumber", "1234/QĐ-BCA", "decisionDate", "2026-11-29"))
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		version = postMultipart("/api/v1/rule-sets", Bundles.form(Bundles.shipped("literal"), "name", "literal-2026",
				"label", VERSION_LABEL, "effectiveFrom", "2026"))
			.getBody()
			.get("id")
			.asLong();
		// started over the console's own form post, as the browser would (without waiting
		// for the draft's page: its check runs when the page is visited below)
		HttpClient console = signedInConsole(TESTER);
		URI rules = URI.create("http://localhost:" + port + "/rule-sets");
		Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
			.matcher(console.send(HttpRequest.newBuilder(rules).build(), HttpResponse.BodyHandlers.ofString()).body());
		assertThat(token.find()).isTrue();
		HttpResponse<Void> started = console
			.send(HttpRequest
				.newBuilder(
						URI.create("http://localhost:" + port + "/rule-sets/versions/"
								+ jdbc.queryForObject("SELECT id FROM rule_set_version WHERE name = 'default'",
										Long.class)
								+ "/drafts"))
				.header("Content-Type", "application/x-www-form-urlencoded")
				.POST(HttpRequest.BodyPublishers
					.ofString("_csrf=" + URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
				.build(), HttpResponse.BodyHandlers.discarding());
		assertThat(started.statusCode()).isEqualTo(302);
		draft = Long.parseLong(started.headers()
			.firstValue("Location")
			.orElseThrow()
			.replaceAll(".*/rule-sets/drafts/(\\d+).*", "$1"));
	}

	@Test
	void everyConsolePageIsInVietnameseWithoutCodes() throws IOException {
		Map<String, List<String>> pages = pagesOfEveryGetMapping();
		Set<String> english = englishWords();
		Map<String, List<String>> problems = new LinkedHashMap<>();
		for (List<String> addresses : pages.values()) {
			for (String address : addresses) {
				open(address);
				problems.putAll(check(address, english));
				errorPageWhereAPageIsExpected(address)
					.forEach((page, found) -> problems.merge(page, found, (a, b) -> concat(a, b)));
			}
		}
		// the pages a form post leads to: a bad file's problems, a preview, a refused
		// bundle
		open("/");
		browser.findElement(By.id("file"))
			.sendKeys(sample("cao-bang-2025-bad.csv").toAbsolutePath().normalize().toString());
		go(By.cssSelector("#upload-form button[type=submit]"));
		problems.putAll(check("upload of cao-bang-2025-bad.csv", english));
		Chromium.screenshot(browser, "vi-upload-errors");
		open("/");
		browser.findElement(By.id("file"))
			.sendKeys(sample("cao-bang-2025.csv").toAbsolutePath().normalize().toString());
		go(By.cssSelector("#upload-form button[type=submit]"));
		problems.putAll(check("upload of cao-bang-2025.csv (preview)", english));
		open("/rule-sets");
		Path broken = Files.createDirectories(Path.of("target", "bundles")).resolve("broken-vi.drl");
		Files.writeString(broken, "package vn.drugcontrol.rules;\nrule \"broken\" when then nonsense( end\n");
		browser.findElement(By.id("version-files")).sendKeys(broken.toAbsolutePath().normalize().toString());
		browser.findElement(By.id("version-name")).sendKeys("broken-vi");
		go(By.cssSelector("#version-upload-form button[type=submit]"));
		problems.putAll(check("upload of a broken bundle", english));
		// signed out: the login page
		browser.manage().deleteAllCookies();
		open("/login");
		problems.putAll(check("/login", english));
		open("/login?error");
		problems.putAll(check("/login?error", english));
		Chromium.screenshot(browser, "vi-login");

		Files.createDirectories(Chromium.SCREENSHOTS);
		Files.writeString(Chromium.SCREENSHOTS.resolve("vi-language-problems.txt"),
				String.join("\n",
						problems.entrySet()
							.stream()
							.map(e -> e.getKey() + "\n  " + String.join("\n  ", e.getValue()))
							.toList()));
		assertThat(problems)
			.as("English words and codes on Vietnamese pages (target/screenshots/vi-language-problems.txt)")
			.isEmpty();
	}

	/**
	 * The English console stays complete: every page under ?lang=en is marked English and
	 * shows no word of the Vietnamese bundle (lower-case words with Vietnamese letters,
	 * so that names of places and people, capitalised, are not counted).
	 */
	@Test
	void everyConsolePageIsCompleteInEnglish() throws IOException {
		Map<String, List<String>> pages = pagesOfEveryGetMapping();
		Set<String> vietnamese = vietnameseWords();
		open("/?lang=en");
		Map<String, List<String>> problems = new LinkedHashMap<>();
		for (List<String> addresses : pages.values()) {
			for (String address : addresses) {
				open(address);
				List<String> found = new ArrayList<>();
				if (!"en".equals(browser.findElement(By.tagName("html")).getDomAttribute("lang"))) {
					found.add("the page is not marked lang=en");
				}
				found.addAll(errorPageWhereAPageIsExpected(address).getOrDefault(address, List.of()));
				// an official document is the official text, in Vietnamese on every page:
				// marked lang="vi", it is not the console's words
				String text = (String) ((JavascriptExecutor) browser).executeScript(
						"""
								const other = document.getElementById('language-switch');
								let text = [document.title, document.body.innerText].join('\\n')
								  .replace(other ? other.innerText : '\\u0000', '');
								document.querySelectorAll('main article[lang=vi]').forEach(e => { text = text.replace(e.innerText, ''); });
								return text;
								""");
				// the version's label is what the analyst typed (in Vietnamese): data
				text = text.replace(VERSION_LABEL, "");
				Set<String> seen = wordsIn(text, vietnamese);
				if (!seen.isEmpty()) {
					found.add("Vietnamese words " + seen + " in «" + around(text, seen.iterator().next()) + "»");
				}
				if (!found.isEmpty()) {
					problems.put(address, found);
				}
			}
		}
		assertThat(problems).as("Vietnamese words on English pages").isEmpty();
	}

	/**
	 * Problem details are the API's machine contract: in English whatever language the
	 * caller's browser or cookie asks for (the console shows them in Vietnamese).
	 */
	@Test
	void apiProblemDetailsStayInEnglishWhenVietnameseIsAsked() throws IOException {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new FileSystemResource(sample("cao-bang-2025-bad.csv")));
		ResponseEntity<JsonNode> rejected = http().post()
			.uri("/api/v1/runs?lang=vi")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
			.header(HttpHeaders.COOKIE, "classifier-lang=vi")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		List<String> texts = new ArrayList<>();
		texts.add(rejected.getBody().get("title").asString());
		texts.add(rejected.getBody().get("detail").asString());
		rejected.getBody().get("errors").forEach(e -> texts.add(e.get("reason").asString()));
		// the file's own values (quoted) and names of places are data, not the API's
		// words
		Set<String> vietnamese = vietnameseWords();
		assertThat(texts).allSatisfy(t -> assertThat(t).isNotBlank()
			.satisfies(x -> assertThat(wordsIn(x.replaceAll("\"[^\"]*\"", ""), vietnamese)).isEmpty()));
		assertThat(String.join(" ", texts)).contains("must be");
		ResponseEntity<JsonNode> missing = http().get()
			.uri("/api/v1/runs/999999?lang=vi")
			.header(HttpHeaders.ACCEPT_LANGUAGE, "vi")
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(missing.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(missing.getBody().get("detail").asString()).contains("no run 999999");
	}

	@Test
	void aDecisionSaysWhyInOneSentenceFirstAndItsDecidingArticleOneLineACriterion() {
		// Thục Phán (01273): type I
		open("/decisions/" + decisionOf(run2025, "01273"));
		String reason = text(By.id("decision-reason"));
		assertThat(reason).startsWith("Loại I: đáp ứng ").contains("/5 tiêu chí loại I (");
		List<WebElement> deciding = rows("evidence");
		assertThat(deciding).hasSize(5)
			.allSatisfy(row -> assertThat(row.findElement(By.tagName("th")).getText()).startsWith("4.1."));
		WebElement others = browser.findElement(By.id("other-criteria"));
		assertThat(others.getTagName()).isEqualTo("details");
		assertThat(others.getDomAttribute("open")).isNull();
		Chromium.screenshot(browser, "vi-decision-type-i");

		// a type III commune: met "at a higher band" is said without contradicting the
		// value
		open("/runs/" + run2025 + "?classification=TYPE_III");
		go(rows("decisions").get(0).findElement(By.tagName("a")));
		assertThat(text(By.id("decision-reason"))).startsWith("Loại III: ")
			.contains("không đủ 3 tiêu chí loại II (đáp ứng ");
		assertThat(text(By.id("evidence"))).doesNotContain("hoặc cao hơn");
		for (WebElement row : rows("evidence")) {
			List<WebElement> cells = row.findElements(By.tagName("td"));
			assertThat(cells.get(1).getText()).as("values the Vietnamese way")
				.doesNotContainPattern("\\b0\\.\\d|\\d\\.\\d+%");
		}
		Chromium.screenshot(browser, "vi-decision-type-iii");
	}

	@Test
	void numbersAndDatesAreWrittenTheVietnameseWay() {
		open("/decisions/" + decisionOf(run2025, "01273"));
		String page = browser.findElement(By.tagName("main")).getText();
		assertThat(page).containsPattern("\\d,\\d+%").doesNotContainPattern("\\d\\.\\d+%");
		assertThat(page).containsPattern("\\d{1,3}\\.\\d{3}\\b");
		open("/runs/" + run2024);
		assertThat(text(By.id("list-basis"))).contains("29/11/2026");
		assertThat(browser.findElement(By.tagName("main")).getText()).doesNotContainPattern("\\d{4}-\\d{2}-\\d{2}");
	}

	@Test
	void onAPhoneTheEvidenceAndTheRunListFitTheScreen() {
		browser.manage().window().setSize(PHONE);
		try {
			for (String address : List.of("/decisions/" + decisionOf(run2025, "01273"),
					"/decisions/" + decisionOf(run2025, "01360"), "/runs/" + run2025, "/", "/provinces/04",
					"/communes/01273")) {
				open(address);
				((JavascriptExecutor) browser)
					.executeScript("document.querySelectorAll('details').forEach(d => d.open = true)");
				assertThat(overflowing()).as("elements running off a 390 px screen at " + address).isEmpty();
			}
			open("/decisions/" + decisionOf(run2025, "01273"));
			assertThat(browser.findElement(By.id("decision-reason")).isDisplayed()).isTrue();
			phoneScreenshot("phone-decision");
			open("/runs/" + run2025);
			WebElement first = rows("decisions").get(0).findElement(By.tagName("a"));
			assertThat(first.isDisplayed()).isTrue();
			assertThat(first.getRect().getX() + first.getRect().getWidth()).isLessThanOrEqualTo(PHONE.getWidth());
			phoneScreenshot("phone-run");
			go(first);
			assertThat(browser.findElement(By.id("decision-reason")).isDisplayed()).isTrue();
		}
		finally {
			browser.manage().window().setSize(Chromium.LAPTOP);
		}
	}

	/**
	 * Every GET page of the console, with addresses for its variables: a mapping this
	 * test does not know fails it, so a new page gets checked.
	 */
	private Map<String, List<String>> pagesOfEveryGetMapping() {
		long decision = decisionOf(run2025, "01273");
		Map<String, List<String>> known = new LinkedHashMap<>();
		known.put("/", List.of("/"));
		known.put("/runs/{id}", List.of("/runs/" + run2025, "/runs/" + run2024,
				"/runs/" + run2025 + "?classification=UNCLASSIFIED", "/runs/999999"));
		known.put("/decisions/{id}",
				List.of("/decisions/" + decision, "/decisions/" + decisionOf(run2025, "01360"),
						"/decisions/" + decisionOf(run2025, "01324"), "/decisions/" + decisionOf(run2024, "01273"),
						"/decisions/" + someDecisionOf(run2025, "TYPE_II"),
						"/decisions/" + someDecisionOf(run2025, "TYPE_III"), "/decisions/999999"));
		// the official documents: the draft of 2025's list, 2024's approved one
		known.put("/runs/{id}/official-list", List.of("/runs/" + run2025 + "/official-list",
				"/runs/" + run2024 + "/official-list", "/runs/999999/official-list"));
		known.put("/decisions/{id}/official-sheet", List.of("/decisions/" + decision + "/official-sheet",
				"/decisions/" + decisionOf(run2024, "01273") + "/official-sheet",
				"/decisions/" + decisionOf(run2025, "01360") + "/official-sheet", "/decisions/999999/official-sheet"));
		known.put("/communes", List.of("/communes?code=01273"));
		known.put("/communes/{code}", List.of("/communes/01273", "/communes/99999"));
		known.put("/rule-sets", List.of("/rule-sets"));
		known.put("/rule-sets/{name}", List.of("/rule-sets/default", "/rule-sets/literal", "/rule-sets/no-such"));
		known.put("/rule-sets/versions/{id}", List.of("/rule-sets/versions/" + version, "/rule-sets/versions/999999"));
		known.put("/rule-sets/versions/{id}/activation", List.of("/rule-sets/versions/" + version + "/activation"));
		known.put("/rule-sets/versions/{id}/simulation",
				List.of("/rule-sets/versions/" + version + "/simulation?run=" + run2025));
		known.put("/rule-sets/drafts/{id}", List.of("/rule-sets/drafts/" + draft));
		known.put("/rule-sets/drafts/{id}/drl",
				List.of("/rule-sets/drafts/" + draft + "/drl?path=common/criteria-type-i.drl",
						"/rule-sets/drafts/" + draft + "/drl?path=law/parameters.csv"));
		known.put("/rule-sets/drafts/{id}/scenarios",
				List.of("/rule-sets/drafts/" + draft + "/scenarios?path=scenarios/default-reading.csv",
						"/rule-sets/drafts/" + draft + "/scenarios?path=scenarios/province.csv"));
		known.put("/rule-sets/drafts/{id}/diff", List.of("/rule-sets/drafts/" + draft + "/diff"));
		known.put("/provinces", List.of("/provinces"));
		known.put("/provinces/{code}", List.of("/provinces/04", "/provinces/04?from=2024&to=2025", "/provinces/99"));
		known.put("/overrides", List.of("/overrides"));
		known.put("/login", List.of("/login", "/login?error", "/login?logout"));
		known.put("/ministry", List.of("/ministry?period=2024", "/ministry?period=2025"));
		known.put("/ministry/reports/{province}/{period}",
				List.of("/ministry/reports/04/2024", "/ministry/reports/04/2025", "/ministry/reports/99999/2025"));
		known.put("/ministry/list", List.of("/ministry/list?period=2024", "/ministry/list?period=2024&province=04",
				"/ministry/list?period=2025", "/ministry/list?period=2024&province=99999"));
		// the self-assessment pages (assessment/web): one not started, one submitted with
		// its provisional class and its submission
		submittedSelfAssessment();
		known.put("/assessments", List.of("/assessments"));
		known.put("/assessments/{code}/{period}",
				List.of("/assessments/01273/2025", "/assessments/01360/2025", "/assessments/99999/2025"));
		known.put("/provinces/{code}/assessments",
				List.of("/provinces/04/assessments?period=2025", "/provinces/04/assessments"));
		Set<String> found = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, org.springframework.web.method.HandlerMethod> mapping : mappings
			.getHandlerMethods()
			.entrySet()) {
			// the console's package and the features' own web packages (assessment/web)
			String pkg = mapping.getValue().getBeanType().getPackageName();
			if (!pkg.equals(ConsoleBrowserTest.class.getPackageName())
					&& !(pkg.startsWith("vn.drugcontrol.service.") && pkg.endsWith(".web"))) {
				continue;
			}
			Set<RequestMethod> methods = mapping.getKey().getMethodsCondition().getMethods();
			if (methods.isEmpty() || methods.contains(RequestMethod.GET)) {
				found.addAll(mapping.getKey().getPatternValues());
			}
		}
		assertThat(found).as("the console's GET pages").isNotEmpty();
		assertThat(known.keySet()).as("every console page is checked: add a new page's addresses here")
			.containsAll(found);
		Map<String, List<String>> pages = new LinkedHashMap<>();
		found.forEach(pattern -> pages.put(pattern, known.get(pattern)));
		return pages;
	}

	/** Sơn Lộ's 2025 self-assessment, saved and submitted by its commune user. */
	private void submittedSelfAssessment() {
		String uri = "/api/v1/communes/01360/assessments/2025";
		assertThat(http(COMMUNE_SON_LO).put()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(vn.drugcontrol.service.assessment.AssessmentSteps.sonLo())
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(http(COMMUNE_SON_LO).post().uri(uri + "/submission").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	/**
	 * The page's visible words (what innerText gives: folded details left out) and its
	 * title, labels and text alternatives: English words of the English bundle and codes.
	 */
	private static Map<String, List<String>> check(String address, Set<String> english) {
		String text = (String) ((JavascriptExecutor) browser).executeScript("""
				const parts = [document.title, document.body.innerText];
				document.querySelectorAll('[aria-label],[title],[alt],[placeholder]').forEach(e => {
				  for (const a of ['aria-label', 'title', 'alt', 'placeholder']) {
				    if (e.hasAttribute(a)) parts.push(e.getAttribute(a));
				  }
				});
				const other = document.getElementById('language-switch');
				return parts.join('\\n').replace(other ? other.innerText : '\\u0000', '');
				""");
		List<String> found = new ArrayList<>();
		if (!"vi".equals(browser.findElement(By.tagName("html")).getDomAttribute("lang"))) {
			found.add("the page is not marked lang=vi");
		}
		Matcher words = Pattern.compile("[\\p{L}]+").matcher(text);
		Set<String> seen = new LinkedHashSet<>();
		while (words.find()) {
			String word = words.group();
			if (english.contains(word.toLowerCase(Locale.ROOT))) {
				seen.add(word);
			}
		}
		if (!seen.isEmpty()) {
			found.add("English words " + seen + " in «" + around(text, seen.iterator().next()) + "»");
		}
		for (Pattern pattern : List.of(CODE, SNAKE, HASH, ENGINE, ENGLISH_NUMBER)) {
			Matcher m = pattern.matcher(text);
			Set<String> codes = new LinkedHashSet<>();
			String first = null;
			while (m.find()) {
				codes.add(m.group());
				first = (first == null) ? around(text, m.group()) : first;
			}
			if (!codes.isEmpty()) {
				found.add(pattern + ": " + codes + " in «" + first + "»");
			}
		}
		return found.isEmpty() ? Map.of() : Map.of(address, found);
	}

	/**
	 * An error page at an address that names something that exists: a language check of
	 * it would pass while the page itself is broken.
	 */
	private static Map<String, List<String>> errorPageWhereAPageIsExpected(String address) {
		boolean missing = address.contains("999999") || address.contains("99999") || address.endsWith("/provinces/99")
				|| address.contains("no-such");
		if (missing || browser.findElements(By.id("error-detail")).isEmpty()) {
			return Map.of();
		}
		return Map.of(address,
				List.of("an error page: " + text(By.tagName("h1")) + " — " + text(By.id("error-detail"))));
	}

	/**
	 * Words of the Vietnamese bundle that are not English ones, lower-case with a
	 * Vietnamese letter (names of places and people are capitalised).
	 */
	static Set<String> vietnameseWords() throws IOException {
		Set<String> vietnamese = wordsOf("/messages.properties");
		vietnamese.removeAll(wordsOf("/messages_en.properties"));
		vietnamese.removeIf(w -> w.chars().allMatch(c -> c < 128));
		return vietnamese;
	}

	private static Set<String> wordsIn(String text, Set<String> words) {
		Set<String> seen = new LinkedHashSet<>();
		Matcher m = Pattern.compile("[\\p{L}]+").matcher(text);
		while (m.find()) {
			if (words.contains(m.group())) {
				seen.add(m.group());
			}
		}
		return seen;
	}

	private static List<String> concat(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}

	private static String around(String text, String word) {
		int at = text.indexOf(word);
		return text.substring(Math.max(0, at - 60), Math.min(text.length(), at + word.length() + 60))
			.replace('\n', ' ');
	}

	/**
	 * The words of the English bundle's texts that are not words of the Vietnamese one,
	 * less the stop list; three letters or more.
	 */
	static Set<String> englishWords() throws IOException {
		Set<String> english = wordsOf("/messages_en.properties");
		english.removeAll(wordsOf("/messages.properties"));
		english.removeAll(STOP);
		english.removeIf(w -> w.length() < 3);
		return english;
	}

	private static Set<String> wordsOf(String bundle) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = VietnameseConsoleBrowserIntegrationTest.class.getResourceAsStream(bundle)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		Set<String> words = new TreeSet<>();
		for (String value : properties.stringPropertyNames()) {
			Matcher m = Pattern.compile("[\\p{L}]+").matcher(properties.getProperty(value));
			while (m.find()) {
				words.add(m.group().toLowerCase(Locale.ROOT));
			}
		}
		return words;
	}

	/**
	 * Elements whose right edge passes the screen's (ignoring those a scroll box clips).
	 */
	@SuppressWarnings("unchecked")
	private static List<String> overflowing() {
		return (List<String>) ((JavascriptExecutor) browser).executeScript(
				"""
						const width = document.documentElement.clientWidth;
						const out = [];
						if (document.documentElement.scrollWidth > width) out.push('the page scrolls sideways: ' + document.documentElement.scrollWidth);
						for (const e of document.querySelectorAll('body *')) {
						  const r = e.getBoundingClientRect();
						  if (r.width === 0 || r.height === 0 || e.classList.contains('skip-link')) continue;
						  let clipped = false;
						  for (let p = e.parentElement; p && p !== document.body; p = p.parentElement) {
						    const s = getComputedStyle(p);
						    if (s.overflowX === 'auto' || s.overflowX === 'scroll' || s.overflowX === 'hidden' || s.overflowX === 'clip') { clipped = true; break; }
						  }
						  if (clipped) continue;
						  if (r.right > width + 1 || r.left < -1) {
						    out.push(e.tagName.toLowerCase() + (e.id ? '#' + e.id : '') + (e.className ? '.' + e.className : '') + ' ' + Math.round(r.left) + '–' + Math.round(r.right));
						  }
						}
						return out.slice(0, 20);
						""");
	}

	private static void phoneScreenshot(String name) {
		try {
			Files.createDirectories(Chromium.SCREENSHOTS);
			long height = (Long) ((JavascriptExecutor) browser).executeScript(
					"return Math.ceil(document.documentElement.scrollHeight + window.outerHeight - window.innerHeight)");
			browser.manage()
				.window()
				.setSize(new Dimension(PHONE.getWidth(), (int) Math.min(Math.max(height, 600), 8000)));
			Files.write(Chromium.SCREENSHOTS.resolve(name + ".png"), ((org.openqa.selenium.TakesScreenshot) browser)
				.getScreenshotAs(org.openqa.selenium.OutputType.BYTES));
			browser.manage().window().setSize(PHONE);
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private long decisionOf(long run, String commune) {
		return jdbc.queryForObject("SELECT id FROM decision WHERE run_id = ? AND commune_code = ?", Long.class, run,
				commune);
	}

	private long someDecisionOf(long run, String classification) {
		return jdbc.queryForObject("SELECT MIN(id) FROM decision WHERE run_id = ? AND classification = ?", Long.class,
				run, classification);
	}

}
