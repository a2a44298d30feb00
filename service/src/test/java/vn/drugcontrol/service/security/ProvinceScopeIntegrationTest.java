package vn.drugcontrol.service.security;

import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.io.FileSystemResource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.approval.ApprovalSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Province scope on every endpoint of the API and the console, generated from the
 * endpoint list: every endpoint the application maps is declared below, either with how
 * it reaches Cao Bằng's (04) data or with why it holds no province's data. A new endpoint
 * fails {@link #everyEndpointIsDeclared} until it is declared here, so none is forgotten.
 * <p>
 * For each endpoint that reaches a province's data, a user of province 01 is refused
 * (403) — or, for a list, does not see province 04's items — while the same request by
 * the province's own user is not refused (so the refusal is about the province, not a
 * broken request).
 */
class ProvinceScopeIntegrationTest extends DatabaseTest {

	/** How an endpoint is reached with province 04's data, and by whom. */
	record Scoped(String key, String uri, String outsider, String insider, Body body, String hiddenItem) {

		/** A read or write that province 01's user is refused. */
		static Scoped refused(String key, String uri, String outsider, String insider) {
			return new Scoped(key, uri, outsider, insider, Body.NONE, null);
		}

		static Scoped refused(String key, String uri, String outsider, String insider, Body body) {
			return new Scoped(key, uri, outsider, insider, body, null);
		}

		/** A list that shows province 01's user none of province 04's items. */
		static Scoped list(String key, String uri, String hiddenItem) {
			return new Scoped(key, uri, "officer-01", "officer-04", Body.NONE, hiddenItem);
		}

		boolean console() {
			return !key.contains(" /api/");
		}

		@Override
		public String toString() {
			return key;
		}

	}

	enum Body {

		NONE, RUN_JSON, RUN_FILE, APPROVAL, RETURN, OVERRIDE, CONSOLE_APPROVAL, CONSOLE_RETURN, CONSOLE_OVERRIDE,
		ASSESSMENT, CORRECTION, CONSOLE_ASSESSMENT, CONSOLE_CORRECTION, TARGET

	}

	/**
	 * Every endpoint that reads or changes a province's data. Placeholders: {run},
	 * {decision}, {override}, {commune}, {version} (a rule-set version), {token} (the
	 * outsider's own pending console upload of a province 04 file).
	 */
	static final List<Scoped> SCOPED = List.of(
			// the API: runs and what hangs off them
			Scoped.list("GET /api/v1/runs", "/api/v1/runs", "\"id\":{run},"),
			Scoped.refused("GET /api/v1/runs/{id}", "/api/v1/runs/{run}", "officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/runs/{id}/decisions", "/api/v1/runs/{run}/decisions", "officer-01",
					"officer-04"),
			Scoped.refused("GET /api/v1/runs/{id}/province", "/api/v1/runs/{run}/province", "officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/runs/{id}/readings", "/api/v1/runs/{run}/readings", "officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/runs/{id}/readings/{switch}", "/api/v1/runs/{run}/readings/bands", "officer-01",
					"officer-04"),
			Scoped.refused("GET /api/v1/runs/{id}/report", "/api/v1/runs/{run}/report?format=xlsx", "officer-01",
					"officer-04"),
			Scoped.refused("GET /api/v1/runs/{id}/charts/classes", "/api/v1/runs/{run}/charts/classes?format=svg",
					"officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/runs/{id}/export", "/api/v1/runs/{run}/export?format=csv", "officer-01",
					"officer-04"),
			Scoped.refused("GET /api/v1/runs/{id}/official-list", "/api/v1/runs/{run}/official-list", "officer-01",
					"officer-04"),
			Scoped.refused("GET /api/v1/decisions/{id}/official-sheet", "/api/v1/decisions/{decision}/official-sheet",
					"officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/provinces/{code}/official-list",
					"/api/v1/provinces/04/official-list?period=2025", "officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/runs/{id}/approval", "/api/v1/runs/{run}/approval", "approver-01",
					"approver-04"),
			Scoped.refused("GET /api/v1/runs/{id}/overrides", "/api/v1/runs/{run}/overrides", "approver-01",
					"approver-04"),
			Scoped.refused("GET /api/v1/decisions/{id}", "/api/v1/decisions/{decision}", "officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/decisions/{id}/reproduction", "/api/v1/decisions/{decision}/reproduction",
					"officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/decisions/{id}/what-would-it-take",
					"/api/v1/decisions/{decision}/what-would-it-take", "officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/overrides/{id}", "/api/v1/overrides/{override}", "approver-01", "approver-04"),
			Scoped.list("GET /api/v1/overrides/report", "/api/v1/overrides/report", "\"overrideId\":{override},"),
			Scoped.refused("GET /api/v1/rule-sets/{id}/simulation", "/api/v1/rule-sets/{version}/simulation?run={run}",
					"officer-01", "officer-04"),
			// provinces and communes
			Scoped.refused("GET /api/v1/provinces/{code}/classifications", "/api/v1/provinces/04/classifications",
					"officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/provinces/{code}/transitions", "/api/v1/provinces/04/transitions?to=2025",
					"officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/provinces/{code}/report", "/api/v1/provinces/04/report?period=2025",
					"officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/provinces/{code}/charts/trend", "/api/v1/provinces/04/charts/trend?format=svg",
					"officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/provinces/{code}/progress", "/api/v1/provinces/04/progress", "officer-01",
					"officer-04"),
			Scoped.refused("GET /api/v1/communes/{code}/classifications", "/api/v1/communes/{commune}/classifications",
					"officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/communes/{code}/approved-class",
					"/api/v1/communes/{commune}/approved-class?period=2025", "officer-01", "officer-04"),
			Scoped.refused("GET /api/v1/communes/{code}/changes",
					"/api/v1/communes/{commune}/changes?from=2024&to=2025", "officer-01", "officer-04"),
			// the API's writes
			Scoped.refused("POST /api/v1/runs [application/json]", "/api/v1/runs", "officer-01", "officer-04",
					Body.RUN_JSON),
			Scoped.refused("POST /api/v1/runs [multipart/form-data]", "/api/v1/runs", "officer-01", "officer-04",
					Body.RUN_FILE),
			Scoped.refused("POST /api/v1/runs/{id}/submission", "/api/v1/runs/{run}/submission", "officer-01",
					"officer-04"),
			Scoped.refused("POST /api/v1/runs/{id}/approval", "/api/v1/runs/{run}/approval", "approver-01",
					"approver-04", Body.APPROVAL),
			Scoped.refused("POST /api/v1/runs/{id}/return", "/api/v1/runs/{run}/return", "approver-01", "approver-04",
					Body.RETURN),
			Scoped.refused("POST /api/v1/runs/{id}/overrides", "/api/v1/runs/{run}/overrides", "approver-01",
					"approver-04", Body.OVERRIDE),
			Scoped.refused("POST /api/v1/overrides/{id}/confirmation", "/api/v1/overrides/{override}/confirmation",
					"approver-01", "approver-04b"),
			// a commune's self-assessment: read by its own commune user and its province;
			// entered by the commune's user only; consolidated by the province's officers
			Scoped.refused("GET /api/v1/communes/{code}/assessments/{period}",
					"/api/v1/communes/{commune}/assessments/2025", "officer-01", COMMUNE_SON_LO),
			Scoped.refused("PUT /api/v1/communes/{code}/assessments/{period} [application/json]",
					"/api/v1/communes/{commune}/assessments/2025", "officer-01", COMMUNE_SON_LO, Body.ASSESSMENT),
			Scoped.refused("POST /api/v1/communes/{code}/assessments/{period}/submission",
					"/api/v1/communes/{commune}/assessments/2025/submission", "officer-01", COMMUNE_SON_LO),
			Scoped.refused("POST /api/v1/communes/{code}/assessments/{period}/return",
					"/api/v1/communes/{commune}/assessments/2025/return", "officer-01", "officer-04", Body.RETURN),
			Scoped.refused("POST /api/v1/communes/{code}/assessments/{period}/acceptance",
					"/api/v1/communes/{commune}/assessments/2025/acceptance", "officer-01", "officer-04"),
			Scoped.refused("POST /api/v1/communes/{code}/assessments/{period}/corrections",
					"/api/v1/communes/{commune}/assessments/2025/corrections", "officer-01", "officer-04",
					Body.CORRECTION),
			Scoped.refused("GET /api/v1/provinces/{code}/assessments", "/api/v1/provinces/04/assessments?period=2025",
					"officer-01", "officer-04"),
			Scoped.refused("POST /api/v1/provinces/{code}/assessments/{period}/run",
					"/api/v1/provinces/04/assessments/2025/run", "officer-01", "officer-04"),
			// a province's drug-free target: set by its People's Committee (its
			// approvers)
			Scoped.refused("PUT /api/v1/targets/{scope}/{year}", "/api/v1/targets/04/2026", "approver-01",
					"approver-04", Body.TARGET),
			// the audit trail spans every province: national users only
			Scoped.refused("GET /api/v1/audit/entries", "/api/v1/audit/entries", "officer-01", "viewer"),
			// the report to the Ministry (Art. 7.2): the province's own
			Scoped.refused("GET /api/v1/ministry-reports/{province}/{period}", "/api/v1/ministry-reports/04/2025",
					"officer-01", "officer-04"),
			Scoped.refused("POST /api/v1/ministry-reports/{province}/{period}/submission",
					"/api/v1/ministry-reports/04/2025/submission", "officer-01", "officer-04"),
			// the Ministry's national views and the reads of other systems span every
			// province: national users only
			Scoped.refused("GET /api/v1/national-board", "/api/v1/national-board?period=2025", "officer-01", "viewer"),
			Scoped.refused("GET /api/v1/national-list", "/api/v1/national-list?period=2025", "officer-01", "viewer"),
			Scoped.refused("GET /api/v1/approved-classes", "/api/v1/approved-classes?period=2025", "officer-01",
					"viewer"),
			Scoped.refused("GET /api/v1/funding-priority", "/api/v1/funding-priority?period=2025", "officer-01",
					"viewer"),
			Scoped.refused("GET /api/v1/approval-events", "/api/v1/approval-events", "officer-01", "viewer"),
			// the console
			Scoped.list("GET /", "/", "href=\"/runs/{run}\""),
			Scoped.refused("GET /runs/{id}", "/runs/{run}", "officer-01", "officer-04"),
			Scoped.refused("GET /decisions/{id}", "/decisions/{decision}", "officer-01", "officer-04"),
			Scoped.refused("GET /runs/{id}/official-list", "/runs/{run}/official-list", "officer-01", "officer-04"),
			Scoped.refused("GET /decisions/{id}/official-sheet", "/decisions/{decision}/official-sheet", "officer-01",
					"officer-04"),
			Scoped.refused("GET /communes/{code}", "/communes/{commune}", "officer-01", "officer-04"),
			Scoped.list("GET /provinces", "/provinces", "href=\"/provinces/04\""),
			Scoped.refused("GET /provinces/{code}", "/provinces/04", "officer-01", "officer-04"),
			Scoped.list("GET /overrides", "/overrides", "href=\"/runs/{run}\""),
			Scoped.refused("GET /rule-sets/versions/{id}/simulation",
					"/rule-sets/versions/{version}/simulation?run={run}", "officer-01", "officer-04"),
			Scoped.refused("POST /upload/{token}/start", "/upload/{token}/start", "officer-01", "officer-04"),
			Scoped.refused("POST /runs/{id}/submission", "/runs/{run}/submission", "officer-01", "officer-04"),
			Scoped.refused("POST /runs/{id}/approval", "/runs/{run}/approval", "approver-01", "approver-04",
					Body.CONSOLE_APPROVAL),
			Scoped.refused("POST /runs/{id}/return", "/runs/{run}/return", "approver-01", "approver-04",
					Body.CONSOLE_RETURN),
			Scoped.refused("POST /runs/{id}/overrides", "/runs/{run}/overrides", "approver-01", "approver-04",
					Body.CONSOLE_OVERRIDE),
			Scoped.refused("POST /runs/{id}/overrides/{overrideId}/confirmation",
					"/runs/{run}/overrides/{override}/confirmation", "approver-01", "approver-04b"),
			Scoped.refused("GET /ministry/reports/{province}/{period}", "/ministry/reports/04/2025", "officer-01",
					"officer-04"),
			Scoped.refused("POST /ministry/reports/{province}/{period}/submission",
					"/ministry/reports/04/2025/submission", "officer-01", "officer-04"),
			Scoped.refused("GET /ministry/list", "/ministry/list?period=2025", "officer-01", "viewer"),
			// the console's self-assessment form and the province's board
			Scoped.refused("GET /assessments/{code}/{period}", "/assessments/{commune}/2025", "officer-01",
					COMMUNE_SON_LO),
			Scoped.refused("POST /assessments/{code}/{period}", "/assessments/{commune}/2025", "officer-01",
					COMMUNE_SON_LO, Body.CONSOLE_ASSESSMENT),
			Scoped.refused("POST /assessments/{code}/{period}/return", "/assessments/{commune}/2025/return",
					"officer-01", "officer-04", Body.CONSOLE_RETURN),
			Scoped.refused("POST /assessments/{code}/{period}/acceptance", "/assessments/{commune}/2025/acceptance",
					"officer-01", "officer-04"),
			Scoped.refused("POST /assessments/{code}/{period}/corrections", "/assessments/{commune}/2025/corrections",
					"officer-01", "officer-04", Body.CONSOLE_CORRECTION),
			Scoped.refused("GET /provinces/{code}/assessments", "/provinces/04/assessments?period=2025", "officer-01",
					"officer-04"),
			Scoped.refused("POST /provinces/{code}/assessments/{period}/run", "/provinces/04/assessments/2025/run",
					"officer-01", "officer-04"));

	/** Every endpoint that holds no province's data, and why. */
	static final Map<String, String> NOT_PROVINCE_DATA = Map.ofEntries(
			Map.entry("POST /api/v1/evaluations [application/json]",
					"classifies the facts in the request; stores and reads nothing"),
			Map.entry("GET /api/v1/rule-sets", "rule sets are national: the law, not a province's data"),
			Map.entry("POST /api/v1/rule-sets [multipart/form-data]", "rule sets are national (analysts)"),
			Map.entry("GET /api/v1/rule-sets/{id}", "rule sets are national"),
			Map.entry("GET /api/v1/rule-sets/{id}/file", "rule sets are national"),
			Map.entry("GET /api/v1/rule-sets/{id}/scenarios", "rule sets' own test communes, not a province's"),
			Map.entry("GET /api/v1/rule-sets/{id}/proof",
					"the exhaustive check's invented communes of the version's bands, not a province's"),
			Map.entry("GET /api/v1/rule-sets/{id}/activation", "rule sets are national"),
			Map.entry("POST /api/v1/rule-sets/{id}/activation", "rule sets are national (analysts)"),
			Map.entry("POST /api/v1/rule-sets/{id}/retirement", "rule sets are national (analysts)"),
			Map.entry("GET /api/v1/rule-sets/effective", "rule sets are national"),
			Map.entry("GET /api/v1/rule-sets/{id}/bundle", "a rule set's files: the law, not a province's data"),
			Map.entry("GET /api/v1/rule-sets/watched", "rule sets are national"),
			Map.entry("GET /api/v1/routes",
					"the key-route register is national (Art. 4.3, 5): every province reads it"),
			Map.entry("POST /api/v1/routes", "the key-route register is national (analysts)"),
			Map.entry("GET /api/v1/routes/{code}", "the key-route register is national"),
			Map.entry("GET /api/v1/targets", "drug-free targets are public policy"),
			Map.entry("GET /api/v1/audit/verification",
					"whether the chain is intact: ids and hashes, no province's data"),
			Map.entry("POST /api/v1/audit/verification [application/json]", "checks the chain against a posted export"),
			Map.entry("GET /api/v1/audit/checkpoints", "signed hashes of the chain's head, no province's data"),
			Map.entry("POST /api/v1/audit/checkpoints", "administrators only (path rule)"),
			Map.entry("POST /api/v1/api-tokens", "administrators only (path rule)"),
			Map.entry("GET /communes", "redirects a look-up to /communes/{code}, which is scoped"),
			Map.entry("GET /assessments",
					"redirects a commune user to its own form, anyone else to the provinces (both scoped)"),
			Map.entry("GET /login", "the sign-in page"), Map.entry("GET /rule-sets", "rule sets are national"),
			Map.entry("GET /rule-sets/{name}", "national"),
			Map.entry("POST /rule-sets/versions", "rule sets are national (analysts)"),
			Map.entry("GET /rule-sets/versions/{id}", "rule sets are national"),
			Map.entry("GET /rule-sets/versions/{id}/activation", "rule sets are national"),
			Map.entry("POST /rule-sets/versions/{id}/activation", "rule sets are national (analysts)"),
			Map.entry("POST /rule-sets/versions/{id}/retirement", "rule sets are national (analysts)"),
			Map.entry("POST /rule-sets/versions/{id}/drafts", "the workbench: rule-set work holds no province's data"),
			Map.entry("GET /rule-sets/drafts/{id}", "the workbench: a draft's rules, parameters and test communes"),
			Map.entry("POST /rule-sets/drafts/{id}/parameters", "the workbench: the law's parameters (analysts)"),
			Map.entry("GET /rule-sets/drafts/{id}/drl", "the workbench: a draft's DRL text"),
			Map.entry("POST /rule-sets/drafts/{id}/drl", "the workbench: a draft's DRL text (analysts)"),
			Map.entry("GET /rule-sets/drafts/{id}/scenarios", "the workbench: a draft's made-up test communes"),
			Map.entry("POST /rule-sets/drafts/{id}/scenarios", "the workbench: a draft's made-up test communes"),
			Map.entry("POST /rule-sets/drafts/{id}/scenarios/upload",
					"the workbench: a scenario table of made-up test communes"),
			Map.entry("GET /rule-sets/drafts/{id}/diff", "the workbench: a draft against its parent version"),
			Map.entry("POST /rule-sets/drafts/{id}/publication", "the workbench: publishes rules (analysts)"),
			Map.entry("POST /upload", "previews the uploader's own file; starting the run is scoped"),
			Map.entry("POST /upload/{token}/cancel", "discards the uploader's own pending file"),
			Map.entry("POST /api/v1/ministry-reports/{province}/{period}/approval",
					"the Ministry's decision (Art. 7.3): MINISTRY only (path rule and method security), a national role"),
			Map.entry("POST /api/v1/ministry-reports/{province}/{period}/return",
					"the Ministry's decision (Art. 7.3): MINISTRY only, a national role"),
			Map.entry("POST /ministry/reports/{province}/{period}/approval",
					"the Ministry's decision in the console: MINISTRY only, a national role"),
			Map.entry("POST /ministry/reports/{province}/{period}/return",
					"the Ministry's decision in the console: MINISTRY only, a national role"),
			Map.entry("GET /ministry",
					"the national board for national users (method security: ProvinceScope.national); a provincial "
							+ "user is redirected to their own province's report, which is scoped"));

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	private RequestMappingHandlerMapping mappings;

	static Stream<Scoped> scoped() {
		return SCOPED.stream();
	}

	@Test
	void everyEndpointIsDeclared() {
		Set<String> mapped = new TreeSet<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> e : mappings.getHandlerMethods().entrySet()) {
			if (!e.getValue().getBeanType().getPackageName().startsWith("vn.drugcontrol")) {
				continue;
			}
			RequestMappingInfo info = e.getKey();
			Set<MediaType> consumes = info.getConsumesCondition().getConsumableMediaTypes();
			for (String pattern : info.getPatternValues()) {
				for (var method : info.getMethodsCondition().getMethods()) {
					mapped.add(method + " " + pattern + (consumes.isEmpty() ? "" : " " + consumes));
				}
			}
		}
		Set<String> declared = new TreeSet<>(NOT_PROVINCE_DATA.keySet());
		SCOPED.forEach(s -> declared.add(s.key()));

		assertThat(mapped).as("every endpoint declares how province scope applies to it").hasSize(declared.size());
		assertThat(declared).as("declared here (either scoped or with why it holds no province's data)")
			.containsExactlyInAnyOrderElementsOf(mapped);
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("scoped")
	void aUserOfAnotherProvinceReachesNoneOfItsData(Scoped endpoint) throws Exception {
		Fixture cb = new Fixture();
		String uri = cb.fill(endpoint.uri(), endpoint.outsider());

		ResponseEntity<String> outsider = call(endpoint, uri, endpoint.outsider(), cb);
		ResponseEntity<String> insider = call(endpoint, cb.fill(endpoint.uri(), endpoint.insider()), endpoint.insider(),
				cb);

		if (endpoint.hiddenItem() != null) {
			String item = cb.fill(endpoint.hiddenItem(), endpoint.insider());
			assertThat(insider.getStatusCode().value()).as(insider.getBody()).isEqualTo(200);
			assertThat(compact(insider.getBody())).as("the province's own user sees the item").contains(item);
			assertThat(outsider.getStatusCode().value()).isEqualTo(200);
			assertThat(compact(outsider.getBody())).as("province 01's user does not").doesNotContain(item);
			return;
		}
		assertThat(outsider.getStatusCode().value()).as(uri + " as " + endpoint.outsider() + ": " + outsider.getBody())
			.isEqualTo(403);
		if (endpoint.console()) {
			assertThat(outsider.getBody()).as("the console's page says why, in Vietnamese")
				.contains("id=\"error-detail\"", "Không có quyền truy cập", "tỉnh mình");
		}
		else {
			assertThat(outsider.getBody()).containsAnyOf("province 04", "national users");
		}
		assertThat(insider.getStatusCode().value()).as("the province's own user is not refused: " + insider.getBody())
			.isNotIn(401, 403);
	}

	/**
	 * A commune user holds one commune, not its province: of every endpoint above (all
	 * about Cao Bằng's data, Sơn Lộ's self-assessment among them), Thục Phán's user —
	 * another commune of the same province — is refused or sees none of the items. (The
	 * start of a pending console upload is left out: a commune user has none; the path
	 * rule for officers refuses it anyway.)
	 */
	@ParameterizedTest(name = "{0}")
	@MethodSource("scoped")
	void aCommuneUserReachesNoneOfItsProvincesDataButItsOwnCommune(Scoped endpoint) throws Exception {
		if (endpoint.uri().contains("{token}")) {
			return;
		}
		Fixture cb = new Fixture();
		String user = COMMUNE_THUC_PHAN;
		ResponseEntity<String> response = call(endpoint, cb.fill(endpoint.uri(), user), user, cb);
		if (endpoint.hiddenItem() != null) {
			assertThat(response.getStatusCode().value()).isEqualTo(200);
			assertThat(compact(response.getBody())).as("a commune user sees none of the province's items")
				.doesNotContain(cb.fill(endpoint.hiddenItem(), "officer-04"));
			return;
		}
		assertThat(response.getStatusCode().value()).as(endpoint + " as " + user + ": " + response.getBody())
			.isEqualTo(403);
	}

	/**
	 * Who sets drug-free targets is who sets them in law (docs/criteria-qd28-2025.md): a
	 * province's, its People's Committee — its approvers, of that province only; the
	 * national ones, the Ministry. Every other role is refused and changes nothing
	 * (before, administrators only: analysts, named by the docs, were refused, and the
	 * People's Committee and the Ministry too).
	 */
	@Test
	void drugFreeTargetsAreSetByTheProvincesPeoplesCommitteeAndNationallyByTheMinistry() {
		String province = "/api/v1/targets/04/2033";
		String national = "/api/v1/targets/VN/2033";
		for (String user : List.of("officer-04", "analyst", "admin", "viewer", "ministry", "approver-01",
				COMMUNE_THUC_PHAN)) {
			assertThat(setTarget(user, province, 11).getStatusCode().value()).as(user + " " + province).isEqualTo(403);
		}
		for (String user : List.of("approver-04", "officer-04", "analyst", "admin", "viewer", COMMUNE_THUC_PHAN)) {
			assertThat(setTarget(user, national, 12).getStatusCode().value()).as(user + " " + national).isEqualTo(403);
		}
		assertThat(count("drug_free_target")).as("nothing set by those refused").isZero();

		ResponseEntity<String> byCommittee = setTarget("approver-04", province, 45);
		assertThat(byCommittee.getStatusCode().value()).as(byCommittee.getBody()).isEqualTo(200);
		assertThat(byCommittee.getBody()).contains("approver-04");
		assertThat(setTarget("approver-04b", province, 50).getStatusCode().value()).isEqualTo(200);
		ResponseEntity<String> byMinistry = setTarget("ministry", national, 30);
		assertThat(byMinistry.getStatusCode().value()).as(byMinistry.getBody()).isEqualTo(200);

		JsonNode set = get("/api/v1/targets");
		assertThat(set.findValues("source").stream().map(JsonNode::asString))
			.contains("Kế hoạch 2033 (set by approver-04b)", "Kế hoạch 2033 (set by ministry)");
		assertThat(jdbc.queryForList(
				"SELECT actor FROM audit_entry WHERE action = 'TARGET_SET' AND subject LIKE 'target:%/2033' ORDER BY id",
				String.class))
			.containsExactly("approver-04", "approver-04b", "ministry");
	}

	private ResponseEntity<String> setTarget(String user, String uri, int percent) {
		return http(user).put()
			.uri(uri)
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("drugFreePercent", percent, "source", "Kế hoạch 2033"))
			.retrieve()
			.toEntity(String.class);
	}

	private ResponseEntity<String> call(Scoped endpoint, String uri, String user, Fixture cb)
			throws java.io.IOException {
		String method = endpoint.key().substring(0, endpoint.key().indexOf(' '));
		if (endpoint.console()) {
			Console console = cb.console(user);
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			switch (endpoint.body()) {
				case CONSOLE_APPROVAL -> {
					form.add("decisionNumber", ApprovalSteps.DECISION_NUMBER);
					form.add("decisionDate", "2025-12-20");
				}
				case CONSOLE_RETURN -> form.add("reason", "Thiếu số liệu");
				case CONSOLE_ASSESSMENT -> {
					form.add("action", "save");
					form.add("population", "5230");
				}
				case CONSOLE_CORRECTION -> {
					form.add("field", "population");
					form.add("value", "5230");
					form.add("reason", "Theo niên giám");
				}
				case CONSOLE_OVERRIDE -> {
					form.add("decisionId", Long.toString(cb.decision));
					form.add("approvedClass", "TYPE_III");
					form.add("reason", ApprovalSteps.REASON);
				}
				default -> {
				}
			}
			return console.send(HttpMethod.valueOf(method), uri, form);
		}
		RestClient.RequestBodySpec request = http(user).method(HttpMethod.valueOf(method)).uri(uri);
		Object body = switch (endpoint.body()) {
			case RUN_JSON -> Files.readString(sample("run-request.json"));
			case RUN_FILE -> {
				MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
				parts.add("file", new FileSystemResource(sample("cao-bang-2025.csv")));
				parts.add("ruleSet", "literal");
				request.contentType(MediaType.MULTIPART_FORM_DATA);
				yield parts;
			}
			case APPROVAL -> Map.of("decisionNumber", ApprovalSteps.DECISION_NUMBER, "decisionDate", "2025-12-20");
			case RETURN -> Map.of("reason", "Thiếu số liệu");
			case ASSESSMENT -> Map.of("population", "5230");
			case CORRECTION -> Map.of("field", "population", "value", "5230", "reason", "Theo niên giám");
			case TARGET -> Map.of("drugFreePercent", 40, "source", "Kế hoạch tỉnh Cao Bằng");
			case OVERRIDE -> Map.of("communeCode", ApprovalSteps.SON_LO, "approvedClass", "TYPE_III", "reason",
					ApprovalSteps.REASON);
			default -> null;
		};
		if (body != null) {
			if (endpoint.body() != Body.RUN_FILE) {
				request.contentType(MediaType.APPLICATION_JSON);
			}
			request.body(body);
		}
		return request.retrieve().toEntity(String.class);
	}

	private static String compact(String body) {
		return body == null ? "" : body.replaceAll("\\s+", "");
	}

	/**
	 * Cao Bằng's 2025 run, submitted, with an override proposed on Sơn Lộ; a rule-set
	 * version; and console sessions signed in as needed.
	 */
	private final class Fixture {

		final long run;

		final long decision;

		final long override;

		final String commune = ApprovalSteps.SON_LO;

		final long version;

		private final Map<String, Console> consoles = new TreeMap<>();

		Fixture() {
			run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
			decision = line(get("/api/v1/runs/" + run + "/decisions"), commune).get("id").asLong();
			assertThat(http("officer-04").post()
				.uri("/api/v1/runs/" + run + "/submission")
				.retrieve()
				.toEntity(String.class)
				.getStatusCode()
				.value()).isEqualTo(200);
			override = http("approver-04").post()
				.uri("/api/v1/runs/" + run + "/overrides")
				.contentType(MediaType.APPLICATION_JSON)
				.body(Map.of("communeCode", commune, "approvedClass", "TYPE_III", "reason", ApprovalSteps.REASON))
				.retrieve()
				.body(JsonNode.class)
				.get("id")
				.asLong();
			version = get("/api/v1/rule-sets").get(0).get("id").asLong();
		}

		String fill(String template, String user) {
			String uri = template.replace("{run}", Long.toString(run))
				.replace("{decision}", Long.toString(decision))
				.replace("{override}", Long.toString(override))
				.replace("{commune}", commune)
				.replace("{version}", Long.toString(version));
			if (uri.contains("{token}")) {
				uri = uri.replace("{token}", console(user).pendingUpload());
			}
			return uri;
		}

		Console console(String user) {
			return consoles.computeIfAbsent(user, Console::new);
		}

	}

	private static JsonNode line(JsonNode decisions, String communeCode) {
		for (JsonNode d : decisions) {
			if (communeCode.equals(d.get("communeCode").asString())) {
				return d;
			}
		}
		throw new AssertionError("no decision of commune " + communeCode);
	}

	/**
	 * A console session: signed in through the login form, CSRF token kept, no redirects
	 * followed.
	 */
	private final class Console {

		private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

		private final RestClient client = RestClient.builder()
			.baseUrl("http://localhost:" + port)
			.requestFactory(new JdkClientHttpRequestFactory(
					HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build()))
			.defaultStatusHandler(status -> true, (request, response) -> {
			})
			.build();

		private final List<String> cookies = new ArrayList<>();

		private String csrf;

		Console(String user) {
			ResponseEntity<String> login = exchange(HttpMethod.GET, "/login", null);
			MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
			form.add("username", user);
			form.add("password", PASSWORD);
			form.add("_csrf", token(login.getBody()));
			ResponseEntity<String> signedIn = exchange(HttpMethod.POST, "/login", form);
			assertThat(signedIn.getHeaders().getLocation()).as("signed in as " + user).isNotNull();
			assertThat(signedIn.getHeaders().getLocation().toString()).doesNotContain("error");
			csrf = token(exchange(HttpMethod.GET, "/", null).getBody());
		}

		ResponseEntity<String> send(HttpMethod method, String uri, MultiValueMap<String, String> form) {
			if (method == HttpMethod.POST) {
				form.add("_csrf", csrf);
			}
			return exchange(method, uri, method == HttpMethod.POST ? form : null);
		}

		/** Previews a province 04 file in the console; its token, bound to this user. */
		String pendingUpload() {
			MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
			parts.add("file", new FileSystemResource(sample("cao-bang-2025.csv")));
			parts.add("_csrf", csrf);
			ResponseEntity<String> preview = client.post()
				.uri("/upload")
				.headers(this::withCookies)
				.contentType(MediaType.MULTIPART_FORM_DATA)
				.body(parts)
				.retrieve()
				.toEntity(String.class);
			Matcher token = Pattern.compile("/upload/([^/\"]+)/start").matcher(preview.getBody());
			assertThat(token.find()).as(preview.getBody()).isTrue();
			return token.group(1);
		}

		private ResponseEntity<String> exchange(HttpMethod method, String uri, MultiValueMap<String, String> form) {
			RestClient.RequestBodySpec request = client.method(method).uri(URI.create(uri)).headers(this::withCookies);
			if (form != null) {
				request.contentType(MediaType.APPLICATION_FORM_URLENCODED).body(form);
			}
			ResponseEntity<String> response = request.retrieve().toEntity(String.class);
			for (String set : response.getHeaders().getOrEmpty(HttpHeaders.SET_COOKIE)) {
				String cookie = set.substring(0, set.indexOf(';') < 0 ? set.length() : set.indexOf(';'));
				String name = cookie.substring(0, cookie.indexOf('='));
				cookies.removeIf(c -> c.startsWith(name + "="));
				cookies.add(cookie);
			}
			return response;
		}

		private void withCookies(HttpHeaders headers) {
			// as a browser asks for pages
			headers.setAccept(List.of(MediaType.TEXT_HTML, MediaType.ALL));
			if (!cookies.isEmpty()) {
				headers.add(HttpHeaders.COOKIE, String.join("; ", cookies));
			}
		}

		private static String token(String html) {
			Matcher m = CSRF.matcher(html == null ? "" : html);
			assertThat(m.find()).as("a CSRF token in " + html).isTrue();
			return new String(m.group(1).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
		}

	}

}
