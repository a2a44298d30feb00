package vn.drugcontrol.service.security;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.TestPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Guessing passwords over real HTTP (issue 13, item 6): after a few failures an account,
 * or a client, is refused with 429 and {@code Retry-After}, even with the right password,
 * on the API (HTTP Basic, API tokens) and the console's login form. Small limits of its
 * own (so a context of its own); the account locked out is {@value #LOCKED_OUT}, which no
 * other test uses, and the counts are forgotten before each test.
 */
@TestPropertySource(properties = { "classifier.security.sign-in-throttle.max-failures-per-account=3",
		"classifier.security.sign-in-throttle.max-failures-per-client=8" })
class SignInThrottleIntegrationTest extends DatabaseTest {

	@Test
	void anAccountWithTooManyWrongPasswordsWaitsEvenWithTheRightOne() {
		for (int i = 0; i < 3; i++) {
			assertThat(basic(LOCKED_OUT, "guess-" + i).getStatusCode().value()).isEqualTo(401);
		}

		ResponseEntity<JsonNode> refused = basic(LOCKED_OUT, PASSWORD);

		assertThat(refused.getStatusCode().value()).isEqualTo(429);
		assertThat(refused.getHeaders().getContentType().toString()).startsWith("application/problem+json");
		assertThat(Long.parseLong(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER))).isPositive();
		assertThat(refused.getBody().get("detail").asString()).contains("Retry after");
		assertThat(basic(LOCKED_OUT, "guess-again").getStatusCode().value()).isEqualTo(429);
		// another account from the same client is not held up by it
		assertThat(basic("viewer", PASSWORD).getStatusCode().value()).isEqualTo(200);
		// the audit has the first failure and the one reaching the limit, with the count
		assertThat(jdbc.queryForList(
				"SELECT details FROM audit_entry WHERE action = 'LOGIN_FAILED' AND actor = ? ORDER BY id", String.class,
				LOCKED_OUT))
			.hasSize(2)
			.last()
			.asString()
			.contains("\"failures\":3", "\"throttled\":true");
	}

	@Test
	void aClientWithTooManyFailuresWaitsWhateverTheNameOrToken() {
		for (int i = 0; i < 4; i++) {
			assertThat(basic("nobody-" + i, "guess").getStatusCode().value()).isEqualTo(401);
			assertThat(bearer("cls_not-a-token-" + i).getStatusCode().value()).isEqualTo(401);
		}

		ResponseEntity<JsonNode> refused = basic(TESTER, PASSWORD);

		assertThat(refused.getStatusCode().value()).isEqualTo(429);
		assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(bearer("cls_not-a-token-5").getStatusCode().value()).isEqualTo(429);
	}

	@Test
	void theConsoleLoginFormIsThrottledWithAMessageInVietnamese() {
		ResponseEntity<String> page = http(null).get().uri("/login").retrieve().toEntity(String.class);
		String session = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
		Matcher csrf = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"").matcher(page.getBody());
		assertThat(csrf.find()).isTrue();
		for (int i = 0; i < 3; i++) {
			ResponseEntity<String> failed = signIn(session, csrf.group(1), LOCKED_OUT, "guess-" + i);
			assertThat(failed.getStatusCode().is3xxRedirection()).isTrue();
			assertThat(failed.getHeaders().getLocation().toString()).endsWith("/login?error");
		}

		ResponseEntity<String> refused = signIn(session, csrf.group(1), LOCKED_OUT, PASSWORD);

		assertThat(refused.getStatusCode().value()).isEqualTo(429);
		assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
		assertThat(refused.getBody()).contains("Đăng nhập sai quá nhiều lần");
	}

	private ResponseEntity<JsonNode> basic(String user, String password) {
		return http(null).get()
			.uri("/api/v1/runs")
			.headers(h -> h.setBasicAuth(user, password))
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> bearer(String token) {
		return http(null).get()
			.uri("/api/v1/runs")
			.header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private ResponseEntity<String> signIn(String session, String csrf, String user, String password) {
		MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
		form.add("username", user);
		form.add("password", password);
		form.add("_csrf", csrf);
		return http(null).post()
			.uri("/login")
			.header(HttpHeaders.COOKIE, session)
			.contentType(MediaType.APPLICATION_FORM_URLENCODED)
			.body(form)
			.retrieve()
			.toEntity(String.class);
	}

}
