package vn.drugcontrol.service.replay;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What would it take, exactly, for a stored decision: searched with its run's own rules
 * (here the literal reading's) and confirmed by them.
 */
class ExactGapsIntegrationTest extends DatabaseTest {

	@Test
	void aTypeICommuneOfALiteralRunGetsTheClassesItsRulesGive() {
		JsonNode run = upload(sample("cao-bang-2025.csv"), "ruleSet", "literal").getBody();
		long decision = get("/api/v1/runs/" + run.get("id").asLong() + "/decisions?classification=TYPE_I").get(0)
			.get("id")
			.asLong();

		JsonNode answer = get("/api/v1/decisions/" + decision + "/what-would-it-take");

		assertThat(answer.get("ruleSetName").asString()).isEqualTo("literal");
		JsonNode found = answer.get("whatItTakes");
		assertThat(found.get("now").asString()).isEqualTo("TYPE_I");
		assertThat(found.get("oneClassDown")).isNotEmpty();
		for (JsonNode way : found.get("oneClassDown")) {
			assertThat(way.get("gives").asString()).isIn("TYPE_II", "TYPE_III", "DRUG_FREE");
			assertThat(way.get("changes")).isNotEmpty();
		}
		assertThat(found.get("toDrugFree")).isNotEmpty()
			.allSatisfy(way -> assertThat(way.get("gives").asString()).isEqualTo("DRUG_FREE"));
	}

}
