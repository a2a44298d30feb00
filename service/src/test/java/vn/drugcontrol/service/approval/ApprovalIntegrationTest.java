package vn.drugcontrol.service.approval;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The People's Committee's approval over real HTTP: submit, override under dual control,
 * approve with the decision's number and date; the approved class is what other systems
 * read; an approved run is read-only; a returned run can be submitted again.
 */
class ApprovalIntegrationTest extends DatabaseTest {

	private final ApprovalSteps steps = new ApprovalSteps(this::http);

	static final String REASON = "Xã giáp biên giới, có điểm \"nóng\" mới phát hiện; đề nghị giữ 'loại III' — O'Neil";

	static final String DECISION_NUMBER = "125/QĐ-UBND \"đợt 2\"";

	@Test
	void submittedOverriddenConfirmedApprovedAndReadByOtherSystems() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		assertThat(
				post("officer-04", "/api/v1/runs/" + run + "/submission", Map.of()).getBody().get("status").asString())
			.isEqualTo("SUBMITTED");

		ResponseEntity<JsonNode> proposed = post("approver-04", "/api/v1/runs/" + run + "/overrides",
				Map.of("communeCode", "01360", "approvedClass", "TYPE_III", "reason", REASON));
		assertThat(proposed.getStatusCode().value()).isEqualTo(201);
		long override = proposed.getBody().get("id").asLong();
		assertThat(proposed.getBody().get("recommendedClass").asString()).isEqualTo("DRUG_FREE");

		assertThat(post("approver-04", "/api/v1/runs/" + run + "/approval",
				Map.of("decisionNumber", DECISION_NUMBER, "decisionDate", "2025-12-20"))
			.getStatusCode()
			.value()).as("an unconfirmed override blocks the approval").isEqualTo(409);
		ResponseEntity<JsonNode> self = post("approver-04", "/api/v1/overrides/" + override + "/confirmation",
				Map.of());
		assertThat(self.getStatusCode().value()).as("dual control").isEqualTo(403);
		assertThat(self.getBody().get("detail").asString()).contains("second approver");
		assertThat(post("approver-04b", "/api/v1/overrides/" + override + "/confirmation", Map.of()).getBody()
			.get("confirmedBy")
			.asString()).isEqualTo("approver-04b");

		JsonNode approved = post("approver-04", "/api/v1/runs/" + run + "/approval",
				Map.of("decisionNumber", DECISION_NUMBER, "decisionDate", "2025-12-20"))
			.getBody();
		assertThat(approved.get("status").asString()).isEqualTo("APPROVED");
		assertThat(approved.get("decisionNumber").asString()).isEqualTo(DECISION_NUMBER);

		JsonNode history = get("/api/v1/communes/01360/classifications?period=2025").get("classifications").get(0);
		assertThat(history.get("classification").asString()).as("the approved class").isEqualTo("TYPE_III");
		assertThat(history.get("recommendedClassification").asString()).isEqualTo("DRUG_FREE");
		assertThat(history.get("approvedClassification").asString()).isEqualTo("TYPE_III");
		assertThat(history.get("overridden").asBoolean()).isTrue();
		assertThat(history.get("overrideReason").asString()).isEqualTo(REASON);
		assertThat(history.get("approvalDecisionNumber").asString()).isEqualTo(DECISION_NUMBER);
		JsonNode untouched = get("/api/v1/communes/01273/classifications?period=2025").get("classifications").get(0);
		assertThat(untouched.get("approvedClassification").asString()).isEqualTo("TYPE_I");

		// read-only once approved
		assertThat(post("approver-04", "/api/v1/runs/" + run + "/overrides",
				Map.of("communeCode", "01273", "approvedClass", "TYPE_II", "reason", "late"))
			.getStatusCode()
			.value()).isEqualTo(409);
		assertThat(post("approver-04", "/api/v1/runs/" + run + "/return", Map.of("reason", "late")).getStatusCode()
			.value()).isEqualTo(409);
		assertThat(post("officer-04", "/api/v1/runs/" + run + "/submission", Map.of()).getStatusCode().value())
			.isEqualTo(409);
		assertThat(count("decision")).isEqualTo(56);
	}

	@Test
	void aDraftRunHasNoApprovedClassAndAReturnedRunCanBeSubmittedAgain() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		JsonNode draft = get("/api/v1/communes/01360/classifications").get("classifications").get(0);
		assertThat(draft.get("approvalStatus").asString()).isEqualTo("DRAFT");
		assertThat(draft.get("approvedClassification").isNull()).isTrue();

		post("officer-04", "/api/v1/runs/" + run + "/submission", Map.of());
		ResponseEntity<JsonNode> noReason = post("approver-04", "/api/v1/runs/" + run + "/return",
				Map.of("reason", " "));
		assertThat(noReason.getStatusCode().value()).isEqualTo(400);
		JsonNode returned = post("approver-04", "/api/v1/runs/" + run + "/return",
				Map.of("reason", "Thiếu số liệu xã Sơn Lộ'; DROP TABLE decision; --"))
			.getBody();
		assertThat(returned.get("status").asString()).isEqualTo("RETURNED");
		assertThat(get("/api/v1/runs/" + run + "/approval").get("approval").get("returnReason").asString())
			.isEqualTo("Thiếu số liệu xã Sơn Lộ'; DROP TABLE decision; --");
		assertThat(
				post("officer-04", "/api/v1/runs/" + run + "/submission", Map.of()).getBody().get("status").asString())
			.isEqualTo("SUBMITTED");
		assertThat(count("decision")).isEqualTo(56);
	}

	@Test
	void oneApprovedRunPerProvinceAndPeriodAndNoOverrideEqualToTheRecommendation() {
		long first = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		long literal = upload(sample("cao-bang-2025.csv"), "ruleSet", "literal").getBody().get("id").asLong();
		for (long run : new long[] { first, literal }) {
			post("officer-04", "/api/v1/runs/" + run + "/submission", Map.of());
		}
		assertThat(post("approver-04", "/api/v1/runs/" + first + "/overrides",
				Map.of("communeCode", "01360", "approvedClass", "DRUG_FREE", "reason", "same"))
			.getStatusCode()
			.value()).isEqualTo(400);
		assertThat(post("approver-04", "/api/v1/runs/" + first + "/approval", Map.of("decisionDate", "2025-12-20"))
			.getStatusCode()
			.value()).as("the decision number is required").isEqualTo(400);
		post("approver-04", "/api/v1/runs/" + first + "/approval",
				Map.of("decisionNumber", "1/QĐ", "decisionDate", "2025-12-20"));

		ResponseEntity<JsonNode> second = post("approver-04", "/api/v1/runs/" + literal + "/approval",
				Map.of("decisionNumber", "2/QĐ", "decisionDate", "2025-12-21"));
		assertThat(second.getStatusCode().value()).isEqualTo(409);
		assertThat(second.getBody().get("detail").asString()).contains("already approved");
	}

	@Test
	void overridesReportByRuleAndCriterionAsJsonAndXlsx() throws Exception {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		post("officer-04", "/api/v1/runs/" + run + "/submission", Map.of());
		long id = post("approver-04", "/api/v1/runs/" + run + "/overrides",
				Map.of("communeCode", "01360", "approvedClass", "TYPE_III", "reason", "=HYPERLINK(\"x\")"))
			.getBody()
			.get("id")
			.asLong();
		post("approver-04b", "/api/v1/overrides/" + id + "/confirmation", Map.of());

		JsonNode report = get("/api/v1/overrides/report");
		assertThat(report.get("overrides").asInt()).isEqualTo(1);
		assertThat(report.get("confirmed").asInt()).isEqualTo(1);
		assertThat(report.get("byRule").get(0).get("key").asString()).startsWith("Art. 6");
		assertThat(report.get("byCriterion").findValuesAsString("key")).contains("6.1");

		byte[] xlsx = http().get().uri("/api/v1/overrides/report?format=xlsx").retrieve().body(byte[].class);
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
			var reason = book.getSheet("Overrides").getRow(1).getCell(10);
			assertThat(reason.getCellType()).as("text, never a formula")
				.isEqualTo(org.apache.poi.ss.usermodel.CellType.STRING);
			assertThat(reason.getStringCellValue()).isEqualTo("=HYPERLINK(\"x\")");
		}
	}

	/**
	 * The report once held its query's connection open (a stream never closed): after as
	 * many reads as the pool has connections, every request waited 30 s and failed.
	 */
	@Test
	void theOverridesReportCanBeReadMoreTimesThanThePoolHasConnections() {
		int pool = 10;
		for (int i = 0; i <= pool + 1; i++) {
			assertThat(
					http().get().uri("/api/v1/overrides/report").retrieve().toBodilessEntity().getStatusCode().value())
				.as("read %d", i + 1)
				.isEqualTo(200);
		}
	}

	@Test
	void anApprovedRunCountsListsAndFiltersByTheApprovedClassWithTheRecommendationBeside() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		JsonNode recommended = get("/api/v1/runs/" + run).get("counts");
		steps.submitWithOverride(run, ApprovalSteps.SON_LO, "TYPE_III");

		JsonNode submitted = get("/api/v1/runs/" + run);
		assertThat(submitted.get("counts")).as("a confirmed override counts once approved").isEqualTo(recommended);
		assertThat(submitted.get("approval").get("status").asString()).isEqualTo("SUBMITTED");
		assertThat(communes(run, "DRUG_FREE")).contains(ApprovalSteps.SON_LO);

		steps.approve(run);
		JsonNode approved = get("/api/v1/runs/" + run);
		assertThat(approved.get("counts").get("DRUG_FREE").asInt()).isEqualTo(recommended.get("DRUG_FREE").asInt() - 1);
		assertThat(approved.get("counts").get("TYPE_III").asInt()).isEqualTo(recommended.get("TYPE_III").asInt() + 1);
		assertThat(approved.get("recommendedCounts")).isEqualTo(recommended);
		assertThat(approved.get("approval").get("decisionNumber").asString()).isEqualTo(ApprovalSteps.DECISION_NUMBER);
		assertThat(approved.get("approval").get("decisionDate").asString()).isEqualTo("2025-12-20");
		assertThat(get("/api/v1/runs?province=04").get(0).get("counts")).isEqualTo(approved.get("counts"));

		assertThat(communes(run, "DRUG_FREE")).doesNotContain(ApprovalSteps.SON_LO)
			.hasSize(recommended.get("DRUG_FREE").asInt() - 1);
		JsonNode typeIII = get("/api/v1/runs/" + run + "/decisions?classification=TYPE_III");
		assertThat(typeIII).hasSize(recommended.get("TYPE_III").asInt() + 1);
		JsonNode sonLo = line(typeIII, ApprovalSteps.SON_LO);
		assertThat(sonLo.get("classification").asString()).isEqualTo("TYPE_III");
		assertThat(sonLo.get("recommendedClassification").asString()).isEqualTo("DRUG_FREE");
		assertThat(sonLo.get("overrideReason").asString()).isEqualTo(ApprovalSteps.REASON);
		JsonNode untouched = line(get("/api/v1/runs/" + run + "/decisions?classification=TYPE_I"), "01273");
		assertThat(untouched.get("recommendedClassification").asString()).isEqualTo("TYPE_I");
		assertThat(untouched.get("overrideReason").isNull()).isTrue();
	}

	@Test
	void theDecisionHeadlinesTheApprovedClassOnceApproved() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		long decision = line(get("/api/v1/runs/" + run + "/decisions"), ApprovalSteps.SON_LO).get("id").asLong();
		steps.submitWithOverride(run, ApprovalSteps.SON_LO, "TYPE_III");

		JsonNode before = get("/api/v1/decisions/" + decision);
		assertThat(before.get("classification").asString()).isEqualTo("DRUG_FREE");
		assertThat(before.get("approvedClassification").isNull()).isTrue();
		assertThat(before.get("approval").get("status").asString()).isEqualTo("SUBMITTED");

		steps.approve(run);
		JsonNode after = get("/api/v1/decisions/" + decision);
		assertThat(after.get("classification").asString()).isEqualTo("TYPE_III");
		assertThat(after.get("classificationVi").asString()).isEqualTo("Loại III");
		assertThat(after.get("recommendedClassification").asString()).isEqualTo("DRUG_FREE");
		assertThat(after.get("approvedClassification").asString()).isEqualTo("TYPE_III");
		assertThat(after.get("overrideReason").asString()).isEqualTo(ApprovalSteps.REASON);
		assertThat(after.get("approval").get("decisionNumber").asString()).isEqualTo(ApprovalSteps.DECISION_NUMBER);
		assertThat(after.get("criteriaMet")).as("the evidence is the rules'").isEqualTo(before.get("criteriaMet"));
	}

	@Test
	void otherSystemsAskForACommunesApprovedClassForAYear() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		ResponseEntity<JsonNode> draft = http().get()
			.uri("/api/v1/communes/01360/approved-class?period=2025")
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(draft.getStatusCode().value()).as("no approved list yet").isEqualTo(404);
		steps.approveWithOverride(run, ApprovalSteps.SON_LO, "TYPE_III");
		upload(sample("cao-bang-2025.csv"), "ruleSet", "literal");

		JsonNode sonLo = get("/api/v1/communes/01360/approved-class?period=2025");
		assertThat(sonLo.get("approvedClass").asString()).isEqualTo("TYPE_III");
		assertThat(sonLo.get("recommendedClass").asString()).isEqualTo("DRUG_FREE");
		assertThat(sonLo.get("overridden").asBoolean()).isTrue();
		assertThat(sonLo.get("overrideReason").asString()).isEqualTo(ApprovalSteps.REASON);
		assertThat(sonLo.get("runId").asLong()).isEqualTo(run);
		assertThat(sonLo.get("approvalDecisionNumber").asString()).isEqualTo(ApprovalSteps.DECISION_NUMBER);
		assertThat(sonLo.get("approvalDecisionDate").asString()).isEqualTo("2025-12-20");
		assertThat(sonLo.has("onInterProvincialRoute")).isTrue();
		JsonNode thucPhan = get("/api/v1/communes/01273/approved-class?period=2025");
		assertThat(thucPhan.get("approvedClass").asString()).isEqualTo("TYPE_I");
		assertThat(thucPhan.get("overridden").asBoolean()).isFalse();
		assertThat(http().get()
			.uri("/api/v1/communes/01360/approved-class?period=2024")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()
			.value()).isEqualTo(404);
	}

	private List<String> communes(long run, String classification) {
		return get("/api/v1/runs/" + run + "/decisions?classification=" + classification)
			.findValuesAsString("communeCode");
	}

	private static JsonNode line(JsonNode decisions, String communeCode) {
		for (JsonNode d : decisions) {
			if (d.get("communeCode").asString().equals(communeCode)) {
				return d;
			}
		}
		throw new AssertionError("no commune " + communeCode + " in " + decisions);
	}

	@Test
	void twoApproversConfirmingAtOnceConfirmItOnceWithOneAuditEntry() throws Exception {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		post("officer-04", "/api/v1/runs/" + run + "/submission", Map.of());
		List<Long> overrides = new ArrayList<>();
		// eight communes, each overridden to a class other than its own
		for (JsonNode decision : List.copyOf(get("/api/v1/runs/" + run + "/decisions").valueStream().toList())
			.subList(0, 8)) {
			String approvedClass = decision.get("classification").asString().equals("TYPE_III") ? "TYPE_II"
					: "TYPE_III";
			overrides.add(post("approver-04", "/api/v1/runs/" + run + "/overrides", Map.of("communeCode",
					decision.get("communeCode").asString(), "approvedClass", approvedClass, "reason", "Xác minh lại"))
				.getBody()
				.get("id")
				.asLong());
		}
		ExecutorService approvers = Executors.newFixedThreadPool(2);
		try {
			for (long override : overrides) {
				CyclicBarrier together = new CyclicBarrier(2);
				List<Future<Integer>> answers = new ArrayList<>();
				for (String approver : List.of("approver-04b", TESTER)) {
					answers.add(approvers.submit(() -> {
						together.await();
						return post(approver, "/api/v1/overrides/" + override + "/confirmation", Map.of())
							.getStatusCode()
							.value();
					}));
				}
				List<Integer> statuses = new ArrayList<>();
				for (Future<Integer> answer : answers) {
					statuses.add(answer.get());
				}
				assertThat(statuses).as("override %d", override).containsExactlyInAnyOrder(200, 409);
			}
		}
		finally {
			approvers.shutdownNow();
		}
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_entry WHERE action = 'OVERRIDE_CONFIRMED'",
				Integer.class))
			.isEqualTo(overrides.size());
	}

	private ResponseEntity<JsonNode> post(String user, String uri, Object body) {
		return http(user).post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

}
