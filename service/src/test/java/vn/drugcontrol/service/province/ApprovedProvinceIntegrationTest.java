package vn.drugcontrol.service.province;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;

import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.approval.ApprovalSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Once the People's Committee approves a province's list, the province reads it: Art. 5.4
 * (the share of type I and II communes) counts the approved classes, and the approved run
 * stands for its period even when a later run of the same rules exists.
 */
class ApprovedProvinceIntegrationTest extends DatabaseTest {

	private final ApprovalSteps steps = new ApprovalSteps(this::http);

	@Test
	void art54CountsTheApprovedClassesWithTheRecommendationBeside() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		JsonNode before = get("/api/v1/runs/" + run + "/province");
		long keyAreas = before.get("facts").get("typeIAndIICommunes").asLong();
		assertThat(before.get("onApprovedList").asBoolean()).isFalse();

		steps.approveWithOverride(run, ApprovalSteps.SON_LO, "TYPE_II");

		JsonNode after = get("/api/v1/runs/" + run + "/province");
		assertThat(after.get("onApprovedList").asBoolean()).isTrue();
		assertThat(after.get("facts").get("typeIAndIICommunes").asLong()).isEqualTo(keyAreas + 1);
		assertThat(after.get("recommendation").get("typeIAndIICommunes").asLong()).isEqualTo(keyAreas);
		assertThat(after.get("recommendation").get("classification").asString())
			.isEqualTo(before.get("classification").asString());
		JsonNode art54 = null;
		for (JsonNode e : after.get("evidence")) {
			if (e.get("criterionId").asString().equals("5.4")) {
				art54 = e;
			}
		}
		assertThat(art54.get("observed").asString()).as("the rule read the approved count")
			.contains((keyAreas + 1) + "/");
	}

	@Test
	void theApprovedRunStandsForItsPeriodWithItsApprovedCounts(@TempDir Path dir) throws Exception {
		long approved = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		JsonNode recommended = get("/api/v1/runs/" + approved).get("counts");
		steps.approveWithOverride(approved, ApprovalSteps.SON_LO, "TYPE_III");
		// corrected facts after the approval: a later run, not approved
		Path corrected = dir.resolve("cao-bang-2025-corrected.csv");
		Files.writeString(corrected,
				Files.readString(sample("cao-bang-2025.csv"), StandardCharsets.UTF_8)
					.replace("01273,Thục Phán,04,2025,36850,", "01273,Thục Phán,04,2025,36851,"),
				StandardCharsets.UTF_8);
		long later = upload(corrected).getBody().get("id").asLong();
		assertThat(later).isNotEqualTo(approved);

		JsonNode period = get("/api/v1/provinces/04/classifications").get("periods").get(0);
		assertThat(period.get("runId").asLong()).isEqualTo(approved);
		assertThat(period.get("drugFree").asInt()).isEqualTo(recommended.get("DRUG_FREE").asInt() - 1);
		assertThat(period.get("typeIII").asInt()).isEqualTo(recommended.get("TYPE_III").asInt() + 1);
	}

}
