package vn.drugcontrol.service.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.drugcontrol.service.assessment.AssessmentSteps.PERIOD;
import static vn.drugcontrol.service.assessment.AssessmentSteps.SON_LO;
import static vn.drugcontrol.service.assessment.AssessmentSteps.THUC_PHAN;

/**
 * A commune's self-assessment and the province's consolidation over the API: every
 * transition (draft, submit, return, resubmit, accept, correct, run) and every role
 * boundary (a commune user reaches its own commune only; an officer of another province
 * nothing of the board).
 */
class AssessmentIntegrationTest extends DatabaseTest {

	static final String THUC_PHAN_URI = "/api/v1/communes/" + THUC_PHAN + "/assessments/" + PERIOD;

	static final String SON_LO_URI = "/api/v1/communes/" + SON_LO + "/assessments/" + PERIOD;

	static final String BOARD_URI = "/api/v1/provinces/04/assessments?period=" + PERIOD;

	@Test
	void aCommuneSavesADraftSeesItsProvisionalClassAndSubmitsIt() {
		ResponseEntity<JsonNode> draft = send(COMMUNE_THUC_PHAN, HttpMethod.PUT, THUC_PHAN_URI,
				AssessmentSteps.thucPhan());
		assertThat(draft.getStatusCode().value()).as(String.valueOf(draft.getBody())).isEqualTo(200);
		assertThat(draft.getBody().at("/assessment/status").asString()).isEqualTo("DRAFT");
		assertThat(draft.getBody().at("/problems")).isEmpty();
		// the provisional class is the sample run's: type I, with its evidence and gaps
		assertThat(draft.getBody().at("/provisional/classification").asString()).isEqualTo("TYPE_I");
		assertThat(draft.getBody().at("/provisional/evidence")).hasSize(16);
		assertThat(draft.getBody().at("/provisional/gaps")).isNotEmpty();

		ResponseEntity<JsonNode> submitted = send(COMMUNE_THUC_PHAN, HttpMethod.POST, THUC_PHAN_URI + "/submission",
				null);
		assertThat(submitted.getStatusCode().value()).as(String.valueOf(submitted.getBody())).isEqualTo(200);
		JsonNode a = submitted.getBody().get("assessment");
		assertThat(a.get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(a.get("submissions")).hasSize(1);
		assertThat(a.at("/submissions/0/submittedBy").asString()).isEqualTo(COMMUNE_THUC_PHAN);
		assertThat(a.at("/submissions/0/submittedAt").isNull()).isFalse();
		assertThat(a.at("/submissions/0/values/population").asString()).isEqualTo("36850");
		assertThat(audit("ASSESSMENT_SUBMITTED")).containsExactly(COMMUNE_THUC_PHAN + " assessment:01273/2025");

		// submitted: the commune can no longer change it
		assertThat(send(COMMUNE_THUC_PHAN, HttpMethod.PUT, THUC_PHAN_URI, AssessmentSteps.thucPhan()).getStatusCode()
			.value()).isEqualTo(409);
	}

	@Test
	void figuresAreCheckedAsAnImportChecksThemAndNothingIsSubmittedWhileOneIsWrong() {
		Map<String, String> wrong = new LinkedHashMap<>(AssessmentSteps.sonLo());
		wrong.put("population", "0");
		wrong.put("managedUsers", "1");
		wrong.put("arrestedOffenders", "-3");
		ResponseEntity<JsonNode> draft = send(COMMUNE_SON_LO, HttpMethod.PUT, SON_LO_URI, wrong);
		assertThat(draft.getStatusCode().value()).isEqualTo(200);
		assertThat(draft.getBody().get("provisional").isNull()).isTrue();
		assertThat(draft.getBody().get("problems").valueStream().map(p -> p.get("column").asString()).toList())
			.contains("population", "managedUsers", "arrestedOffenders");

		ResponseEntity<JsonNode> refused = send(COMMUNE_SON_LO, HttpMethod.POST, SON_LO_URI + "/submission", null);
		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody().get("title").asString()).isEqualTo("Facts rejected");
		assertThat(refused.getBody().get("errors").toString()).contains("must be a whole number greater than 0");
		assertThat(get(SON_LO_URI).at("/assessment/status").asString()).isEqualTo("DRAFT");
		assertThat(count("commune_assessment_submission")).isZero();
	}

	@Test
	void aRouteFactThatContradictsTheKeyRouteRegistryIsRefusedAtSubmissionAsARunWouldRefuseIt() throws Exception {
		assertThat(postJson("/api/v1/routes",
				java.nio.file.Files.readString(sample("cao-bang-routes.json"), java.nio.charset.StandardCharsets.UTF_8))
			.getStatusCode()
			.value()).isEqualTo(201);
		Map<String, String> onARoute = new LinkedHashMap<>(AssessmentSteps.sonLo());
		onARoute.put("onIntraProvincialRoute", "true");
		send(COMMUNE_SON_LO, HttpMethod.PUT, SON_LO_URI, onARoute);

		ResponseEntity<JsonNode> refused = send(COMMUNE_SON_LO, HttpMethod.POST, SON_LO_URI + "/submission", null);
		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getBody().at("/errors/0/column").asString()).isEqualTo("onIntraProvincialRoute");
		assertThat(get(SON_LO_URI).at("/assessment/status").asString()).isEqualTo("DRAFT");
	}

	@Test
	void theProvinceReturnsASubmissionWithAReasonTheCommuneResubmitsAndTheProvinceAcceptsIt() {
		draftAndSubmit(COMMUNE_SON_LO, SON_LO_URI, AssessmentSteps.sonLo());

		assertThat(send("officer-04", HttpMethod.POST, SON_LO_URI + "/return", Map.of()).getStatusCode().value())
			.as("a reason is required")
			.isEqualTo(400);
		ResponseEntity<JsonNode> returned = send("officer-04", HttpMethod.POST, SON_LO_URI + "/return",
				Map.of("reason", "Số người vi phạm chưa khớp với báo cáo của huyện"));
		assertThat(returned.getStatusCode().value()).as(String.valueOf(returned.getBody())).isEqualTo(200);
		assertThat(returned.getBody().at("/assessment/status").asString()).isEqualTo("RETURNED");
		assertThat(returned.getBody().at("/assessment/returnReason").asString()).startsWith("Số người vi phạm");

		Map<String, String> fixed = new LinkedHashMap<>(AssessmentSteps.sonLo());
		fixed.put("residentViolators", "1");
		assertThat(
				send(COMMUNE_SON_LO, HttpMethod.PUT, SON_LO_URI, fixed).getBody().at("/assessment/status").asString())
			.as("a returned assessment stays returned while the commune edits it")
			.isEqualTo("RETURNED");
		assertThat(send(COMMUNE_SON_LO, HttpMethod.POST, SON_LO_URI + "/submission", null).getStatusCode().value())
			.isEqualTo(200);

		ResponseEntity<JsonNode> accepted = send("officer-04", HttpMethod.POST, SON_LO_URI + "/acceptance", null);
		assertThat(accepted.getStatusCode().value()).isEqualTo(200);
		JsonNode a = accepted.getBody().get("assessment");
		assertThat(a.get("status").asString()).isEqualTo("ACCEPTED");
		assertThat(a.get("submissions")).hasSize(2);
		assertThat(a.at("/submissions/0/outcome").asString()).isEqualTo("RETURNED");
		assertThat(a.at("/submissions/0/decidedBy").asString()).isEqualTo("officer-04");
		assertThat(a.at("/submissions/1/outcome").asString()).isEqualTo("ACCEPTED");
		assertThat(a.at("/submissions/1/values/residentViolators").asString()).isEqualTo("1");
		// with a resident violator, Sơn Lộ is no longer drug-free (Art. 6.2)
		assertThat(accepted.getBody().at("/provisional/classification").asString()).isNotEqualTo("DRUG_FREE");
		assertThat(audit("ASSESSMENT_RETURNED")).containsExactly("officer-04 assessment:01360/2025");
		assertThat(audit("ASSESSMENT_ACCEPTED")).containsExactly("officer-04 assessment:01360/2025");

		// accepted: neither returned nor accepted again, nor changed by the commune
		assertThat(send("officer-04", HttpMethod.POST, SON_LO_URI + "/acceptance", null).getStatusCode().value())
			.isEqualTo(409);
		assertThat(send(COMMUNE_SON_LO, HttpMethod.POST, SON_LO_URI + "/submission", null).getStatusCode().value())
			.isEqualTo(409);
	}

	@Test
	void onlyASubmittedAssessmentIsReturnedOrAccepted() {
		assertThat(send("officer-04", HttpMethod.POST, SON_LO_URI + "/acceptance", null).getStatusCode().value())
			.isEqualTo(409);
		send(COMMUNE_SON_LO, HttpMethod.PUT, SON_LO_URI, AssessmentSteps.sonLo());
		assertThat(send("officer-04", HttpMethod.POST, SON_LO_URI + "/return", Map.of("reason", "Thiếu số liệu"))
			.getStatusCode()
			.value()).isEqualTo(409);
		assertThat(
				send(COMMUNE_THUC_PHAN, HttpMethod.POST, THUC_PHAN_URI + "/submission", null).getStatusCode().value())
			.as("nothing saved yet")
			.isEqualTo(409);
	}

	@Test
	void aProvinceOfficerCorrectsAFigureWithAReasonAuditedWithTheOldAndNewValue() {
		draftAndSubmit(COMMUNE_SON_LO, SON_LO_URI, AssessmentSteps.sonLo());
		assertThat(send("officer-04", HttpMethod.POST, SON_LO_URI + "/corrections",
				Map.of("field", "population", "value", "0", "reason", "Sai"))
			.getStatusCode()
			.value()).as("a correction must leave valid figures").isEqualTo(422);
		ResponseEntity<JsonNode> corrected = send("officer-04", HttpMethod.POST, SON_LO_URI + "/corrections",
				Map.of("field", "population", "value", "5320", "reason", "Số liệu dân số theo niên giám 2025"));
		assertThat(corrected.getStatusCode().value()).as(String.valueOf(corrected.getBody())).isEqualTo(200);
		JsonNode a = corrected.getBody().get("assessment");
		assertThat(a.at("/values/population").asString()).isEqualTo("5320");
		assertThat(a.at("/corrections/0/oldValue").asString()).isEqualTo("5230");
		assertThat(a.at("/corrections/0/newValue").asString()).isEqualTo("5320");
		assertThat(a.at("/corrections/0/correctedBy").asString()).isEqualTo("officer-04");
		assertThat(a.at("/submissions/0/values/population").asString()).as("the submission stays as submitted")
			.isEqualTo("5230");
		String details = jdbc.queryForObject(
				"SELECT details FROM audit_entry WHERE action = 'ASSESSMENT_CORRECTED' AND subject = ?", String.class,
				"assessment:01360/2025");
		assertThat(details).contains("\"oldValue\":\"5230\"", "\"newValue\":\"5320\"",
				"\"reason\":\"Số liệu dân số theo niên giám 2025\"", "\"field\":\"population\"");
		assertThat(get("/api/v1/audit/verification").get("intact").asBoolean()).isTrue();
		assertThat(send(COMMUNE_SON_LO, HttpMethod.POST, SON_LO_URI + "/corrections",
				Map.of("field", "population", "value", "1", "reason", "x"))
			.getStatusCode()
			.value()).as("only the province corrects").isEqualTo(403);
	}

	@Test
	void theProvinceRunsFromTheAcceptedSubmissionsAndTheRunCoversTheWholeProvince() {
		assertThat(send("officer-04", HttpMethod.POST, "/api/v1/provinces/04/assessments/" + PERIOD + "/run", null)
			.getStatusCode()
			.value()).as("nothing accepted yet").isEqualTo(409);
		draftAndSubmit(COMMUNE_THUC_PHAN, THUC_PHAN_URI, AssessmentSteps.thucPhan());
		draftAndSubmit(COMMUNE_SON_LO, SON_LO_URI, AssessmentSteps.sonLo());
		send("officer-04", HttpMethod.POST, THUC_PHAN_URI + "/acceptance", null);
		send("officer-04", HttpMethod.POST, SON_LO_URI + "/acceptance", null);

		ResponseEntity<JsonNode> started = send("officer-04", HttpMethod.POST,
				"/api/v1/provinces/04/assessments/" + PERIOD + "/run", null);
		assertThat(started.getStatusCode().value()).as(String.valueOf(started.getBody())).isEqualTo(201);
		long run = started.getBody().get("runId").asLong();
		JsonNode stored = get("/api/v1/runs/" + run);
		assertThat(stored.get("communeCount").asInt()).isEqualTo(2);
		assertThat(stored.get("startedBy").asString()).isEqualTo("officer-04");
		// the decisions are those of the sample's whole-file run for the same rows
		long sample = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		for (String commune : List.of(THUC_PHAN, SON_LO)) {
			JsonNode fromAssessment = decision(run, commune);
			JsonNode fromFile = decision(sample, commune);
			assertThat(fromAssessment.get("classification").asString()).as(commune)
				.isEqualTo(fromFile.get("classification").asString());
			assertThat(fromAssessment.get("facts")).as(commune).isEqualTo(fromFile.get("facts"));
		}
		// the other 54 units of Cao Bằng have no accepted figures: the province's class
		// waits for them (Art. 5, 6 concern the whole province)
		JsonNode province = get("/api/v1/runs/" + run + "/province");
		assertThat(province.get("classification").asString()).isEqualTo("INCOMPLETE");
		assertThat(province.get("missingUnits").toString()).doesNotContain(THUC_PHAN).contains("01339");
	}

	@Test
	void theBoardShowsEveryCommuneLevelUnitOfTheProvinceWithItsStatus() {
		draftAndSubmit(COMMUNE_THUC_PHAN, THUC_PHAN_URI, AssessmentSteps.thucPhan());
		send(COMMUNE_SON_LO, HttpMethod.PUT, SON_LO_URI, AssessmentSteps.sonLo());
		JsonNode board = http("officer-04").get().uri(BOARD_URI).retrieve().body(JsonNode.class);
		assertThat(board.get("rows")).hasSize(56);
		assertThat(status(board, THUC_PHAN)).isEqualTo("SUBMITTED");
		assertThat(status(board, SON_LO)).isEqualTo("DRAFT");
		assertThat(status(board, "01339")).isEqualTo("NOT_STARTED");
		assertThat(board.at("/counts/NOT_STARTED").asInt()).isEqualTo(54);
		assertThat(http("approver-04").get().uri(BOARD_URI).retrieve().toEntity(String.class).getStatusCode().value())
			.isEqualTo(200);
	}

	@Test
	void aCommuneUserReachesItsOwnCommuneOnlyAndNothingElseOfTheProvince() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		draftAndSubmit(COMMUNE_SON_LO, SON_LO_URI, AssessmentSteps.sonLo());

		// another commune's assessment: neither read nor written
		assertThat(status(COMMUNE_THUC_PHAN, HttpMethod.GET, SON_LO_URI, null)).isEqualTo(403);
		assertThat(status(COMMUNE_THUC_PHAN, HttpMethod.PUT, SON_LO_URI, AssessmentSteps.sonLo())).isEqualTo(403);
		assertThat(status(COMMUNE_THUC_PHAN, HttpMethod.POST, SON_LO_URI + "/submission", null)).isEqualTo(403);
		// the province's board, its runs, decisions, reports, the audit trail
		assertThat(status(COMMUNE_SON_LO, HttpMethod.GET, BOARD_URI, null)).isEqualTo(403);
		assertThat(status(COMMUNE_SON_LO, HttpMethod.GET, "/api/v1/runs/" + run, null)).isEqualTo(403);
		assertThat(status(COMMUNE_SON_LO, HttpMethod.GET, "/api/v1/provinces/04/classifications", null)).isEqualTo(403);
		assertThat(status(COMMUNE_SON_LO, HttpMethod.GET, "/api/v1/communes/" + THUC_PHAN + "/classifications", null))
			.isEqualTo(403);
		assertThat(status(COMMUNE_SON_LO, HttpMethod.GET, "/api/v1/audit/entries", null)).isEqualTo(403);
		assertThat(http(COMMUNE_SON_LO).get().uri("/api/v1/runs").retrieve().body(JsonNode.class)).isEmpty();
		// nor does it act for the province
		assertThat(status(COMMUNE_SON_LO, HttpMethod.POST, SON_LO_URI + "/acceptance", null)).isEqualTo(403);
		assertThat(status(COMMUNE_SON_LO, HttpMethod.POST, "/api/v1/provinces/04/assessments/" + PERIOD + "/run", null))
			.isEqualTo(403);
		assertThat(status(COMMUNE_SON_LO, HttpMethod.POST, "/api/v1/runs", null)).isEqualTo(403);
		// its own: read, and its own commune's classes across periods
		assertThat(status(COMMUNE_SON_LO, HttpMethod.GET, SON_LO_URI, null)).isEqualTo(200);
		assertThat(status(COMMUNE_SON_LO, HttpMethod.GET, "/api/v1/communes/" + SON_LO + "/classifications", null))
			.isEqualTo(200);
		assertThat(get(SON_LO_URI).at("/assessment/status").asString()).isEqualTo("SUBMITTED");
	}

	@Test
	void provinceUsersConsolidateButDoNotEnterACommunesFiguresAndOtherProvincesSeeNothing() {
		draftAndSubmit(COMMUNE_SON_LO, SON_LO_URI, AssessmentSteps.sonLo());
		// the province's officer reads it, but the figures are the commune's to enter
		assertThat(status("officer-04", HttpMethod.GET, SON_LO_URI, null)).isEqualTo(200);
		assertThat(status("officer-04", HttpMethod.PUT, THUC_PHAN_URI, AssessmentSteps.thucPhan())).isEqualTo(403);
		// an approver reads the board but does not accept: the police consolidate
		assertThat(status("approver-04", HttpMethod.POST, SON_LO_URI + "/acceptance", null)).isEqualTo(403);
		// another province's users: nothing of Cao Bằng's
		assertThat(status("officer-01", HttpMethod.GET, BOARD_URI, null)).isEqualTo(403);
		assertThat(status("approver-01", HttpMethod.GET, BOARD_URI, null)).isEqualTo(403);
		assertThat(status("officer-01", HttpMethod.GET, SON_LO_URI, null)).isEqualTo(403);
		assertThat(status("officer-01", HttpMethod.POST, SON_LO_URI + "/acceptance", null)).isEqualTo(403);
		assertThat(status("officer-01", HttpMethod.POST, SON_LO_URI + "/return", Map.of("reason", "x"))).isEqualTo(403);
		assertThat(status("officer-01", HttpMethod.POST, "/api/v1/provinces/04/assessments/" + PERIOD + "/run", null))
			.isEqualTo(403);
		assertThat(get(SON_LO_URI).at("/assessment/status").asString()).isEqualTo("SUBMITTED");
		// national readers read it
		assertThat(status("viewer", HttpMethod.GET, BOARD_URI, null)).isEqualTo(200);
	}

	private void draftAndSubmit(String user, String uri, Map<String, String> figures) {
		ResponseEntity<JsonNode> draft = send(user, HttpMethod.PUT, uri, figures);
		assertThat(draft.getStatusCode().value()).as(String.valueOf(draft.getBody())).isEqualTo(200);
		ResponseEntity<JsonNode> submitted = send(user, HttpMethod.POST, uri + "/submission", null);
		assertThat(submitted.getStatusCode().value()).as(String.valueOf(submitted.getBody())).isEqualTo(200);
	}

	private ResponseEntity<JsonNode> send(String user, HttpMethod method, String uri, Object body) {
		var request = http(user).method(method).uri(uri);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.retrieve().toEntity(JsonNode.class);
	}

	private int status(String user, HttpMethod method, String uri, Object body) {
		var request = http(user).method(method).uri(uri);
		if (body != null) {
			request.contentType(MediaType.APPLICATION_JSON).body(body);
		}
		return request.retrieve().toEntity(String.class).getStatusCode().value();
	}

	private JsonNode decision(long run, String commune) {
		for (JsonNode d : get("/api/v1/runs/" + run + "/decisions")) {
			if (commune.equals(d.get("communeCode").asString())) {
				return get("/api/v1/decisions/" + d.get("id").asLong());
			}
		}
		throw new AssertionError("no decision of " + commune + " in run " + run);
	}

	private static String status(JsonNode board, String commune) {
		for (JsonNode row : board.get("rows")) {
			if (commune.equals(row.get("communeCode").asString())) {
				return row.get("status").asString();
			}
		}
		throw new AssertionError("no row of " + commune);
	}

	private List<String> audit(String action) {
		return jdbc.queryForList("SELECT CONCAT(actor, ' ', subject) FROM audit_entry WHERE action = ? ORDER BY id",
				String.class, action);
	}

}
