package vn.drugcontrol.service.commune;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;

import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.approval.ApprovalSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Other systems ask for a commune's class in a given year.
 */
class CommuneHistoryIntegrationTest extends DatabaseTest {

	@Test
	void aCommunesClassesAcrossPeriodsNewestFirst() {
		upload(sample("cao-bang-2024.csv"));
		upload(sample("cao-bang-2025.csv"));

		JsonNode history = get("/api/v1/communes/01360/classifications");

		assertThat(history.get("communeName").asString()).isEqualTo("Sơn Lộ");
		assertThat(history.get("provinceName").asString()).isEqualTo("Cao Bằng");
		JsonNode periods = history.get("classifications");
		assertThat(periods).hasSize(2);
		assertThat(periods.get(0).get("period").asInt()).isEqualTo(2025);
		assertThat(periods.get(0).get("classification").asString()).isEqualTo("DRUG_FREE");
		assertThat(periods.get(1).get("period").asInt()).isEqualTo(2024);
		assertThat(periods.get(0).has("onInterProvincialRoute")).isTrue();
	}

	@Test
	void eachPeriodShowsTheApprovedClassOnceApprovedWithTheRecommendationBeside() {
		upload(sample("cao-bang-2024.csv"));
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		new ApprovalSteps(this::http).approveWithOverride(run, ApprovalSteps.SON_LO, "TYPE_III");

		JsonNode periods = get("/api/v1/communes/01360/classifications").get("classifications");
		assertThat(periods.get(0).get("classification").asString()).isEqualTo("TYPE_III");
		assertThat(periods.get(0).get("recommendedClassification").asString()).isEqualTo("DRUG_FREE");
		assertThat(periods.get(0).get("approvedClassification").asString()).isEqualTo("TYPE_III");
		assertThat(periods.get(0).get("overridden").asBoolean()).isTrue();
		assertThat(periods.get(0).get("approvalStatus").asString()).isEqualTo("APPROVED");
		assertThat(periods.get(0).get("approvalDecisionNumber").asString()).isEqualTo(ApprovalSteps.DECISION_NUMBER);
		JsonNode draft = periods.get(1);
		assertThat(draft.get("approvalStatus").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("classification").asString()).isEqualTo(draft.get("recommendedClassification").asString());
		assertThat(draft.get("approvedClassification").isNull()).isTrue();
		assertThat(draft.get("approvalDecisionNumber").isNull()).isTrue();
	}

	@Test
	void oneYearOnly() {
		upload(sample("cao-bang-2024.csv"));
		upload(sample("cao-bang-2025.csv"));

		assertThat(get("/api/v1/communes/01360/classifications?period=2024").get("classifications")).hasSize(1);
	}

	@Test
	void anUnknownCodeIsNotFound() {
		assertThat(http().get()
			.uri("/api/v1/communes/99999/classifications")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

}
