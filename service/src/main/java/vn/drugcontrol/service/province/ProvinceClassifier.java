package vn.drugcontrol.service.province;

import java.util.List;
import java.util.Optional;

import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.province.ProvinceFacts;
import vn.drugcontrol.rules.province.ProvinceOutcome;
import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.facts.FactsBatch;
import vn.drugcontrol.service.route.KeyRoutes;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue;
import vn.drugcontrol.service.run.Run;
import vn.drugcontrol.service.run.RunRepository;

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

	private final ApprovedClasses approved;

	private final RunRepository runs;

	private final RuleSetCatalogue ruleSets;

	ProvinceClassifier(AdminUnits units, KeyRoutes routes, ProvinceDecisionRepository decisions,
			ApprovedClasses approved, RunRepository runs, RuleSetCatalogue ruleSets) {
		this.approved = approved;
		this.runs = runs;
		this.ruleSets = ruleSets;
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

	/**
	 * The province decision as the run's list stands. Once the People's Committee has
	 * approved the run, Art. 5.4 (type I + II share) counts the approved classes (note 6
	 * of the criteria): where confirmed overrides change that count, the province is
	 * classified again with the run's own rule set, on the stored facts with the approved
	 * count. Otherwise, the decision stored with the run.
	 */
	public Optional<ProvinceDecision> ofRun(long runId) {
		return recommendedOfRun(runId).map(stored -> standing(runId, stored));
	}

	/** The decision stored with the run: on the rules' recommended classes. */
	public Optional<ProvinceDecision> recommendedOfRun(long runId) {
		return decisions.findByRunId(runId);
	}

	private ProvinceDecision standing(long runId, ProvinceDecision stored) {
		Run run = runs.findById(runId).orElseThrow();
		ApprovedClasses.RunClasses classes = approved.ofRun(run);
		long keyAreas = classes.count(Classification.TYPE_I) + classes.count(Classification.TYPE_II);
		if (!classes.basis().approved() || keyAreas == stored.keyAreaCommunes()) {
			return stored;
		}
		RuleSet ruleSet = ruleSets.byContentHash(run.ruleSetHash(), run.ruleSetName())
			.orElseThrow(() -> new IllegalStateException("the rules of run " + runId + " (" + run.ruleSetHash()
					+ ") are no longer stored; its province cannot be classified on its approved list"))
			.ruleSet();
		ProvinceFacts facts = new ProvinceFacts(stored.provinceCode(), stored.period(), stored.population(),
				stored.managedUsers(), stored.exemptUsers(), stored.drugUsePoints(), stored.arrestedOffenders(),
				stored.residentViolators(), stored.wantedFugitives(), stored.plantsDestroyed(), stored.plantAreaM2(),
				stored.communeUnits(), keyAreas, stored.onInterProvincialRoute());
		return ProvinceDecision.of(facts, ruleSet.classifyProvince(facts), stored.routeSource()).forRun(runId);
	}

}
