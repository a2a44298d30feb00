package vn.drugcontrol.service;

import java.util.regex.Pattern;

import java.util.regex.Matcher;

import java.nio.charset.StandardCharsets;

import java.net.http.HttpResponse;

import java.net.http.HttpRequest;

import java.net.http.HttpClient;

import java.net.URLEncoder;

import java.net.URI;

import java.net.CookieManager;

import java.io.IOException;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.ExtendWith;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import tools.jackson.databind.JsonNode;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;

import vn.drugcontrol.service.security.SignInThrottle;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Base of the end-to-end tests: the real service on a random port over real HTTP, on a
 * real database ({@link RealDatabase}: MariaDB or MySQL, or the quick start's embedded
 * H2), emptied before each test.
 * <p>
 * Access control: {@link #http()} signs in (HTTP Basic) as {@value #TESTER}, a local user
 * holding every role for every province, so tests about something else need not care;
 * {@link #http(String)} signs in as one of the other test users ({@link #TEST_USERS}: one
 * per role, officers and approvers of province 04 or 01). All share {@value #PASSWORD},
 * BCrypt-hashed with cost 4 to keep tests fast. Limits are lowered for the abuse tests:
 * uploads and JSON bodies 1 MB, 1,000 communes per batch. The sign-in throttle's limits
 * are raised out of reach, and its counts forgotten before each test.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(RealDatabase.class)
// high enough that no test but the throttle's own (which sets its own) is ever throttled;
// a subclass's @TestPropertySource overrides these
// no periodic audit checkpoint: the tests sign them on demand (one test class schedules
// its own)
@TestPropertySource(properties = { "classifier.security.sign-in-throttle.max-failures-per-account=1000",
		"classifier.security.sign-in-throttle.max-failures-per-client=100000",
		"classifier.audit.checkpoint.interval=0" })
public abstract class DatabaseTest {

	@LocalServerPort
	protected int port;

	@Autowired
	protected JdbcTemplate jdbc;

	@Autowired
	private ObjectProvider<SignInThrottle> signInThrottle;

	/** The user of {@link #http()}: every role, every province. */
	protected static final String TESTER = "tester";

	protected static final String PASSWORD = "test-password";

	/** The user the sign-in throttle's test locks out; no other test uses it. */
	protected static final String LOCKED_OUT = "locked-out";

	/**
	 * The commune user of Thục Phán (01273, Cao Bằng): "xã" (commune), so that its name,
	 * shown on Vietnamese pages, is no English word.
	 */
	protected static final String COMMUNE_THUC_PHAN = "xa-01273";

	/** The commune user of Sơn Lộ (01360, Cao Bằng). */
	protected static final String COMMUNE_SON_LO = "xa-01360";

	/** name → roles, province (and, for a commune user, its commune). */
	protected static final List<List<String>> TEST_USERS = List.of(
			List.of(TESTER, "ANALYST,OFFICER,APPROVER,MINISTRY,VIEWER,API_CLIENT,ADMIN", "*"),
			List.of("analyst", "ANALYST", ""), List.of("officer-04", "OFFICER", "04"),
			List.of("officer-01", "OFFICER", "01"), List.of("approver-04", "APPROVER", "04"),
			List.of("approver-04b", "APPROVER", "04"), List.of("approver-01", "APPROVER", "01"),
			List.of("viewer", "VIEWER", ""), List.of("admin", "ADMIN", "*"),
			// the Ministry of Public Security: a national user (issue 16)
			List.of("ministry", "MINISTRY", ""),
			// commune users of two communes of Cao Bằng (04): Thục Phán and Sơn Lộ
			List.of(COMMUNE_THUC_PHAN, "COMMUNE", "", "01273"), List.of(COMMUNE_SON_LO, "COMMUNE", "", "01360"),
			// only for the sign-in throttle's test: it gets locked out
			List.of(LOCKED_OUT, "VIEWER", ""));

	/**
	 * The commune users of Cao Bằng's other 54 commune-level units ({@code xa-<code>},
	 * {@link #communeUser}): the journey over the whole chain needs every unit of the
	 * province to submit, as each commune's police would.
	 */
	protected static final List<List<String>> OTHER_CAO_BANG_COMMUNE_USERS = caoBangCommunes().stream()
		.filter(code -> !code.equals("01273") && !code.equals("01360"))
		.map(code -> List.of(communeUser(code), "COMMUNE", "", code))
		.toList();

	/** The commune user of a commune: "xa-" and its code. */
	protected static String communeUser(String communeCode) {
		return "xa-" + communeCode;
	}

	/** Cao Bằng's 56 commune-level units, as the sample file lists them. */
	protected static List<String> caoBangCommunes() {
		try {
			return Files.readAllLines(sample("cao-bang-2025.csv"), StandardCharsets.UTF_8)
				.stream()
				.skip(1)
				.filter(line -> !line.isBlank())
				.map(line -> line.substring(0, line.indexOf(',')))
				.toList();
		}
		catch (IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private static final String PASSWORD_HASH = "{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD);

	@DynamicPropertySource
	static void database(DynamicPropertyRegistry registry) {
		registry.add("spring.datasource.url", () -> RealDatabase.connection().url());
		registry.add("spring.datasource.username", () -> RealDatabase.connection().user());
		registry.add("spring.datasource.password", () -> RealDatabase.connection().password());
		List<List<String>> users = new java.util.ArrayList<>(TEST_USERS);
		users.addAll(OTHER_CAO_BANG_COMMUNE_USERS);
		for (int i = 0; i < users.size(); i++) {
			List<String> user = users.get(i);
			String prefix = "classifier.security.local-users[" + i + "].";
			registry.add(prefix + "name", () -> user.get(0));
			registry.add(prefix + "password", () -> PASSWORD_HASH);
			registry.add(prefix + "roles", () -> user.get(1));
			registry.add(prefix + "province", () -> user.get(2));
			if (user.size() > 3) {
				registry.add(prefix + "commune", () -> user.get(3));
			}
		}
		registry.add("spring.servlet.multipart.max-file-size", () -> "1MB");
		registry.add("spring.servlet.multipart.max-request-size", () -> "1MB");
		registry.add("classifier.limits.max-json-size", () -> "1MB");
		registry.add("classifier.limits.max-rows", () -> "1000");
	}

	/** Each test starts from empty tables ({@link RealDatabase#emptyTables}). */
	@BeforeEach
	void emptyDatabase() {
		signInThrottle.ifAvailable(SignInThrottle::clear);
		RealDatabase.emptyTables(jdbc);
	}

	/** Signed in as {@value #TESTER} (every role). */
	protected RestClient http() {
		return http(TESTER);
	}

	/** Signed in as a test user, or anonymous for null. */
	protected RestClient http(String user) {
		return RestClient.builder().baseUrl("http://localhost:" + port).defaultHeaders(headers -> {
			if (user != null) {
				headers.setBasicAuth(user, PASSWORD);
			}
		}).defaultStatusHandler(status -> true, (request, response) -> {
			// tests assert on error statuses and their problem details
		}).build();
	}

	/**
	 * A console session as a browser keeps one: signed in as {@code user} through the
	 * login form (its CSRF token read from the page), cookies kept between requests.
	 */
	protected HttpClient signedInConsole(String user) throws IOException, InterruptedException {
		HttpClient browser = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.build();
		URI login = URI.create("http://localhost:" + port + "/login");
		String page = browser.send(HttpRequest.newBuilder(login).build(), HttpResponse.BodyHandlers.ofString()).body();
		Matcher token = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page);
		assertThat(token.find()).as("a CSRF token on the login page").isTrue();
		browser.send(HttpRequest.newBuilder(login)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
					+ "&password=" + URLEncoder.encode(PASSWORD, StandardCharsets.UTF_8) + "&_csrf="
					+ URLEncoder.encode(token.group(1), StandardCharsets.UTF_8)))
			.build(), HttpResponse.BodyHandlers.discarding());
		return browser;
	}

	/** A file of the repository's data-samples folder. */
	protected static Path sample(String name) {
		return Path.of("..", "data-samples", name);
	}

	/** Uploads a facts file as a run, as a browser form or curl -F would. */
	protected ResponseEntity<JsonNode> upload(Path file, String... params) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new FileSystemResource(file));
		for (int i = 0; i + 1 < params.length; i += 2) {
			parts.add(params[i], params[i + 1]);
		}
		return postMultipart("/api/v1/runs", parts);
	}

	/** Posts a multipart form (files and fields), as a browser form or curl -F would. */
	protected ResponseEntity<JsonNode> postMultipart(String uri, MultiValueMap<String, Object> form) {
		return http().post()
			.uri(uri)
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(form)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	protected ResponseEntity<JsonNode> postJson(String uri, Object body) {
		return http().post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	protected JsonNode get(String uri) {
		return http().get().uri(uri).retrieve().body(JsonNode.class);
	}

	protected int count(String table) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

}
