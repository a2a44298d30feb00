package vn.drugcontrol.service.audit;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.RealDatabase;
import vn.drugcontrol.service.ruleset.Bundles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every change commits in one transaction with its audit entry: when the database refuses
 * the entry (a trigger on {@code audit_entry}, as a crash between the two would lose it),
 * the change is not made either — no version active without its
 * {@code RULE_SET_ACTIVATED} entry, none stored without its {@code RULE_SET_UPLOADED}, no
 * route without its {@code ROUTE_REGISTERED}. Over real HTTP, on the real database.
 */
class AuditAtomicityIntegrationTest extends DatabaseTest {

	/** The literal reading breaks monotonicity: an analyst activates it with a reason. */
	private static final Map<String, String> ANYWAY = Map.of("overrideMonotonicity", "the literal reading");

	private String trigger;

	/** The database refuses every audit entry of this action from now on. */
	private void refuseEntries(String action) {
		trigger = "refuse_" + action.toLowerCase();
		jdbc.execute(RealDatabase.H2 ? """
				CREATE TRIGGER %s BEFORE INSERT ON audit_entry FOR EACH ROW
				CALL 'vn.drugcontrol.service.audit.RefuseAuditAction'
				""".formatted(trigger) : """
				CREATE TRIGGER %s BEFORE INSERT ON audit_entry FOR EACH ROW
				BEGIN
				  IF NEW.action = '%s' THEN
				    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'refused by test';
				  END IF;
				END
				""".formatted(trigger, action));
	}

	@AfterEach
	void dropTrigger() {
		if (trigger != null) {
			jdbc.execute("DROP TRIGGER " + trigger);
			trigger = null;
		}
	}

	private long uploadLiteral(String name) {
		ResponseEntity<JsonNode> uploaded = postMultipart("/api/v1/rule-sets",
				Bundles.form(Bundles.shipped("literal"), "name", name));
		assertThat(uploaded.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		return uploaded.getBody().get("id").asLong();
	}

	private String status(long version) {
		return get("/api/v1/rule-sets/" + version).get("status").asString();
	}

	@Test
	void anActivationWhoseAuditEntryIsRefusedLeavesTheVersionInactive() {
		long candidate = uploadLiteral("literal-now");
		long byDefault = get("/api/v1/rule-sets/effective?period=2025").get("id").asLong();
		refuseEntries("RULE_SET_ACTIVATED");

		ResponseEntity<JsonNode> refused = postJson("/api/v1/rule-sets/" + candidate + "/activation", ANYWAY);

		assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(status(candidate)).as("no version active without its audit entry").isEqualTo("VALIDATED");
		assertThat(status(byDefault)).as("nor the version it would have superseded retired").isEqualTo("ACTIVE");
		assertThat(get("/api/v1/rule-sets/effective?period=2025").get("id").asLong()).isEqualTo(byDefault);
		assertThat(actions()).doesNotContain("RULE_SET_ACTIVATED");
		assertThat(get("/api/v1/audit/verification").get("intact").asBoolean()).isTrue();

		dropTrigger();
		assertThat(postJson("/api/v1/rule-sets/" + candidate + "/activation", ANYWAY).getStatusCode())
			.isEqualTo(HttpStatus.OK);
		assertThat(status(candidate)).isEqualTo("ACTIVE");
		assertThat(actions()).containsExactly("RULE_SET_UPLOADED", "RULE_SET_MONOTONICITY_OVERRIDDEN",
				"RULE_SET_ACTIVATED");
	}

	@Test
	void aRollbackWhoseAuditEntryIsRefusedLeavesTheVersionActive() {
		long candidate = uploadLiteral("literal-now");
		postJson("/api/v1/rule-sets/" + candidate + "/activation", ANYWAY);
		refuseEntries("RULE_SET_ROLLED_BACK");

		assertThat(
				postJson("/api/v1/rule-sets/" + candidate + "/retirement", Map.of()).getStatusCode().is2xxSuccessful())
			.isFalse();

		assertThat(status(candidate)).isEqualTo("ACTIVE");
		assertThat(actions()).containsExactly("RULE_SET_UPLOADED", "RULE_SET_MONOTONICITY_OVERRIDDEN",
				"RULE_SET_ACTIVATED");
	}

	@Test
	void anUploadWhoseAuditEntryIsRefusedStoresNoVersion() {
		get("/api/v1/rule-sets");
		int shipped = count("rule_set_version");
		refuseEntries("RULE_SET_UPLOADED");

		ResponseEntity<JsonNode> refused = postMultipart("/api/v1/rule-sets",
				Bundles.form(Bundles.shipped("literal"), "name", "literal-now"));

		assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(count("rule_set_version")).isEqualTo(shipped);
		dropTrigger();
		assertThat(uploadLiteral("literal-now")).isPositive();
		assertThat(actions()).containsExactly("RULE_SET_UPLOADED");
	}

	@Test
	void aRouteOrTargetWhoseAuditEntryIsRefusedIsNotStored() {
		refuseEntries("ROUTE_REGISTERED");
		ResponseEntity<JsonNode> refused = postJson("/api/v1/routes",
				Map.of("code", "CB-NT-09", "name", "Quốc lộ 3", "kind", "INTRA_PROVINCIAL", "approvedBy", "UBND tỉnh",
						"decisionNumber", "12/QĐ-UBND", "firstPeriod", 2025, "communes", List.of("01273")));
		assertThat(refused.getStatusCode().is2xxSuccessful()).isFalse();
		assertThat(count("key_route")).isZero();
		dropTrigger();

		refuseEntries("TARGET_SET");
		assertThat(http().put()
			.uri("/api/v1/targets/04/2026")
			.contentType(org.springframework.http.MediaType.APPLICATION_JSON)
			.body(Map.of("drugFreePercent", 40))
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.is2xxSuccessful()).isFalse();
		assertThat(count("drug_free_target")).isZero();
	}

	private List<String> actions() {
		return jdbc.queryForList("SELECT action FROM audit_entry ORDER BY id", String.class);
	}

}
