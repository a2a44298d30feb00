package vn.drugcontrol.service.contract;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

import vn.drugcontrol.client.ApiClient;
import vn.drugcontrol.client.ApiException;
import vn.drugcontrol.client.api.ApprovalApi;
import vn.drugcontrol.client.api.CommunesApi;
import vn.drugcontrol.client.api.EvaluationsApi;
import vn.drugcontrol.client.api.RunsApi;
import vn.drugcontrol.client.model.Approval;
import vn.drugcontrol.client.model.ApprovalRequest;
import vn.drugcontrol.client.model.ApprovedCommune;
import vn.drugcontrol.client.model.DecisionSummary;
import vn.drugcontrol.client.model.DecisionView;
import vn.drugcontrol.client.model.EvaluationRequest;
import vn.drugcontrol.client.model.EvaluationResponse;
import vn.drugcontrol.client.model.Problem;
import vn.drugcontrol.client.model.RunView;
import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Another system's whole journey, only through the Java client generated at build time
 * from the committed contract (docs/openapi.json, openapi-generator's native library): no
 * hand-written HTTP. Evaluate a province's communes, start a run from the sample file,
 * read its decisions and one decision's evidence, submit it (an officer), approve it (an
 * approver, another user), and read a commune's approved class. A call the client cannot
 * express is a fault of the contract.
 */
class ContractClientJourneyIntegrationTest extends DatabaseTest {

	@Test
	void evaluateRunSubmitApproveAndReadTheApprovedClass() throws Exception {
		// evaluate: the sample request, read by the client's own JSON mapper into its
		// model
		ApiClient officer = client("officer-04");
		EvaluationRequest request = officer.getObjectMapper()
			.readValue(sample("evaluation-request.json").toFile(), EvaluationRequest.class);
		EvaluationResponse evaluated = new EvaluationsApi(officer).evaluate(request);
		assertThat(evaluated.getResults()).hasSize(request.getCommunes().size());
		assertThat(evaluated.getResults().get(0).getCommuneCode()).isEqualTo("01447");
		assertThat(evaluated.getResults().get(0).getEvidence()).hasSize(16);
		assertThat(evaluated.getRuleSet().getName()).isEqualTo("default");

		// start a run from a file (multipart), as the officer of province 04
		RunsApi runs = new RunsApi(officer);
		RunView run = runs.startRun(sample("cao-bang-2025.csv").toFile(), null, null, null, null);
		assertThat(run.getProvinceCode()).isEqualTo("04");
		assertThat(run.getPeriod()).isEqualTo(2025);
		assertThat(run.getCommuneCount()).isEqualTo(56);
		assertThat(runs.getRun(run.getId()).getId()).isEqualTo(run.getId());

		// its decisions, and one with its evidence
		List<DecisionSummary> drugFree = runs.listRunDecisions(run.getId(), "DRUG_FREE");
		assertThat(drugFree).hasSize(14).allSatisfy(d -> assertThat(d.getClassification()).hasToString("DRUG_FREE"));
		DecisionSummary sonLo = drugFree.stream()
			.filter(d -> d.getCommuneCode().equals("01360"))
			.findFirst()
			.orElseThrow();
		DecisionView decision = runs.getDecision(sonLo.getId());
		assertThat(decision.getCommuneName()).isEqualTo("Sơn Lộ");
		assertThat(decision.getEvidence()).hasSize(16);

		// before approval, no approved class: a problem of the catalogue
		CommunesApi communes = new CommunesApi(client("viewer"));
		ApiException none = catchThrowableOfType(ApiException.class,
				() -> communes.getCommuneApprovedClass("01360", 2025));
		assertThat(none.getCode()).isEqualTo(404);
		Problem problem = officer.getObjectMapper().readValue(none.getResponseBody(), Problem.class);
		assertThat(problem.getType()).hasToString("tag:classifier.drugcontrol.vn,2025:problems/not-found");

		// submit (the officer) and approve (an approver of the province: another user)
		Approval submitted = new ApprovalApi(officer).submitRun(run.getId());
		assertThat(submitted.getStatus()).hasToString("SUBMITTED");
		Approval approved = new ApprovalApi(client("approver-04")).approveRun(run.getId(),
				new ApprovalRequest().decisionNumber("123/QĐ-UBND").decisionDate(LocalDate.of(2025, 12, 20)));
		assertThat(approved.getStatus()).hasToString("APPROVED");

		// the commune's approved class, as budget allocation would read it
		ApprovedCommune sonLoApproved = communes.getCommuneApprovedClass("01360", 2025);
		assertThat(sonLoApproved.getApprovedClass()).hasToString("DRUG_FREE");
		assertThat(sonLoApproved.getRunId()).isEqualTo(run.getId());
	}

	/** The generated client, signed in with HTTP Basic as a test user. */
	private ApiClient client(String user) {
		ApiClient client = new ApiClient();
		client.updateBaseUri("http://localhost:" + port);
		String basic = Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
		client.setRequestInterceptor(request -> request.header("Authorization", "Basic " + basic));
		return client;
	}

}
