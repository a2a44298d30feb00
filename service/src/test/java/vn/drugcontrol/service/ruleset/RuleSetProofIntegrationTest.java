package vn.drugcontrol.service.ruleset;

import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The exhaustive check runs on every upload, is stored with the version (V16) and shown
 * by the API; a version whose rules break monotonicity is activated only with an
 * analyst's reason, audited in the hash chain.
 */
class RuleSetProofIntegrationTest extends DatabaseTest {

	private long uploadShipped(String reading, String name) {
		ResponseEntity<JsonNode> uploaded = postMultipart("/api/v1/rule-sets",
				Bundles.form(Bundles.shipped(reading), "name", name));
		assertThat(uploaded.getStatusCode().is2xxSuccessful()).as("%s", uploaded.getBody()).isTrue();
		return uploaded.getBody().get("id").asLong();
	}

	private ResponseEntity<JsonNode> activate(String user, long id, Map<String, ?> body) {
		return http(user).post()
			.uri("/api/v1/rule-sets/" + id + "/activation")
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	@Test
	void theDefaultReadingIsProvenWhenUploaded() {
		long id = uploadShipped("default", "default-copy-" + System.nanoTime());
		assertThat(jdbc.queryForObject("SELECT proven FROM rule_set_proof WHERE version_id = ?", Boolean.class, id))
			.as("stored with the upload")
			.isTrue();

		JsonNode proof = get("/api/v1/rule-sets/" + id + "/proof");

		JsonNode summary = proof.get("summary");
		assertThat(summary.get("proven").asBoolean()).isTrue();
		assertThat(summary.get("monotone").asBoolean()).isTrue();
		assertThat(summary.get("cells").asInt()).isEqualTo(9477);
		assertThat(summary.get("unclassified").asInt()).isZero();
		assertThat(summary.get("notOneClass").asInt()).isZero();
		assertThat(summary.get("classes").get("DRUG_FREE").asInt()).isPositive();
		assertThat(summary.get("overlaps").get("TYPE_I>TYPE_I").asInt()).isPositive();
		assertThat(proof.get("counterexamples")).isEmpty();
		assertThat(proof.get("unclassified")).isEmpty();
	}

	@Test
	void theLiteralReadingsHolesAndCounterexamplesAreListedWithScenarioRows() {
		long id = uploadShipped("literal", "literal-proof-" + System.nanoTime());

		JsonNode proof = get("/api/v1/rule-sets/" + id + "/proof");

		assertThat(proof.get("summary").get("proven").asBoolean()).isFalse();
		assertThat(proof.get("summary").get("monotone").asBoolean()).isFalse();
		int holes = proof.get("summary").get("unclassified").asInt();
		assertThat(holes).isPositive();
		assertThat(proof.get("unclassified")).hasSize(holes);
		assertThat(proof.get("unclassified").get(0).get("scenarioRow").asString()).endsWith(",UNCLASSIFIED,");
		JsonNode first = proof.get("counterexamples").get(0);
		assertThat(first.get("scenarioRows").asString().split("\n")).hasSize(2);
		assertThat(proof.get("scenarioHeader").asString()).startsWith("scenario,commune_code,");
	}

	@Test
	void aVersionBreakingMonotonicityIsActivatedOnlyWithAnAnalystsAuditedReason() {
		long id = uploadShipped("literal", "literal-override-" + System.nanoTime());

		ResponseEntity<JsonNode> refused = activate("analyst", id, Map.of());
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getBody().get("title").asString()).isEqualTo("Rule set version not monotone");
		assertThat(refused.getBody().get("proof").get("counterexamples").asInt()).isPositive();
		ResponseEntity<JsonNode> notAnAnalyst = activate("admin", id, Map.of("overrideMonotonicity", "because"));
		assertThat(notAnAnalyst.getStatusCode()).as("an administrator is no analyst").isEqualTo(HttpStatus.CONFLICT);
		assertThat(get("/api/v1/rule-sets/" + id).get("status").asString()).isEqualTo("VALIDATED");

		ResponseEntity<JsonNode> activated = activate("analyst", id,
				Map.of("overrideMonotonicity", "the Ministry asked for the bands as written", "effectiveFrom", 2090));

		assertThat(activated.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(activated.getBody().get("status").asString()).isEqualTo("ACTIVE");
		JsonNode summary = get("/api/v1/rule-sets/" + id + "/proof").get("summary");
		assertThat(summary.get("overrideBy").asString()).isEqualTo("analyst");
		assertThat(summary.get("overrideReason").asString()).isEqualTo("the Ministry asked for the bands as written");
		String details = jdbc.queryForObject(
				"SELECT details FROM audit_entry WHERE subject = ? AND action = 'RULE_SET_MONOTONICITY_OVERRIDDEN'",
				String.class, "rule-set/" + id);
		assertThat(details).contains("the Ministry asked for the bands as written");
		assertThat(get("/api/v1/audit/verification").get("intact").asBoolean()).isTrue();
		http().post().uri("/api/v1/rule-sets/" + id + "/retirement").retrieve().toBodilessEntity();
	}

	@Test
	void aMonotoneVersionNeedsNoReason() {
		long id = uploadShipped("default", "default-monotone-" + System.nanoTime());
		ResponseEntity<JsonNode> activated = activate("analyst", id, Map.of("effectiveFrom", 2091));
		assertThat(activated.getStatusCode()).isEqualTo(HttpStatus.OK);
		http().post().uri("/api/v1/rule-sets/" + id + "/retirement").retrieve().toBodilessEntity();
	}

}
