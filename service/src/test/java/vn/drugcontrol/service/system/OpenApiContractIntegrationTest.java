package vn.drugcontrol.service.system;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The contract other systems build on is the committed {@code docs/openapi.json}: linted
 * by Spectral and turned into the test client at build time. This test holds it to the
 * document the service really serves at {@code /v3/api-docs}, so a change of a
 * controller, record or problem that is not committed to the contract fails the build.
 */
class OpenApiContractIntegrationTest extends DatabaseTest {

	/** The committed contract, from the service module. */
	static final Path COMMITTED = Path.of("..", "docs", "openapi.json");

	/** Where the served document is written when it differs. */
	static final Path SERVED = Path.of("target", "openapi.json");

	private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

	@Test
	void theServedDocumentIsTheCommittedContract() throws IOException {
		JsonNode served = http().get().uri("/v3/api-docs").retrieve().body(JsonNode.class);
		Files.writeString(SERVED, JSON.writeValueAsString(served) + "\n", StandardCharsets.UTF_8);
		JsonNode committed = Files.exists(COMMITTED) ? JSON.readTree(COMMITTED.toFile()) : null;
		assertThat(served)
			.as("the served /v3/api-docs differs from the committed docs/openapi.json; if the change is meant, "
					+ "refresh the contract: cp service/target/openapi.json docs/openapi.json (from the repository root)")
			.isEqualTo(committed);
	}

}
