package vn.drugcontrol.service.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.FileSystemUtils;

import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Development mode over real HTTP on a real database: the service watches a directory of
 * DRL files, reloads them when they change, serves them as the default rule set, and
 * keeps the last good rules when an edit does not compile. Development mode needs the
 * {@code dev} profile.
 */
@ActiveProfiles("dev")
class RuleSetWatcherIntegrationTest extends DatabaseTest {

	private static final Path DIR = temporaryDirectory();

	@DynamicPropertySource
	static void watch(DynamicPropertyRegistry registry) {
		registry.add("classifier.rules.watch-dir", DIR::toString);
		registry.add("classifier.rules.watch-interval", () -> "100ms");
	}

	@Test
	void editedRulesAreReloadedAndABrokenEditKeepsTheLastGoodOnes() throws Exception {
		FileSystemUtils.deleteRecursively(DIR);
		write(ShippedRuleSets.source("default").files());

		JsonNode status = await(s -> ShippedRuleSets.defaultReading().contentHash().equals(text(s, "contentHash")));
		assertThat(status.get("versionId").isNumber()).isTrue();
		assertThat(evaluateHole().get("results").get(0).get("classification").asString()).isEqualTo("TYPE_II");

		// the analyst switches the type II and III files to the literal reading
		FileSystemUtils.deleteRecursively(DIR.resolve("default-reading"));
		Map<String, String> literal = ShippedRuleSets.source("literal").files();
		write(Map.of("literal-reading/criteria-type-ii.drl", literal.get("literal-reading/criteria-type-ii.drl"),
				"literal-reading/criteria-type-iii.drl", literal.get("literal-reading/criteria-type-iii.drl")));

		String literalHash = ShippedRuleSets.literalReading().contentHash();
		await(s -> literalHash.equals(text(s, "contentHash")));
		JsonNode evaluation = evaluateHole();
		assertThat(evaluation.get("results").get(0).get("classification").asString()).isEqualTo("UNCLASSIFIED");
		assertThat(evaluation.get("ruleSet").get("contentHash").asString()).isEqualTo(literalHash);
		assertThat(upload(sample("cao-bang-2025.csv")).getBody().get("ruleSet").get("contentHash").asString())
			.isEqualTo(literalHash);

		// an edit that does not compile: logged, the last good rules stay
		Files.writeString(DIR.resolve("common/tally.drl"), "rule \"broken\" when then nonsense(; end");

		JsonNode broken = await(s -> !s.get("lastErrors").isEmpty());
		assertThat(broken.get("lastErrors").get(0).get("file").asString()).isEqualTo("common/tally.drl");
		assertThat(text(broken, "contentHash")).isEqualTo(literalHash);
		assertThat(evaluateHole().get("ruleSet").get("contentHash").asString()).isEqualTo(literalHash);
	}

	private JsonNode evaluateHole() {
		return postJson("/api/v1/evaluations", """
				{"period": 2025, "communes": [{"communeCode": "01324", "communeName": "Cốc Pàng", "provinceCode": "04",
				  "period": 2025, "population": 10000, "managedUsers": 60, "inSubstitutionTreatment": 0,
				  "inCommunityRehab": 8, "inPostRehabManagement": 3, "drugUsePoints": 0, "arrestedOffenders": 7,
				  "residentViolators": 5, "wantedFugitives": 0, "plantsDestroyed": 1000, "plantAreaM2": 118}]}
				""").getBody();
	}

	private JsonNode await(Predicate<JsonNode> condition) throws InterruptedException {
		Instant deadline = Instant.now().plus(Duration.ofSeconds(30));
		JsonNode status = get("/api/v1/rule-sets/watched");
		while (!condition.test(status)) {
			assertThat(Instant.now()).as("watched status %s", status).isBefore(deadline);
			Thread.sleep(100);
			status = get("/api/v1/rule-sets/watched");
		}
		return status;
	}

	private static String text(JsonNode node, String field) {
		JsonNode value = node.get(field);
		return value == null || value.isNull() ? null : value.asString();
	}

	private static void write(Map<String, String> files) {
		files.forEach((path, text) -> {
			try {
				Path file = DIR.resolve(path);
				Files.createDirectories(file.getParent());
				Files.writeString(file, text);
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
		});
	}

	private static Path temporaryDirectory() {
		try {
			return Files.createTempDirectory("watched-rules");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
