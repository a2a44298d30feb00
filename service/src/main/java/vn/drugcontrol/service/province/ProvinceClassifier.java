package vn.drugcontrol.service.province;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.province.ProvinceFacts;
import vn.drugcontrol.rules.province.ProvinceOutcome;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.facts.FactsBatch;
import vn.drugcontrol.service.route.KeyRoutes;

/**
 * Classifies a run's province with the run's rule set ({@link RuleSet#classifyProvince},
 * Art. 5 and 6): its communes' facts summed, the share of type I and II communes among
 * all the province's units of the 2025 list, and the inter-provincial route from the
 * registry (else from the communes' route columns).
 */
@Component
public class ProvinceClassifier {

	private final AdminUnits units;

	private final KeyRoutes routes;

	private final ProvinceDecisionRepository decisions;

	ProvinceClassifier(AdminUnits units, KeyRoutes routes, ProvinceDecisionRepository decisions) {
		this.units = units;
		this.routes = routes;
		this.decisions = decisions;
	}

	/** The province decision for a batch just classified; stored by {@link #store}. */
	public ProvinceDecision classify(RuleSet ruleSet, FactsBatch batch, List<CommuneOutcome> outcomes) {
		Optional<Boolean> registered = routes.provinceOnInterProvincialRoute(batch.provinceCode(), batch.period());
		boolean onInter = registered
			.orElseGet(() -> batch.communes().stream().anyMatch(c -> c.onInterProvincialRoute()));
		long communeUnits = Math.max(units.unitsOf(batch.provinceCode()).size(), batch.communes().size());
		ProvinceFacts facts = ProvinceFacts.aggregate(batch.provinceCode(), batch.period(), batch.communes(),
				outcomes.stream().map(CommuneOutcome::classification).toList(), communeUnits, onInter);
		ProvinceOutcome outcome = ruleSet.classifyProvince(facts);
		return ProvinceDecision.of(facts, outcome, registered.isPresent() ? "REGISTRY" : "FACTS");
	}

	/** Stores it with its run, in the run's transaction. */
	public void store(long runId, ProvinceDecision decision) {
		decisions.save(decision.forRun(runId));
	}

	public Optional<ProvinceDecision> ofRun(long runId) {
		return decisions.findByRunId(runId);
	}

}
