package vn.drugcontrol.service.run.api;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.drugcontrol.service.run.api.RunViews.RunView;
import vn.drugcontrol.service.run.api.RunViews.DecisionView;
import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.run.Decision;
import vn.drugcontrol.service.run.Run;
import vn.drugcontrol.service.run.RunQueries;
import vn.drugcontrol.service.run.RunService;
import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.facts.CommuneFactsInput;
import vn.drugcontrol.service.facts.FactsBatch;
import vn.drugcontrol.service.facts.FactsFormat;
import vn.drugcontrol.service.facts.FactsImporter;
import vn.drugcontrol.service.run.RunQueries.DecisionSummary;
import vn.drugcontrol.service.run.RunReadings;
import vn.drugcontrol.service.run.RunService.StartRun;
import vn.drugcontrol.service.run.RunService.Started;
import vn.drugcontrol.service.system.ApiLimits;
import vn.drugcontrol.service.system.Requester;
import vn.drugcontrol.service.system.RequestLimits;

/**
 * Classification runs: start one (JSON, or a CSV/XLSX upload), list them, read one and
 * its decisions.
 */
@RestController
@RequestMapping("/api/v1")
class RunController {

	private final RunService service;

	private final RunQueries queries;

	private final FactsImporter importer;

	private final RequestLimits limits;

	private final ApprovedClasses approved;

	private final RunReadings readings;

	RunController(RunService service, RunQueries queries, FactsImporter importer, RequestLimits limits,
			ApprovedClasses approved, RunReadings readings) {
		this.readings = readings;
		this.approved = approved;
		this.limits = limits;
		this.service = service;
		this.queries = queries;
		this.importer = importer;
	}

	/**
	 * The JSON body of a run, as the OpenAPI document describes it; read as a tree so
	 * that every problem of the facts is reported by item and field.
	 */
	@Schema(description = "A province's communes for one period, to classify and store as a run.")
	record StartRunRequest(
			@Schema(description = "2-digit province code; left out: the communes'", example = "04",
					pattern = ApiLimits.PROVINCE_CODE, maxLength = 2) String provinceCode,
			@Schema(description = "the evaluation period; left out: the communes'", example = "2025",
					minimum = ApiLimits.FIRST_PERIOD, maximum = ApiLimits.LAST_PERIOD) Integer period,
			@Schema(description = "a rule set by name (e.g. default, literal); left out: the one effective for the period",
					example = "default", pattern = ApiLimits.RULE_SET_NAME, maxLength = 64) String ruleSet,
			@Schema(description = "a stored rule-set version by id, instead of a name", minimum = "1",
					maximum = ApiLimits.MAX_ID) Long ruleSetVersion,
			@ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED,
					description = "the communes' facts (at most classifier.limits.max-rows, 10,000 by default)"),
					minItems = 1, maxItems = ApiLimits.MAX_ROWS) List<CommuneFactsInput> communes) {
	}

	/**
	 * Starts a run from JSON: {@code {"provinceCode": "04", "period": 2025, "ruleSet":
	 * "default", "communes": [...]}}.
	 */
	@PostMapping(path = "/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
	ResponseEntity<RunView> startFromJson(
			@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					content = @Content(
							schema = @Schema(implementation = StartRunRequest.class))) @RequestBody JsonNode body,
			HttpServletRequest request) {
		String province = text(body, "provinceCode");
		Integer period = body.hasNonNull("period") && body.get("period").canConvertToInt() ? body.get("period").asInt()
				: null;
		limits.checkRows(body.path("communes").size());
		FactsBatch batch = importer.readJson("request body", body.path("communes"), province, period);
		JsonNode version = body.get("ruleSetVersion");
		return respond(service.start(new StartRun(batch, text(body, "ruleSet"), "api", FactsFormat.JSON.name(),
				Requester.of(request), version != null && version.canConvertToLong() ? version.asLong() : null)));
	}

	/** Starts a run from an uploaded CSV, XLSX or JSON file of commune facts. */
	@PostMapping(path = "/runs", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<RunView> startFromFile(@RequestPart("file") MultipartFile file,
			@RequestParam(required = false) String provinceCode, @RequestParam(required = false) Integer period,
			@RequestParam(required = false) String ruleSet, @RequestParam(required = false) Long ruleSetVersion,
			HttpServletRequest request) throws IOException {
		String name = file.getOriginalFilename() == null ? "upload" : file.getOriginalFilename();
		FactsFormat format = FactsFormat.fromFileName(name);
		FactsBatch batch;
		try (InputStream in = file.getInputStream()) {
			batch = importer.read(name, in, format, provinceCode, period, limits.rowCounter(name));
		}
		return respond(service
			.start(new StartRun(batch, ruleSet, name, format.name(), Requester.of(request), ruleSetVersion)));
	}

	@GetMapping("/runs")
	List<RunView> list(@RequestParam(required = false) String province,
			@RequestParam(required = false) Integer period) {
		List<Run> runs = queries.runs(province, period);
		// the approvals and overrides of every run listed read at once, not per run
		Map<Long, ApprovedClasses.RunClasses> classes = approved.ofRuns(runs);
		return runs.stream().map(r -> RunView.of(r, classes.get(r.id()))).toList();
	}

	@GetMapping("/runs/{id}")
	RunView get(@PathVariable long id) {
		return view(find(id));
	}

	@GetMapping("/runs/{id}/decisions")
	List<DecisionSummary> decisions(@PathVariable long id,
			@RequestParam(required = false) Classification classification) {
		find(id);
		return queries.decisionsOf(id, classification);
	}

	/**
	 * The run's reading of the Decision, switch by switch (the interpretation ledger),
	 * and how many communes each other option would move, from which class to which.
	 */
	@GetMapping("/runs/{id}/readings")
	RunReadings.Readings readings(@PathVariable long id) {
		return readings.ofRun(id);
	}

	/** One switch over the run, with the communes each other option would move. */
	@GetMapping("/runs/{id}/readings/{switch}")
	RunReadings.SwitchReading reading(@PathVariable long id, @PathVariable("switch") String switchId) {
		return readings.ofSwitch(id, switchId);
	}

	@GetMapping("/decisions/{id}")
	DecisionView decision(@PathVariable long id) {
		Decision d = queries.decision(id);
		return DecisionView.of(d, find(d.runId()), approved.ofDecision(id).orElseThrow(), approved.basisOf(d.runId()));
	}

	private RunView view(Run run) {
		return RunView.of(run, approved.ofRun(run));
	}

	private Run find(long id) {
		return queries.run(id);
	}

	private ResponseEntity<RunView> respond(Started started) {
		RunView view = view(started.run());
		URI location = URI.create("/api/v1/runs/" + view.id());
		return started.created() ? ResponseEntity.created(location).body(view)
				: ResponseEntity.ok().location(location).body(view);
	}

	private static String text(JsonNode body, String field) {
		JsonNode node = body.get(field);
		return node == null || node.isNull() ? null : node.asString();
	}

}
