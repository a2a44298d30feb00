package vn.drugcontrol.service.approval;

import java.util.Map;
import java.util.function.Function;

import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.client.RestClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The approval of a run over the API, as the province's people take it: the officer
 * submits, one approver proposes an override, a second confirms, the first approves. For
 * tests of what an approved run shows; each test approves its own run.
 */
public final class ApprovalSteps {

	/** Sơn Lộ (Cao Bằng): drug-free by the rules in 2025. */
	public static final String SON_LO = "01360";

	public static final String REASON = "Xã giáp biên giới, mới phát hiện điểm tụ tập — đề nghị xếp loại III";

	public static final String DECISION_NUMBER = "125/QĐ-UBND";

	/** 2025-12-20 as the console and the files show it. */
	public static final String DECISION_DATE = "20/12/2025";

	private final Function<String, RestClient> http;

	/** With a signed-in client per test user: a test's {@code this::http}. */
	public ApprovalSteps(Function<String, RestClient> http) {
		this.http = http;
	}

	/** Submitted, the commune overridden to {@code approvedClass} and confirmed. */
	public void submitWithOverride(long run, String communeCode, String approvedClass) {
		assertThat(post("officer-04", "/api/v1/runs/" + run + "/submission", Map.of()).getStatusCode().value())
			.isEqualTo(200);
		ResponseEntity<JsonNode> proposed = post("approver-04", "/api/v1/runs/" + run + "/overrides",
				Map.of("communeCode", communeCode, "approvedClass", approvedClass, "reason", REASON));
		assertThat(proposed.getStatusCode().value()).isEqualTo(201);
		assertThat(post("approver-04b", "/api/v1/overrides/" + proposed.getBody().get("id").asLong() + "/confirmation",
				Map.of())
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	public void approve(long run) {
		assertThat(post("approver-04", "/api/v1/runs/" + run + "/approval",
				Map.of("decisionNumber", DECISION_NUMBER, "decisionDate", "2025-12-20"))
			.getStatusCode()
			.value()).isEqualTo(200);
	}

	/** Submitted, overridden, confirmed and approved. */
	public void approveWithOverride(long run, String communeCode, String approvedClass) {
		submitWithOverride(run, communeCode, approvedClass);
		approve(run);
	}

	private ResponseEntity<JsonNode> post(String user, String uri, Object body) {
		return http.apply(user)
			.post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class);
	}

}
