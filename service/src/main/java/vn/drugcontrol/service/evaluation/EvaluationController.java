package vn.drugcontrol.service.evaluation;

import java.util.List;

import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.service.facts.FactsBatch;
import vn.drugcontrol.service.facts.FactsImporter;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue;
import vn.drugcontrol.service.run.RunViews.ResultView;
import vn.drugcontrol.service.run.RunViews.RuleSetView;

/**
 * Stateless evaluation: classify the communes in the request with the same validation as
 * imports, and store nothing.
 */
@RestController
class EvaluationController {

	private final FactsImporter importer;

	private final RuleSetCatalogue ruleSets;

	EvaluationController(FactsImporter importer, RuleSetCatalogue ruleSets) {
		this.importer = importer;
		this.ruleSets = ruleSets;
	}

	record EvaluationResponse(List<ResultView> results, RuleSetView ruleSet) {
	}

	/**
	 * Body:
	 * {@code {"period": 2025, "ruleSet": "default"|"literal" (optional), "ruleSetVersion":
	 * 12 (optional), "communes": [...]}}; neither: the version effective for the period.
	 */
	@PostMapping(path = "/api/v1/evaluations", consumes = MediaType.APPLICATION_JSON_VALUE)
	EvaluationResponse evaluate(@RequestBody JsonNode body) {
		Integer period = body.hasNonNull("period") && body.get("period").canConvertToInt() ? body.get("period").asInt()
				: null;
		JsonNode ruleSetName = body.get("ruleSet");
		JsonNode version = body.get("ruleSetVersion");
		FactsBatch batch = importer.readJson("request body", body.path("communes"), null, period);
		RuleSet ruleSet = ruleSets
			.resolve(ruleSetName == null || ruleSetName.isNull() ? null : ruleSetName.asString(),
					version != null && version.canConvertToLong() ? version.asLong() : null, batch.period())
			.ruleSet();
		return new EvaluationResponse(ruleSet.classify(batch.communes()).stream().map(ResultView::of).toList(),
				RuleSetView.of(ruleSet));
	}

}
