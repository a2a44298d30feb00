package vn.drugcontrol.service.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import tools.jackson.databind.JsonNode;
import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.approval.ApprovalSteps;

/**
 * Issue 16.7: every national and province read, console page and API, makes a few SQL
 * statements, however many periods are stored — no statement per period, per province or
 * per commune listed. Counted per request by {@link StatementCounter} (a JDBC wrapper),
 * never timed: the counts do not depend on the machine's load. The benchmark's
 * {@code reads} part times the same reads over ten periods of national data
 * (docs/benchmarks.md).
 */
@Import(StatementCounter.Config.class)
class StatementsPerReadIntegrationTest extends DatabaseTest {

	/**
	 * The most statements a read may make: the sign-in (a console session's three, an API
	 * token's one), the scope checks and the read's own few. Before issue 16.7's fixes
	 * the national board made 42 to 45 (three or four per province), a province's page 36
	 * with two periods stored and 62 with four (thirteen per period).
	 */
	static final int MOST = 20;

	@TempDir
	Path dir;

	@Test
	void noReadMakesMoreStatementsAsPeriodsAreStored() throws Exception {
		long run2025 = caoBangApproved(2025);
		caoBangApproved(2024);
		Map<String, List<String>> twoPeriods = census(run2025);

		caoBangApproved(2023);
		caoBangApproved(2022);
		Map<String, List<String>> fourPeriods = census(run2025);

		Map<String, Integer> two = counts(twoPeriods);
		Map<String, Integer> four = counts(fourPeriods);
		String table = four.entrySet()
			.stream()
			.map(e -> String.format("%-70s %3d %3d", e.getKey(), two.get(e.getKey()), e.getValue()))
			.collect(Collectors.joining("\n", "read, statements with 2 periods, with 4:\n", "\n"));
		// every read's statements, for whoever looks for the cause of a count
		Files.writeString(Path.of("target", "statements-per-read.txt"),
				fourPeriods.entrySet()
					.stream()
					.map(e -> e.getKey() + " (" + e.getValue().size() + ")\n  " + String.join("\n  ", e.getValue()))
					.collect(Collectors.joining("\n\n", table + "\n", "\n")),
				StandardCharsets.UTF_8);
		assertThat(four).as("statements per read, with two periods stored then four:\n" + table).isEqualTo(two);
		assertThat(four.entrySet()).as(table + "\nthe statements of the worst read:\n" + worst(fourPeriods))
			.allSatisfy(e -> assertThat(e.getValue()).as(e.getKey()).isLessThanOrEqualTo(MOST));
	}

	private static String worst(Map<String, List<String>> census) {
		return census.entrySet()
			.stream()
			.max(java.util.Comparator.comparingInt(e -> e.getValue().size()))
			.map(e -> e.getKey() + "\n  " + String.join("\n  ", e.getValue()))
			.orElse("");
	}

	private static Map<String, Integer> counts(Map<String, List<String>> census) {
		Map<String, Integer> counts = new LinkedHashMap<>();
		census.forEach((read, statements) -> counts.put(read, statements.size()));
		return counts;
	}

	/** Each read's statements, about Cao Bằng's 2025 run. */
	private Map<String, List<String>> census(long run) throws Exception {
		long decision = get("/api/v1/runs/" + run + "/decisions").get(0).get("id").asLong();
		String commune = "01360";
		List<String> pages = List.of("/", "/runs/" + run, "/decisions/" + decision, "/provinces", "/provinces/04",
				"/communes/" + commune, "/overrides", "/ministry", "/ministry?period=2025", "/ministry/list",
				"/ministry/list?period=2025", "/ministry/list?period=2025&province=04", "/ministry/reports/04/2025",
				"/provinces/04/assessments?period=2025");
		List<String> apis = List.of("/api/v1/runs", "/api/v1/runs?province=04", "/api/v1/runs/" + run,
				"/api/v1/runs/" + run + "/decisions", "/api/v1/runs/" + run + "/approval",
				"/api/v1/runs/" + run + "/province", "/api/v1/decisions/" + decision,
				"/api/v1/communes/" + commune + "/classifications",
				"/api/v1/communes/" + commune + "/approved-class?period=2025",
				"/api/v1/communes/" + commune + "/changes?from=2024&to=2025", "/api/v1/provinces/04/classifications",
				"/api/v1/provinces/04/transitions?from=2024&to=2025", "/api/v1/provinces/04/progress",
				"/api/v1/provinces/04/assessments?period=2025", "/api/v1/ministry-reports/04/2025",
				"/api/v1/national-board?period=2025", "/api/v1/national-list?period=2025",
				"/api/v1/approved-classes?period=2025", "/api/v1/funding-priority?period=2025",
				"/api/v1/approval-events", "/api/v1/overrides/report");
		HttpClient console = signedInConsole(TESTER);
		HttpClient api = HttpClient.newHttpClient();
		String token = apiToken();
		Map<String, List<String>> census = new LinkedHashMap<>();
		for (String page : pages) {
			census.put("page " + page, statements(console, page, null));
		}
		for (String read : apis) {
			census.put("api  " + read, statements(api, read, token));
		}
		return census;
	}

	/** The statements of one request (after one unrecorded, so nothing is first-time). */
	private List<String> statements(HttpClient client, String path, String authorization) throws Exception {
		for (int i = 0; i < 2; i++) {
			String id = UUID.randomUUID().toString();
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
			if (i == 1) {
				request.header(StatementCounter.HEADER, id);
			}
			if (authorization != null) {
				request.header("Authorization", authorization).header("Accept", "application/json");
			}
			HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
			assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
			if (i == 1) {
				return StatementCounter.statementsOf(id);
			}
		}
		throw new IllegalStateException();
	}

	/** An API token of national scope, as other systems hold one. */
	private String apiToken() {
		ResponseEntity<JsonNode> created = postJson("/api/v1/api-tokens",
				Map.of("clientName", "statements-" + UUID.randomUUID(), "roles",
						List.of("VIEWER", "OFFICER", "ANALYST", "MINISTRY"), "provinceCode", "*"));
		assertThat(created.getStatusCode().value()).as(String.valueOf(created.getBody())).isEqualTo(201);
		return "Bearer " + created.getBody().get("token").asString();
	}

	/**
	 * Cao Bằng's facts of 2025 stored as {@code period}'s run, an override confirmed, the
	 * run approved, reported to the Ministry and approved there.
	 */
	private long caoBangApproved(int period) throws IOException {
		Path file = dir.resolve("cao-bang-" + period + ".csv");
		Files.writeString(file, Files.readString(sample("cao-bang-2025.csv"), StandardCharsets.UTF_8)
			.replace(",04,2025,", ",04," + period + ","), StandardCharsets.UTF_8);
		long run = upload(file).getBody().get("id").asLong();
		ApprovalSteps steps = new ApprovalSteps(this::http);
		steps.submitWithOverride(run, ApprovalSteps.SON_LO, "TYPE_III");
		assertThat(post("approver-04", "/api/v1/runs/" + run + "/approval",
				Map.of("decisionNumber", period + "/QĐ-UBND", "decisionDate", period + "-12-15")))
			.isEqualTo(200);
		String report = "/api/v1/ministry-reports/04/" + period;
		assertThat(post("officer-04", report + "/submission", Map.of())).isEqualTo(200);
		assertThat(post("ministry", report + "/approval",
				Map.of("decisionNumber", period + "/QĐ-BCA", "decisionDate", period + "-12-28")))
			.isEqualTo(200);
		return run;
	}

	private int post(String user, String uri, Object body) {
		return http(user).post()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(body)
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value();
	}

}
