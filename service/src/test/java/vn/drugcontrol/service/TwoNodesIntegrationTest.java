package vn.drugcontrol.service;

import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.service.ruleset.Bundles;
import vn.drugcontrol.service.system.RunInProgressClock;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Two nodes, one database: two instances of the service, each on its own port with its
 * own Spring context, on the same database ({@link RealDatabase}: MariaDB in CI, and the
 * embedded H2 shared in memory), with requests alternating between them as a load
 * balancer without sticky sessions would send them. The quick start's configuration (no
 * local users), so the quick-start administrator is also shared.
 */
@ExtendWith(RealDatabase.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoNodesIntegrationTest {

	private static final String PASSWORD = "two-nodes-password";

	private static final Pattern CSRF = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private static final Pattern START = Pattern.compile("action=\"/upload/([A-Za-z0-9_-]{43})/start\"");

	private ConfigurableApplicationContext a;

	private ConfigurableApplicationContext b;

	private JdbcTemplate jdbc;

	private String firstHash;

	@BeforeAll
	void startTwoNodes() {
		a = node();
		jdbc = a.getBean(JdbcTemplate.class);
		RealDatabase.emptyTables(jdbc);
		// the first start on an empty database draws the quick-start admin's password
		b = node();
		firstHash = adminHash();
	}

	@AfterAll
	void stopNodes() {
		if (b != null) {
			b.close();
		}
		if (a != null) {
			a.close();
		}
	}

	@Test
	@Order(1)
	void theQuickStartAdminIsDrawnOnceForEveryNode() {
		assertThat(firstHash).as("stored by the node that started on the empty table").startsWith("{bcrypt}");
		// the password that start printed: here, one the test sets; node a, started
		// before, checks sign-ins against the stored hash too
		jdbc.update("UPDATE quick_start_admin SET password_hash = ?",
				"{bcrypt}" + new BCryptPasswordEncoder(4).encode(PASSWORD));
		assertThat(api(a).get().uri("/api/v1/runs").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(api(b).get().uri("/api/v1/runs").retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.OK);
	}

	@Test
	@Order(2)
	void signInOnOneUploadOnTheOtherConfirmOnTheFirst() {
		Browser browser = new Browser();
		browser.signIn(a);

		// node b knows the session node a signed in
		ResponseEntity<String> home = browser.get(b, "/");
		assertThat(home.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(home.getBody()).contains("upload-form");

		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		form.add("file", new FileSystemResource(DatabaseTest.sample("cao-bang-2025.csv")));
		form.add("_csrf", csrf(home.getBody()));
		ResponseEntity<String> preview = browser.post(b, "/upload", MediaType.MULTIPART_FORM_DATA, form);
		assertThat(preview.getStatusCode()).isEqualTo(HttpStatus.OK);
		Matcher start = START.matcher(preview.getBody());
		assertThat(start.find()).as("the preview's start form").isTrue();
		assertThat(count("pending_upload")).isOne();

		// confirmed on node a, which never saw the file
		ResponseEntity<String> started = browser.post(a, "/upload/" + start.group(1) + "/start",
				MediaType.APPLICATION_FORM_URLENCODED, formOf("_csrf", csrf(preview.getBody())));
		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		String location = started.getHeaders().getLocation().getPath();
		assertThat(location).matches("/runs/\\d+");
		assertThat(count("pending_upload")).as("used, then forgotten").isZero();
		assertThat(count("pending_upload_part")).isZero();
		assertThat(count("classification_run")).isOne();

		ResponseEntity<String> run = browser.get(b, location);
		assertThat(run.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(run.getBody()).contains("Cao Bằng");

		// signed out on node b: node a no longer knows the session either
		browser.post(b, "/logout", MediaType.APPLICATION_FORM_URLENCODED, formOf("_csrf", csrf(run.getBody())));
		ResponseEntity<String> after = browser.get(a, "/");
		assertThat(after.getStatusCode()).isEqualTo(HttpStatus.FOUND);
		assertThat(after.getHeaders().getLocation().getPath()).isEqualTo("/login");
	}

	@Test
	@Order(3)
	void activateOnOneEvaluateOnTheOther() {
		String defaultHash = ShippedRuleSets.defaultReading().contentHash();
		String literalHash = ShippedRuleSets.literalReading().contentHash();
		// node b has classified 2026 already, under the version then effective
		assertThat(evaluate(b, 2026).get("ruleSet").get("contentHash").asString()).isEqualTo(defaultHash);

		long literal = api(a).get()
			.uri("/api/v1/rule-sets?contentHash=" + literalHash)
			.retrieve()
			.body(JsonNode.class)
			.get(0)
			.get("id")
			.asLong();
		ResponseEntity<JsonNode> activated = api(a).post()
			.uri("/api/v1/rule-sets/" + literal + "/activation")
			.contentType(MediaType.APPLICATION_JSON)
			.body("{\"effectiveFrom\": 2026, \"effectiveTo\": 2026, \"overrideMonotonicity\": \"the literal reading\"}")
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(activated.getStatusCode()).as("%s", activated.getBody()).isEqualTo(HttpStatus.OK);

		assertThat(evaluate(b, 2026).get("ruleSet").get("contentHash").asString()).isEqualTo(literalHash);
		assertThat(evaluate(a, 2026).get("ruleSet").get("contentHash").asString()).isEqualTo(literalHash);
		assertThat(evaluate(b, 2025).get("ruleSet").get("contentHash").asString()).isEqualTo(defaultHash);
	}

	@Test
	@Order(4)
	void aStoredRunIsReplayedFromTheDatabaseNeverFromWhatANodeCompiled() {
		Map<String, String> files = Bundles.shipped("literal");
		files.compute("common/tally.drl", (path, text) -> text + "\n// the two-nodes test's own rules\n");
		ResponseEntity<JsonNode> uploaded = api(a).post()
			.uri("/api/v1/rule-sets")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(Bundles.form(files, "name", "two-nodes", "effectiveFrom", "2027"))
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(uploaded.getStatusCode()).as("%s", uploaded.getBody()).isEqualTo(HttpStatus.CREATED);
		long version = uploaded.getBody().get("id").asLong();
		MultiValueMap<String, Object> upload = new LinkedMultiValueMap<>();
		upload.add("file", new FileSystemResource(DatabaseTest.sample("cao-bang-2025.csv")));
		upload.add("ruleSetVersion", String.valueOf(version));
		ResponseEntity<JsonNode> run = api(a).post()
			.uri("/api/v1/runs")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(upload)
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(run.getStatusCode()).as("%s", run.getBody()).isEqualTo(HttpStatus.CREATED);
		long decision = api(b).get()
			.uri("/api/v1/runs/" + run.getBody().get("id").asLong() + "/decisions")
			.retrieve()
			.body(JsonNode.class)
			.get(0)
			.get("id")
			.asLong();
		String reproduction = "/api/v1/decisions/" + decision + "/reproduction";
		// node b compiles the version from the database's bundle
		assertThat(api(b).get().uri(reproduction).retrieve().body(JsonNode.class).get("identical").asBoolean())
			.isTrue();

		// the version is no longer stored: node a, which compiled it, must not replay
		// from
		// its own cache any more than node b can
		jdbc.update("DELETE FROM rule_set_file WHERE version_id = ?", version);
		jdbc.update("DELETE FROM rule_set_problem WHERE version_id = ?", version);
		jdbc.update("DELETE FROM rule_set_version WHERE id = ?", version);
		assertThat(api(a).get().uri(reproduction).retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(api(b).get().uri(reproduction).retrieve().toBodilessEntity().getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	@Order(5)
	void aNodeShuttingDownFinishesTheRunInProgressAndTakesNoNewRequest() throws Exception {
		RunInProgressClock clock = a.getBean(RunInProgressClock.class);
		RestClient toA = api(a);
		int portOfA = port(a);
		clock.hold();
		CompletableFuture<ResponseEntity<JsonNode>> run = CompletableFuture.supplyAsync(() -> toA.post()
			.uri("/api/v1/runs")
			.contentType(MediaType.APPLICATION_JSON)
			.body(runRequest())
			.retrieve()
			.toEntity(JsonNode.class));
		assertThat(clock.awaitRunInProgress(60)).as("a run in progress on node a").isTrue();

		CompletableFuture<Void> stopping = CompletableFuture.runAsync(a::close);
		// node a stops taking requests (readiness down, then no new connection) ...
		awaitRefused(portOfA);
		assertThat(run).isNotDone();
		clock.release();
		// ... and the run it had begun is finished and stored
		ResponseEntity<JsonNode> finished = run.get(60, TimeUnit.SECONDS);
		assertThat(finished.getStatusCode()).as("%s", finished.getBody()).isEqualTo(HttpStatus.CREATED);
		stopping.get(60, TimeUnit.SECONDS);
		a = null;
		JsonNode stored = api(b).get()
			.uri("/api/v1/runs/" + finished.getBody().get("id").asLong())
			.retrieve()
			.body(JsonNode.class);
		assertThat(stored.get("communeCount").asInt()).isEqualTo(finished.getBody().get("communeCount").asInt());
	}

	private static void awaitRefused(int port) throws InterruptedException {
		HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
		long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
		while (System.nanoTime() < deadline) {
			try {
				client.send(java.net.http.HttpRequest
					.newBuilder(URI.create("http://localhost:" + port + "/actuator/health"))
					.timeout(Duration.ofSeconds(2))
					.build(), java.net.http.HttpResponse.BodyHandlers.discarding());
			}
			catch (java.io.IOException ex) {
				return;
			}
			Thread.sleep(50);
		}
		throw new AssertionError("node a still takes new requests while shutting down");
	}

	private static String runRequest() {
		try {
			// other facts than the runs before: a new run, classified now
			return java.nio.file.Files.readString(DatabaseTest.sample("run-request.json"))
				.replace("\"period\":2025", "\"period\":2028");
		}
		catch (java.io.IOException ex) {
			throw new java.io.UncheckedIOException(ex);
		}
	}

	private JsonNode evaluate(ConfigurableApplicationContext node, int period) {
		ResponseEntity<JsonNode> response = api(node).post()
			.uri("/api/v1/evaluations")
			.contentType(MediaType.APPLICATION_JSON)
			.body("""
					{"period": %d, "communes": [{"communeCode": "01324", "communeName": "Cốc Pàng", "provinceCode": "04",
					  "period": %d, "population": 10000, "managedUsers": 60, "inSubstitutionTreatment": 0,
					  "inCommunityRehab": 8, "inPostRehabManagement": 3, "drugUsePoints": 0, "arrestedOffenders": 7,
					  "residentViolators": 5, "wantedFugitives": 0, "plantsDestroyed": 1000, "plantAreaM2": 118}]}
					"""
				.formatted(period, period))
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(response.getStatusCode()).as("%s", response.getBody()).isEqualTo(HttpStatus.OK);
		return response.getBody();
	}

	/** A node of the service on its own random port, configured as the quick start. */
	private static ConfigurableApplicationContext node() {
		RealDatabase.Connection db = RealDatabase.connection();
		// arguments: they win over application.yml, as on a real command line
		return new SpringApplicationBuilder(ClassifierApplication.class, RunInProgressClock.Config.class).run(
				"--server.port=0", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
				"--spring.datasource.password=" + db.password(), "--spring.main.banner-mode=off");
	}

	private static int port(ConfigurableApplicationContext node) {
		return ((WebServerApplicationContext) node).getWebServer().getPort();
	}

	private static RestClient client(ConfigurableApplicationContext node) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port(node))
			.requestFactory(new JdkClientHttpRequestFactory(
					HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()))
			.defaultStatusHandler(status -> true, (request, response) -> {
				// the tests assert on statuses
			})
			.build();
	}

	/** The API as the quick-start admin (HTTP Basic). */
	private static RestClient api(ConfigurableApplicationContext node) {
		return client(node).mutate().defaultHeaders(h -> h.setBasicAuth("admin", PASSWORD)).build();
	}

	private String adminHash() {
		return jdbc.queryForObject("SELECT password_hash FROM quick_start_admin WHERE name = 'admin'", String.class);
	}

	private int count(String table) {
		return jdbc.queryForObject("SELECT COUNT(*) FROM " + table, Integer.class);
	}

	private static String csrf(String page) {
		Matcher m = CSRF.matcher(page);
		assertThat(m.find()).as("a CSRF token in the page").isTrue();
		return m.group(1);
	}

	private static MultiValueMap<String, Object> formOf(String... fields) {
		MultiValueMap<String, Object> form = new LinkedMultiValueMap<>();
		for (int i = 0; i + 1 < fields.length; i += 2) {
			form.add(fields[i], fields[i + 1]);
		}
		return form;
	}

	/**
	 * A browser without sticky sessions: one session cookie, sent to whichever node.
	 */
	private static final class Browser {

		private String session;

		void signIn(ConfigurableApplicationContext node) {
			ResponseEntity<String> login = get(node, "/login");
			assertThat(login.getStatusCode()).isEqualTo(HttpStatus.OK);
			ResponseEntity<String> signedIn = post(node, "/login", MediaType.APPLICATION_FORM_URLENCODED,
					formOf("username", "admin", "password", PASSWORD, "_csrf", csrf(login.getBody())));
			assertThat(signedIn.getStatusCode()).isEqualTo(HttpStatus.FOUND);
			assertThat(signedIn.getHeaders().getLocation().getPath()).isNotEqualTo("/login");
		}

		ResponseEntity<String> get(ConfigurableApplicationContext node, String path) {
			return remember(client(node).get().uri(path).headers(this::cookie).retrieve().toEntity(String.class));
		}

		ResponseEntity<String> post(ConfigurableApplicationContext node, String path, MediaType type,
				MultiValueMap<String, Object> form) {
			return remember(client(node).post()
				.uri(path)
				.headers(this::cookie)
				.contentType(type)
				.body(form)
				.retrieve()
				.toEntity(String.class));
		}

		private void cookie(HttpHeaders headers) {
			if (session != null) {
				headers.add(HttpHeaders.COOKIE, "SESSION=" + session);
			}
		}

		private ResponseEntity<String> remember(ResponseEntity<String> response) {
			for (String cookie : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
				if (cookie.startsWith("SESSION=")) {
					String value = cookie.substring("SESSION=".length()).split(";", 2)[0];
					session = value.isEmpty() ? null : value;
				}
			}
			return response;
		}

	}

}
