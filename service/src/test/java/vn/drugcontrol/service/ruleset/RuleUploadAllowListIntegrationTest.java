package vn.drugcontrol.service.ruleset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * An analyst's upload must not run code (issue 13, item 1), over real HTTP on a real
 * database: a bundle whose rules escape the fact model is refused with the file and line
 * of the escape, is never usable, and nothing of it ran; a bundle whose rules loop for
 * ever is stopped while its scenarios run and refused the same way.
 */
class RuleUploadAllowListIntegrationTest extends DatabaseTest {

	private static final String ESCAPE_FILE = "analyst/escape.drl";

	private ResponseEntity<JsonNode> uploadBundle(MultiValueMap<String, Object> form) {
		return postMultipart("/api/v1/rule-sets", form);
	}

	/**
	 * A rule that fires for every commune (every scenario row), its consequence on line
	 * 10.
	 */
	private static String escape(String dialect, String code) {
		return """
				package vn.drugcontrol.rules;

				import vn.drugcontrol.rules.commune.CommuneFacts;

				rule "escape"
				    dialect "%s"
				when
				    $c : CommuneFacts()
				then
				    %s
				end
				""".formatted(dialect, code);
	}

	private void assertRefusedAndNeverUsable(String name, String drl, Path marker) {
		Map<String, String> files = Bundles.shipped("default");
		files.put(ESCAPE_FILE, drl);

		ResponseEntity<JsonNode> rejected = uploadBundle(Bundles.form(files, "name", name));

		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(rejected.getBody().get("title").asString()).isEqualTo("Rule set rejected");
		assertThat(rejected.getBody().get("errors")).isNotEmpty().allSatisfy(error -> {
			assertThat(error.get("file").asString()).isEqualTo(ESCAPE_FILE);
			assertThat(error.get("line").asInt()).isEqualTo(10);
			assertThat(error.get("message").asString()).contains("not allowed");
		});
		long id = rejected.getBody().get("version").get("id").asLong();
		assertThat(get("/api/v1/rule-sets/" + id).get("status").asString()).isEqualTo("REJECTED");
		// a viewer may list scenarios: for a rejected version none run
		assertThat(http("viewer").get()
			.uri("/api/v1/rule-sets/" + id + "/scenarios")
			.retrieve()
			.toEntity(JsonNode.class)
			.getBody()
			.get("total")
			.asInt()).isZero();
		ResponseEntity<JsonNode> activation = http().post()
			.uri("/api/v1/rule-sets/" + id + "/activation")
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(activation.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(marker).as("nothing of the escape ran").doesNotExist();
	}

	@Test
	void aFileWriteInAJavaConsequenceIsRefusedWithItsLineAndNeverRuns() throws IOException {
		Path marker = Files.createTempDirectory("allow-list").resolve("written-by-a-rule");
		String drl = escape("java",
				"java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker + "\"), \"pwned\");");

		assertRefusedAndNeverUsable("escape-java", drl, marker);
	}

	@Test
	void aProcessStartedFromAnMvelConsequenceIsRefusedWithItsLineAndNeverRuns() throws IOException {
		Path marker = Files.createTempDirectory("allow-list").resolve("touched-by-a-rule");
		String drl = escape("mvel", "Runtime.getRuntime().exec(\"touch " + marker + "\");");

		assertRefusedAndNeverUsable("escape-mvel", drl, marker);
	}

	@Test
	void aRuleThatLoopsForEverIsStoppedWhileItsScenariosRunAndTheBundleRefused() {
		Map<String, String> files = Bundles.shipped("default");
		files.put("analyst/loop.drl", """
				package vn.drugcontrol.rules;

				import vn.drugcontrol.rules.criteria.Tally;

				rule "count for ever"
				    @clause("precedence")
				when
				    $t : Tally( met >= 0 )
				then
				    insert(new Tally($t.unitCode(), $t.article(), $t.met() + 1, $t.assessed()));
				end
				""");

		ResponseEntity<JsonNode> rejected = uploadBundle(Bundles.form(files, "name", "loops"));

		assertThat(rejected.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_CONTENT);
		assertThat(rejected.getBody().get("title").asString()).isEqualTo("Rule set rejected");
		JsonNode error = rejected.getBody().get("errors").get(0);
		assertThat(error.get("file").asString()).startsWith("scenarios/");
		assertThat(error.get("message").asString()).contains("was stopped").contains("loop");
		long id = rejected.getBody().get("version").get("id").asLong();
		assertThat(get("/api/v1/rule-sets/" + id).get("status").asString()).isEqualTo("REJECTED");
	}

}
