package vn.drugcontrol.service.security;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.interfaces.RSAPrivateKey;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.Map;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.core.io.FileSystemResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The production path: an OIDC resource server validating RS256 access tokens. The
 * identity provider is stood in for by a local RSA key whose public half is configured as
 * {@code spring.security.oauth2.resourceserver.jwt.public-key-location}; roles, province
 * and name come from the token's claims ({@code roles}, {@code province},
 * {@code preferred_username}). Tokens signed by another key, expired, or missing are
 * refused; roles and provinces from the token are enforced like local users'.
 */
class JwtResourceServerIntegrationTest extends DatabaseTest {

	private static final KeyPair PROVIDER = rsa();

	private static final KeyPair STRANGER = rsa();

	@DynamicPropertySource
	static void resourceServer(DynamicPropertyRegistry registry) {
		registry.add("spring.security.oauth2.resourceserver.jwt.public-key-location",
				() -> "file:" + publicKeyPem(PROVIDER).toAbsolutePath());
	}

	@Test
	void anOfficersTokenStartsAndSubmitsARunOfItsProvinceUnderItsName() {
		String officer = token(PROVIDER, "oidc-officer", List.of("OFFICER", "some-other-app-role"), "04",
				Instant.now().plusSeconds(300));
		ResponseEntity<JsonNode> run = bearer(officer).post()
			.uri("/api/v1/runs")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(file("cao-bang-2025.csv"))
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(run.getStatusCode().value()).isEqualTo(201);
		long id = run.getBody().get("id").asLong();
		assertThat(jdbc.queryForObject("SELECT started_by FROM classification_run WHERE id = ?", String.class, id))
			.isEqualTo("oidc-officer");

		assertThat(status(bearer(officer).post().uri("/api/v1/runs/" + id + "/submission"))).isEqualTo(200);
		assertThat(jdbc.queryForObject("SELECT submitted_by FROM run_approval WHERE run_id = ?", String.class, id))
			.isEqualTo("oidc-officer");

		String otherProvince = token(PROVIDER, "oidc-approver-01", List.of("APPROVER"), "01",
				Instant.now().plusSeconds(300));
		assertThat(status(bearer(otherProvince).post()
			.uri("/api/v1/runs/" + id + "/return")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", "không phải tỉnh của tôi")))).as("another province's approver").isEqualTo(403);
		String sameProvince = token(PROVIDER, "oidc-approver-04", List.of("APPROVER"), "04",
				Instant.now().plusSeconds(300));
		assertThat(status(bearer(sameProvince).post()
			.uri("/api/v1/runs/" + id + "/return")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("reason", "Thiếu số liệu xã Sơn Lộ")))).isEqualTo(200);
	}

	@Test
	void aViewersTokenReadsButDoesNotWrite() {
		String viewer = token(PROVIDER, "oidc-viewer", List.of("viewer"), null, Instant.now().plusSeconds(300));
		assertThat(status(bearer(viewer).get().uri("/api/v1/runs"))).isEqualTo(200);
		assertThat(status(bearer(viewer).post()
			.uri("/api/v1/runs")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(file("cao-bang-2025.csv")))).isEqualTo(403);
		assertThat(count("classification_run")).isZero();
	}

	@Test
	void forgedExpiredOrMissingTokensAreRefused() {
		String forged = token(STRANGER, "mallory", List.of("ADMIN"), "*", Instant.now().plusSeconds(300));
		String expired = token(PROVIDER, "oidc-viewer", List.of("VIEWER"), null, Instant.now().minusSeconds(600));
		assertThat(status(bearer(forged).get().uri("/api/v1/runs"))).as("signed by another key").isEqualTo(401);
		assertThat(status(bearer(expired).get().uri("/api/v1/runs"))).as("expired").isEqualTo(401);
		assertThat(status(bearer("not.a.jwt").get().uri("/api/v1/runs"))).isEqualTo(401);
		assertThat(status(http(null).get().uri("/api/v1/runs"))).isEqualTo(401);
		assertThat(status(bearer(forged).post()
			.uri("/api/v1/runs")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(file("cao-bang-2025.csv")))).isEqualTo(401);
		assertThat(count("classification_run")).isZero();
	}

	private RestClient bearer(String token) {
		return RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.defaultHeaders(headers -> headers.setBearerAuth(token))
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();
	}

	private static int status(RestClient.RequestHeadersSpec<?> request) {
		return request.retrieve().toBodilessEntity().getStatusCode().value();
	}

	private static MultiValueMap<String, Object> file(String sample) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("file", new FileSystemResource(sample(sample)));
		return parts;
	}

	private static String token(KeyPair key, String name, List<String> roles, String province, Instant expires) {
		JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder().subject("sub-" + name)
			.issuer("https://idp.test/realms/mps")
			.claim("preferred_username", name)
			.claim("roles", roles)
			.issueTime(Date.from(expires.minusSeconds(900)))
			.expirationTime(Date.from(expires));
		if (province != null) {
			claims.claim("province", province);
		}
		try {
			SignedJWT jwt = new SignedJWT(new JWSHeader(JWSAlgorithm.RS256), claims.build());
			jwt.sign(new RSASSASigner((RSAPrivateKey) key.getPrivate()));
			return jwt.serialize();
		}
		catch (JOSEException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static KeyPair rsa() {
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
			generator.initialize(2048);
			return generator.generateKeyPair();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Path publicKeyPem(KeyPair key) {
		try {
			Path file = Files.createTempFile(Files.createDirectories(Path.of("target")), "oidc-public-", ".pem");
			String body = Base64.getMimeEncoder(64, "\n".getBytes()).encodeToString(key.getPublic().getEncoded());
			Files.writeString(file, "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n");
			return file;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
