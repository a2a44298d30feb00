package vn.drugcontrol.service.system;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.info.Contact;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import io.swagger.v3.oas.models.tags.Tag;
import org.springdoc.core.customizers.OpenApiCustomizer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI document other systems build on ({@code docs/openapi.json}, checked against
 * what {@code /v3/api-docs} serves): the capabilities as tags, one operation id and
 * summary per operation, the security schemes the service accepts, the problems each
 * operation can answer (types from {@link ProblemType}) and the limits of the parameters.
 * Bodies are described by their records' annotations.
 */
@Configuration(proxyBeanMethods = false)
class ApiDocumentation {

	static final String PROBLEM = "Problem";

	private static final String MULTIPART = "multipart/form-data";

	/** spring.servlet.multipart.max-file-size as shipped (application.yml): 20 MB. */
	private static final int MAX_FILE_BYTES = 20 << 20;

	/** Files of one rule-set upload: Bundle.MAX_ENTRIES. */
	private static final int MAX_BUNDLE_FILES = 1000;

	/** The capabilities, in the order the document lists them. */
	private static final List<Tag> TAGS = List.of(
			tag("evaluations", "Classify communes' facts under the rules in force, storing nothing."),
			tag("runs",
					"Classification runs: start one from a file or JSON, read it, its decisions and their evidence."),
			tag("approval",
					"A run's list through the People's Committee: submission, return, approval, "
							+ "overrides of single communes and their confirmation."),
			tag("communes", "A commune's classes across periods and its approved class, for other systems."),
			tag("provinces", "The province's class per run (Art. 5, 6), its classes per period and transitions."),
			tag("targets", "Drug-free targets per province and year, and the progress towards them."),
			tag("replay",
					"Stored facts under other rules: simulation of a version, why a class changed, "
							+ "reproduction of a decision."),
			tag("rule-sets", "Rule-set versions: upload, scenarios, activation by period, retirement."),
			tag("routes", "The key-route registry that governs communes' route facts."),
			tag("reports", "Reports (PDF, XLSX), charts (PNG, SVG) and the province's list (XLSX, CSV)."),
			tag("audit", "The audit trail, its verification and its signed checkpoints."),
			tag("api-tokens", "API tokens for client systems."),
			tag("assessments",
					"Communes' self-assessments (Art. 7.1) and the province's consolidation: drafts, "
							+ "submission, return, acceptance, corrections, the run from the accepted ones."),
			tag("ministry",
					"The province's report to the Ministry (Art. 7.2), the Ministry's decision on it, the "
							+ "national board and the national list (Art. 7.3)."),
			tag("other-systems", "What other systems read: approved classes of a period (paged, ETag, since cursor), "
					+ "the funding-priority list and the feed of approval events."));

	/** "METHOD path" → operation id, tag, summary, description. */
	private static final Map<String, String[]> OPERATIONS = new LinkedHashMap<>();

	static {
		op("POST /api/v1/evaluations", "evaluate", "evaluations", "Classify communes, storing nothing",
				"Validates the facts as an import does, derives route facts from the key-route registry and "
						+ "classifies with the rules a run would use; every result carries the evidence of all 16 criteria.");
		op("POST /api/v1/runs", "startRun", "runs", "Start a run from a file or from JSON",
				"Multipart: a CSV, XLSX or JSON file of one province's communes for one period; or the same as "
						+ "JSON. 201 with the new run; 200 with the stored run when these facts were classified "
						+ "under these rules before. Invalid facts: 422 with every problem by row and column.");
		op("GET /api/v1/runs", "listRuns", "runs", "List runs, newest first",
				"Runs of the caller's provinces, optionally of one province and period.");
		op("GET /api/v1/runs/{id}", "getRun", "runs", "Read a run",
				"Its province, period, rules, counts per class (approved and recommended) and links.");
		op("GET /api/v1/runs/{id}/decisions", "listRunDecisions", "runs", "List a run's decisions",
				"One line per commune, optionally of one class.");
		op("GET /api/v1/runs/{id}/readings", "getRunReadings", "runs", "What the other readings would change",
				"The run's reading of the Decision switch by switch (the interpretation ledger: option, sources, who "
						+ "decided and when) and, for each switch with another option, how many communes that option "
						+ "would move and from which class to which, counted when the run was stored (or why not).");
		op("GET /api/v1/runs/{id}/readings/{switch}", "getRunReading", "runs",
				"The communes another reading would move",
				"One switch of the ledger over the run, with the communes each other option would move, classified "
						+ "again on demand from the run's stored facts with the rules that were counted.");
		op("GET /api/v1/decisions/{id}", "getDecision", "runs", "Read a decision with its evidence",
				"The class, the rule that decided, every criterion's value and threshold, warnings, "
						+ "what would move it, the facts as submitted and the approved class.");
		op("GET /api/v1/runs/{id}/approval", "getApproval", "approval", "Read a run's approval state",
				"Its state (draft, submitted, approved, returned), who and when, and its overrides.");
		op("POST /api/v1/runs/{id}/submission", "submitRun", "approval", "Submit a run for approval",
				"By an officer of the run's province; a submitted or approved run cannot be submitted again (409).");
		op("POST /api/v1/runs/{id}/approval", "approveRun", "approval", "Approve a submitted run",
				"By an approver of the run's province who did not submit it, with the number and date of the "
						+ "approving decision; the approved classes then stand for the period.");
		op("POST /api/v1/runs/{id}/return", "returnRun", "approval", "Return a submitted run to its officer",
				"With the reason; the officer may submit it again.");
		op("GET /api/v1/runs/{id}/overrides", "listOverrides", "approval", "List a run's overrides",
				"Proposed and confirmed classes that differ from the rules'.");
		op("POST /api/v1/runs/{id}/overrides", "proposeOverride", "approval", "Propose an override",
				"Another class for one commune of the run, with the reason; another approver confirms it.");
		op("GET /api/v1/overrides/{id}", "getOverride", "approval", "Read an override", "Its state and reason.");
		op("POST /api/v1/overrides/{id}/confirmation", "confirmOverride", "approval", "Confirm an override",
				"By an approver other than the one who proposed it.");
		op("GET /api/v1/overrides/report", "getOverrideReport", "approval", "Overrides by rule and criterion",
				"Across runs: JSON, or format=xlsx.");
		op("GET /api/v1/communes/{code}/classifications", "getCommuneClassifications", "communes",
				"A commune's classes across periods", "Per period, the class of the run standing for it.");
		op("GET /api/v1/communes/{code}/approved-class", "getCommuneApprovedClass", "communes",
				"A commune's approved class for a period",
				"From the approved list of its province for the period; 404 while none is approved.");
		op("GET /api/v1/communes/{code}/changes", "explainCommuneChange", "replay", "Why a commune's class changed",
				"DATA, RULES, BOTH or NONE, from the old facts under the new rules and the new facts under the old.");
		op("GET /api/v1/runs/{id}/province", "getRunProvinceDecision", "provinces", "The province's class for a run",
				"Art. 5 and 6, decided with the run and stored with it; INCOMPLETE when units are missing.");
		op("GET /api/v1/provinces/{code}/classifications", "listProvinceClassifications", "provinces",
				"A province's classes per period",
				"The run standing for each period, its counts and the province class.");
		op("GET /api/v1/provinces/{code}/transitions", "getProvinceTransitions", "provinces",
				"Transitions between two periods", "Communes by class in one period and the other, who moved where.");
		op("GET /api/v1/provinces/{code}/progress", "getProvinceProgress", "targets",
				"Progress towards the drug-free targets", "Per period and for the targets ahead.");
		op("GET /api/v1/targets", "listTargets", "targets", "List drug-free targets", "Of one scope or all.");
		op("PUT /api/v1/targets/{scope}/{year}", "setTarget", "targets", "Set a drug-free target",
				"Sets or replaces the target of a province (by its People's Committee: an APPROVER of that "
						+ "province) or of VN (by the Ministry: MINISTRY) for a year.");
		op("GET /api/v1/rule-sets", "listRuleSetVersions", "rule-sets", "List rule-set versions, newest first",
				"Optionally by status or content hash.");
		op("POST /api/v1/rule-sets", "uploadRuleSetVersion", "rule-sets", "Upload a rule-set version",
				"DRL files and scenario tables (or a zip of them): compiled, scenarios run, stored. 201 new; "
						+ "200 the same name and files again; 422 when it does not compile.");
		op("GET /api/v1/rule-sets/{id}", "getRuleSetVersion", "rule-sets", "Read a rule-set version",
				"Its files, errors, periods and status.");
		op("GET /api/v1/rule-sets/{id}/file", "getRuleSetFile", "rule-sets", "Read one file of a version",
				"The text of a DRL file or scenario table of its bundle.");
		op("GET /api/v1/rule-sets/{id}/scenarios", "runRuleSetScenarios", "rule-sets", "Run a version's scenarios",
				"Its scenario tables now, with every failing row.");
		op("GET /api/v1/rule-sets/{id}/activation", "previewActivation", "rule-sets", "Preview an activation",
				"What activating would change, changing nothing.");
		op("POST /api/v1/rule-sets/{id}/activation", "activateRuleSetVersion", "rule-sets", "Activate a version",
				"After its scenarios pass, active for its periods; versions it covers entirely are superseded.");
		op("POST /api/v1/rule-sets/{id}/retirement", "retireRuleSetVersion", "rule-sets", "Retire a version",
				"Rollback: retired, and the versions it superseded active again.");
		op("GET /api/v1/rule-sets/effective", "getEffectiveRuleSetVersion", "rule-sets",
				"The version in force for a period", "The version a run for that period would use.");
		op("GET /api/v1/rule-sets/watched", "getWatchedRuleSet", "rule-sets", "The development watcher's state",
				"Development profile only: its directory, the version in use and the last errors; 404 when off.");
		op("GET /api/v1/rule-sets/{id}/simulation", "simulateRuleSetVersion", "replay",
				"Simulate a version over a stored run",
				"Its classes over the run's facts, nothing stored: JSON or XLSX.");
		op("GET /api/v1/decisions/{id}/reproduction", "reproduceDecision", "replay", "Reproduce a decision",
				"Re-evaluates it with its pinned rules and facts snapshot.");
		op("GET /api/v1/routes", "listRoutes", "routes", "List key routes", "Optionally of a province and period.");
		op("POST /api/v1/routes", "registerRoutes", "routes", "Register key routes",
				"One route, or an array of them registered all or none.");
		op("GET /api/v1/routes/{code}", "getRoute", "routes", "Read a key route", "Its communes in order.");
		op("GET /api/v1/runs/{id}/report", "getRunReport", "reports", "A run's report",
				"PDF (A4, Vietnamese) or XLSX.");
		op("GET /api/v1/provinces/{code}/report", "getProvinceReport", "reports", "A province's report for a period",
				"Of the run standing for the period: PDF or XLSX.");
		op("GET /api/v1/runs/{id}/charts/classes", "getRunClassChart", "reports", "A run's classes as a chart",
				"PNG or SVG.");
		op("GET /api/v1/provinces/{code}/charts/trend", "getProvinceTrendChart", "reports",
				"A province's classes across periods as a chart", "PNG or SVG.");
		op("GET /api/v1/runs/{id}/export", "exportRun", "reports", "The province's list of a run",
				"XLSX or CSV, an EXPORT entry of the audit trail.");
		op("GET /api/v1/audit/entries", "listAuditEntries", "audit", "Read the audit trail",
				"Entries after a sequence number, at most 1,000 at a time.");
		op("GET /api/v1/audit/verification", "verifyAuditTrail", "audit", "Verify the audit trail",
				"Its hash chain and signed checkpoints.");
		op("POST /api/v1/audit/verification", "verifyAuditExport", "audit", "Verify an exported audit trail",
				"Checks an export (entries and checkpoints) against the checkpoints' signatures.");
		op("GET /api/v1/audit/checkpoints", "exportAuditCheckpoints", "audit", "Export the signed checkpoints",
				"With the public key to check them.");
		op("POST /api/v1/audit/checkpoints", "signAuditCheckpoint", "audit", "Sign a checkpoint now",
				"201 new, 200 when the latest entry is signed already; 409 when the chain does not verify.");
		op("POST /api/v1/api-tokens", "createApiToken", "api-tokens", "Issue an API token",
				"For a client system; the token (cls_…) is shown once.");
		op("GET /api/v1/ministry-reports/{province}/{period}", "getMinistryReport", "ministry",
				"Read a province's report to the Ministry",
				"The approved lists, routes and province class as submitted, its status and the deadlines.");
		op("POST /api/v1/ministry-reports/{province}/{period}/submission", "submitMinistryReport", "ministry",
				"Submit the province's report to the Ministry",
				"By an officer of the province, once the People's Committee has approved its list (else 409).");
		op("POST /api/v1/ministry-reports/{province}/{period}/approval", "approveMinistryReport", "ministry",
				"Approve a province's report", "By the Ministry, with its decision's number and date.");
		op("POST /api/v1/ministry-reports/{province}/{period}/return", "returnMinistryReport", "ministry",
				"Return a province's report", "By the Ministry, with a reason; the province may submit again.");
		op("GET /api/v1/national-board", "getNationalBoard", "ministry", "Read the national board of a period",
				"Every province's approval and report status, counts per class and drug-free shares against targets.");
		op("GET /api/v1/national-list", "getNationalList", "ministry", "Download the national list of a period",
				"The approved communes of the provinces the Ministry approved, grouped by province (JSON, XLSX, PDF).");
		op("GET /api/v1/approved-classes", "listApprovedClasses", "other-systems",
				"List the approved classes of a period",
				"Paged; an ETag answers If-None-Match with 304; since returns what was approved after a cursor.");
		op("GET /api/v1/funding-priority", "listFundingPriority", "other-systems",
				"List the funding-priority communes of a period",
				"Approved type I, type II, and type III on a key route (Project 4), with the approving decisions.");
		op("GET /api/v1/approval-events", "listApprovalEvents", "other-systems", "Poll the approval events",
				"Runs approved and reports submitted, approved or returned, after a cursor, in commit order.");
		op("GET /api/v1/communes/{code}/assessments/{period}", "getAssessment", "assessments",
				"Read a commune's self-assessment", "Its figures, status, submissions and provisional class.");
		op("PUT /api/v1/communes/{code}/assessments/{period}", "saveAssessmentDraft", "assessments",
				"Save a self-assessment draft", "By the commune's own user; figures are checked at submission.");
		op("POST /api/v1/communes/{code}/assessments/{period}/submission", "submitAssessment", "assessments",
				"Submit a self-assessment to the province",
				"Checked as an import is (422 with every problem by field); kept with who and when.");
		op("POST /api/v1/communes/{code}/assessments/{period}/return", "returnAssessment", "assessments",
				"Return a self-assessment to the commune", "By an officer of the province, with a reason.");
		op("POST /api/v1/communes/{code}/assessments/{period}/acceptance", "acceptAssessment", "assessments",
				"Accept a self-assessment", "By an officer of the province.");
		op("POST /api/v1/communes/{code}/assessments/{period}/corrections", "correctAssessment", "assessments",
				"Correct one figure of a self-assessment",
				"By an officer of the province, with a reason; audited with the old and new value.");
		op("GET /api/v1/provinces/{code}/assessments", "listProvinceAssessments", "assessments",
				"Read the province's board of self-assessments",
				"Every commune-level unit of the province for the period and its status.");
		op("POST /api/v1/provinces/{code}/assessments/{period}/run", "startRunFromAssessments", "assessments",
				"Start the province's run from the accepted self-assessments",
				"An ordinary run; units without an accepted self-assessment leave the province decision INCOMPLETE.");
		op("GET /api/v1/runs/{id}/official-list", "getOfficialList", "reports",
				"Download the run's list as an official document (PDF)",
				"The attachment to the People's Committee's decision; a draft until the run is approved.");
		op("GET /api/v1/provinces/{code}/official-list", "getProvinceOfficialList", "reports",
				"Download the approved list of a period as an official document (PDF)",
				"404 until a run of the period is approved.");
		op("GET /api/v1/decisions/{id}/official-sheet", "getOfficialSheet", "reports",
				"Download a commune's decision sheet (PDF)", "The class, its plain reason and its criteria.");
		op("GET /api/v1/decisions/{id}/what-would-it-take", "getWhatItTakes", "replay",
				"What would move a decision to a better class",
				"The fewest changes of its facts, searched over the bands and confirmed by the run's own rules.");
		op("GET /api/v1/rule-sets/{id}/bundle", "downloadRuleSetBundle", "rule-sets",
				"Download a version's bundle (zip)", "Its DRL files, law files and scenario tables, as uploaded.");
		op("GET /api/v1/rule-sets/{id}/proof", "getRuleSetProof", "rule-sets", "Read a version's exhaustive check",
				"Cells per class, unclassified cells, monotonicity counterexamples with scenario rows.");
	}

	/** Status → what it means, for every operation that can answer it. */
	private static final Map<String, String> PROBLEMS = Map.of("400",
			"Bad request: malformed JSON, a bad parameter, an unknown rule set", "401",
			"Unauthorized: no or wrong credentials", "403",
			"Forbidden: the caller's roles, or another province (forbidden-province)", "404", "Not found", "409",
			"Conflict: not allowed in this state, or already exists", "413",
			"Content too large: the body or file is past the limits", "422",
			"Rejected: the facts, the rules or a value (every problem listed)", "429",
			"Too many failed sign-ins: retry after Retry-After seconds", "500", "Internal error (logged as a bug)",
			"503", "Database unavailable: retry later");

	@Bean
	OpenAPI classifierOpenApi() {
		Components components = new Components()
			.addSecuritySchemes("basic",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("basic")
						.description("A local user (classifier.security.local-users), over TLS."))
			.addSecuritySchemes("apiToken",
					new SecurityScheme().type(SecurityScheme.Type.HTTP)
						.scheme("bearer")
						.bearerFormat("cls_…")
						.description("An API token issued to a client system (POST /api/v1/api-tokens): "
								+ "Authorization: Bearer cls_…; kept as a hash, revoked by an administrator."))
			.addSecuritySchemes("oidc", new SecurityScheme().type(SecurityScheme.Type.HTTP)
				.scheme("bearer")
				.bearerFormat("JWT")
				.description("An access token (JWT) of the configured OIDC issuer "
						+ "(spring.security.oauth2.resourceserver.jwt.issuer-uri), its roles and province from its "
						+ "claims; validated as RFC8725 recommends: signature, issuer, expiry."))
			.addSchemas(PROBLEM, problemSchema());
		return new OpenAPI()
			.info(new Info().title("Drug-area classifier API")
				.version("v1")
				.description("Classifies Vietnam's commune-level units for drug control under Decision "
						+ "28/2025/QĐ-TTg and keeps every decision with its evidence. Errors are RFC 9457 problem "
						+ "details whose type is one of the catalogue in docs/api.md.")
				.contact(new Contact().name("Drug-area classifier maintainers")))
			.servers(List.of(new Server().url("/")
				.description("The node that served this document (production, test or a developer's quick start)")
				.extensions(Map.of("x-internal", true))))
			.components(components)
			.security(List.of(new SecurityRequirement().addList("basic"), new SecurityRequirement().addList("apiToken"),
					new SecurityRequirement().addList("oidc")))
			.tags(TAGS);
	}

	@Bean
	OpenApiCustomizer classifierContract() {
		return openApi -> {
			openApi.tags(new ArrayList<>(TAGS));
			openApi.getComponents().addSchemas(PROBLEM, problemSchema());
			openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
				String[] described = OPERATIONS.get(method + " " + path);
				if (described == null) {
					throw new IllegalStateException("no operation id and summary for " + method + " " + path
							+ " in ApiDocumentation.OPERATIONS");
				}
				operation.operationId(described[0])
					.tags(List.of(described[1]))
					.summary(described[2])
					.description(described[3]);
				if (operation.getParameters() != null) {
					operation.getParameters().forEach(parameter -> limit(path, parameter));
				}
				if (operation.getRequestBody() != null) {
					uploads(path, operation);
				}
				if (described[3].contains("201")) {
					ApiResponse ok = operation.getResponses().get("200");
					operation.getResponses()
						.addApiResponse("201", new ApiResponse().description("Created").content(ok.getContent()));
				}
				problems(path, method, operation);
			}));
		};
	}

	private static void problems(String path, PathItem.HttpMethod method, Operation operation) {
		ApiResponses responses = operation.getResponses();
		boolean hasInput = operation.getRequestBody() != null
				|| (operation.getParameters() != null && !operation.getParameters().isEmpty());
		List<String> statuses = new ArrayList<>(List.of("401", "403", "429", "500", "503"));
		if (hasInput) {
			statuses.add("400");
		}
		if (path.contains("{")) {
			statuses.add("404");
		}
		if (operation.getRequestBody() != null) {
			statuses.addAll(List.of("413", "422"));
		}
		if (method != PathItem.HttpMethod.GET || path.endsWith("/simulation")) {
			statuses.add("409");
		}
		if (path.endsWith("/simulation") || path.endsWith("/activation") || path.endsWith("/reproduction")) {
			statuses.add("422");
		}
		statuses.stream().sorted().distinct().forEach(status -> {
			ApiResponse response = new ApiResponse().description(PROBLEMS.get(status))
				.content(new Content().addMediaType("application/problem+json",
						new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
			if (status.equals("429")) {
				response.addHeaderObject("Retry-After",
						new Header().description("seconds to wait before signing in again")
							.schema(new IntegerSchema().format("int32")
								.minimum(BigDecimal.ONE)
								.maximum(BigDecimal.valueOf(86_400))));
			}
			responses.addApiResponse(status, response);
		});
	}

	/**
	 * Files: at most {@code spring.servlet.multipart.max-file-size} each (20 MB as
	 * shipped), a rule-set bundle at most its entries ({@code Bundle}). A run's file and
	 * its JSON body share one path: springdoc keeps the annotated JSON body only, so the
	 * file form is stated here, first (the form a client generator picks).
	 */
	private static void uploads(String path, Operation operation) {
		Content content = operation.getRequestBody().getContent();
		if (path.equals("/api/v1/runs") && !content.containsKey(MULTIPART)) {
			Content both = new Content().addMediaType(MULTIPART, new MediaType().schema(
					new ObjectSchema()
						.addProperty("file",
								new StringSchema()
									.format("binary")
									.description("a CSV, XLSX or JSON file of one province's communes for one period "
											+ "(data-samples/cao-bang-2025.csv)"))
						.required(List.of("file"))));
			content.forEach(both::addMediaType);
			operation.getRequestBody().setContent(both);
			content = both;
		}
		MediaType form = content.get(MULTIPART);
		if (form == null || form.getSchema() == null || form.getSchema().getProperties() == null) {
			return;
		}
		Map<String, Schema<?>> properties = form.getSchema().getProperties();
		properties.values().forEach(property -> {
			if ("array".equals(property.getType())) {
				property.setMaxItems(MAX_BUNDLE_FILES);
				property.getItems().setMaxLength(MAX_FILE_BYTES);
			}
			else if ("binary".equals(property.getFormat())) {
				property.setMaxLength(MAX_FILE_BYTES);
			}
		});
	}

	/**
	 * The limits of the parameters, by name (and path where one name means two things).
	 */
	private static void limit(String path, Parameter parameter) {
		// springdoc may share one schema object between parameters of a type: limit a
		// copy
		Schema<?> schema = copy(parameter.getSchema());
		parameter.setSchema(schema);
		switch (parameter.getName()) {
			case "id", "run", "ruleSetVersion" -> integer(schema, BigDecimal.ONE, new BigDecimal(ApiLimits.MAX_ID));
			case "after", "since" -> integer(schema, BigDecimal.ZERO, new BigDecimal(ApiLimits.MAX_ID));
			case "page" -> integer(schema, BigDecimal.ZERO, new BigDecimal(ApiLimits.MAX_ID));
			case "size" -> integer(schema, BigDecimal.ONE, BigDecimal.valueOf(1000));
			case "If-None-Match" -> text(schema, null, 128);
			case "limit" -> integer(schema, BigDecimal.ONE, BigDecimal.valueOf(1000));
			case "period", "from", "to", "year", "effectiveFrom", "effectiveTo" ->
				integer(schema, new BigDecimal(ApiLimits.FIRST_PERIOD), new BigDecimal(ApiLimits.LAST_PERIOD));
			case "province", "provinceCode" -> text(schema, ApiLimits.PROVINCE_CODE, 2);
			case "code" -> {
				if (path.startsWith("/api/v1/communes/")) {
					text(schema, ApiLimits.COMMUNE_CODE, 5);
				}
				else if (path.startsWith("/api/v1/provinces/")) {
					text(schema, ApiLimits.PROVINCE_CODE, 2);
				}
				else {
					text(schema, null, 32);
				}
			}
			case "scope" -> text(schema, "^([0-9]{2}|VN)$", 2);
			case "ruleSet", "name" -> text(schema, ApiLimits.RULE_SET_NAME, 64);
			case "contentHash" -> text(schema, "^[0-9a-f]{1,64}$", 64);
			case "path", "label" -> text(schema, null, 255);
			case "switch" -> text(schema, "^[a-z0-9][a-z0-9-]{0,63}$", 64);
			case "author" -> text(schema, null, 128);
			case "note" -> text(schema, null, 2000);
			case "format" -> formats(path, schema);
			default -> {
				if ("string".equals(schema.getType()) && schema.getEnum() == null) {
					throw new IllegalStateException("no limits for parameter " + parameter.getName() + " of " + path);
				}
			}
		}
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void formats(String path, Schema schema) {
		List<String> formats;
		if (path.endsWith("/export")) {
			formats = List.of("xlsx", "csv");
		}
		else if (path.endsWith("/report") && !path.startsWith("/api/v1/overrides")) {
			formats = List.of("pdf", "xlsx");
		}
		else if (path.endsWith("/national-list")) {
			formats = List.of("json", "xlsx", "pdf");
		}
		else if (path.contains("/charts/")) {
			formats = List.of("png", "svg");
		}
		else {
			formats = List.of("json", "xlsx");
		}
		schema.setEnum(new ArrayList<>(formats));
		schema.setMaxLength(4);
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static Schema<?> copy(Schema<?> shared) {
		Schema copy = new Schema<>();
		copy.setType(shared.getType());
		copy.setTypes(shared.getTypes());
		copy.setFormat(shared.getFormat());
		if (shared.getDefault() != null) {
			copy.setDefault(shared.getDefault());
		}
		copy.setEnum(shared.getEnum() == null ? null : new ArrayList<>(shared.getEnum()));
		copy.setMinimum(shared.getMinimum());
		copy.setMaximum(shared.getMaximum());
		copy.setMaxLength(shared.getMaxLength());
		copy.setPattern(shared.getPattern());
		copy.setDescription(shared.getDescription());
		return copy;
	}

	private static void integer(Schema<?> schema, BigDecimal min, BigDecimal max) {
		schema.setMinimum(min);
		schema.setMaximum(max);
	}

	private static void text(Schema<?> schema, String pattern, int maxLength) {
		schema.setPattern(pattern);
		schema.setMaxLength(maxLength);
	}

	private static Schema<?> problemSchema() {
		List<String> types = Arrays.stream(ProblemType.values()).map(t -> t.uri().toString()).toList();
		return new ObjectSchema()
			.description("An RFC 9457 problem detail; its type is one of the catalogue in docs/api.md (ProblemType).")
			.addProperty("type", new StringSchema()._enum(types).format("uri").maxLength(100))
			.addProperty("title", new StringSchema().maxLength(200).example("Facts rejected"))
			.addProperty("status",
					new IntegerSchema().format("int32")
						.minimum(BigDecimal.valueOf(400))
						.maximum(BigDecimal.valueOf(599)))
			.addProperty("detail", new StringSchema().maxLength(100_000))
			.addProperty("instance", new StringSchema().format("uri-reference").maxLength(2000))
			.addProperty("errors",
					new ArraySchema().maxItems(100_000)
						.items(new ObjectSchema()
							.description("one problem: row and column, or file and line, and the reason")))
			.required(List.of("type", "title", "status"));
	}

	private static void op(String key, String id, String tag, String summary, String description) {
		OPERATIONS.put(key, new String[] { id, tag, summary, description });
	}

	private static Tag tag(String name, String description) {
		return new Tag().name(name).description(description);
	}

}
