package vn.drugcontrol.service.evaluation;

import java.util.List;

import tools.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.service.facts.CommuneFactsInput;
import vn.drugcontrol.service.facts.FactsBatch;
import vn.drugcontrol.service.facts.FactsImporter;
import vn.drugcontrol.service.run.RunService;
import vn.drugcontrol.service.system.ApiLimits;
import vn.drugcontrol.service.run.RunService.Prepared;
import vn.drugcontrol.service.run.api.RunViews.ResultView;
import vn.drugcontrol.service.run.api.RunViews.RuleSetView;

/**
 * Stateless evaluation: a run that stores nothing. The communes in the request are
 * validated as imports are, their route facts derived from the key-route registry and the
 * rules resolved exactly as a run of them would ({@link RunService#prepare}).
 */
@RestController
class EvaluationController {

	private final FactsImporter importer;

	/** How problems name the body. */
	private static final String SOURCE = "request body";

	private final RunService runs;

	EvaluationController(FactsImporter importer, RunService runs) {
		this.importer = importer;
		this.runs = runs;
	}

	/**
	 * The body, as the OpenAPI document describes it; read as a tree so that every
	 * problem of the facts is reported by item and field
	 * ({@link FactsImporter#readJson}).
	 */
	@Schema(description = "Communes to classify, stored nothing: one province and one period.")
	record EvaluationRequest(
			@Schema(description = "the evaluation period", example = "2025", minimum = ApiLimits.FIRST_PERIOD,
					maximum = ApiLimits.LAST_PERIOD) Integer period,
			@Schema(description = "a rule set by name (e.g. default, literal); left out: the one effective for the period",
					example = "default", pattern = ApiLimits.RULE_SET_NAME, maxLength = 64) String ruleSet,
			@Schema(description = "a stored rule-set version by id, instead of a name", minimum = "1",
					maximum = ApiLimits.MAX_ID) Long ruleSetVersion,
			@ArraySchema(arraySchema = @Schema(requiredMode = RequiredMode.REQUIRED,
					description = "the communes' facts (at most classifier.limits.max-rows, 10,000 by default)"),
					minItems = 1, maxItems = ApiLimits.MAX_ROWS) List<CommuneFactsInput> communes) {
	}

	@Schema(description = "Every commune's class with the evidence of all 16 criteria, and the rules that decided.")
	record EvaluationResponse(List<ResultView> results, RuleSetView ruleSet) {
	}

	/**
	 * Body:
	 * {@code {"period": 2025, "ruleSet": "default"|"literal" (optional), "ruleSetVersion":
	 * 12 (optional), "communes": [...]}}; neither: the version effective for the period.
	 */
	@PostMapping(path = "/api/v1/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE)
	EvaluationResponse evaluate(
			@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true, content = @Content(
					schema = @Schema(implementation = EvaluationRequest.class))) @RequestBody JsonNode body) {
		Integer period = body.hasNonNull("period") && body.get("period").canConvertToInt() ? body.get("period").asInt()
				: null;
		JsonNode ruleSetName = body.get("ruleSet");
		JsonNode version = body.get("ruleSetVersion");
		FactsBatch batch = importer.readJson(SOURCE, body.path("communes"), null, period);
		// as a run of these facts would: route facts from the registry, the rules in
		// force
		Prepared prepared = runs.prepare(batch, SOURCE,
				ruleSetName == null || ruleSetName.isNull() ? null : ruleSetName.asString(),
				version != null && version.canConvertToLong() ? version.asLong() : null);
		return new EvaluationResponse(prepared.classify().stream().map(ResultView::of).toList(),
				RuleSetView.of(prepared.ruleSet()));
	}

}
