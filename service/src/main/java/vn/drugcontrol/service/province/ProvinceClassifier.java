package vn.drugcontrol.service.province;

import org.springframework.security.access.prepost.PreAuthorize;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.province.ProvinceFacts;
import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.facts.AdminUnit;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.facts.FactsBatch;
import vn.drugcontrol.service.route.KeyRoutes;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue;
import vn.drugcontrol.service.run.Run;
import vn.drugcontrol.service.run.RunRepository;
import vn.drugcontrol.service.run.RunStored;

/**
 * Classifies a run's province with the run's rule set ({@link RuleSet#classifyProvince},
 * Art. 5 and 6): its communes' facts summed, the share of type I and II communes among
 * all the province's units of the 2025 list, and the inter-provincial route from the
 * registry (else from the communes' route columns).
 * <p>
 * Art. 5's rates and counts and Art. 6's conditions are about the whole province, so the
 * rules are asked only when the run's batch has facts for every commune-level unit of the
 * province in the 2025 list; otherwise the decision is {@code INCOMPLETE} and names the
 * units missing. That check is plumbing, here; the criteria stay in the province DRL.
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
	ProvinceDecision classify(RuleSet ruleSet, FactsBatch batch, List<CommuneOutcome> outcomes) {
		Optional<Boolean> registered = routes.provinceOnInterProvincialRoute(batch.provinceCode(), batch.period());
		boolean onInter = registered
			.orElseGet(() -> batch.communes().stream().anyMatch(c -> c.onInterProvincialRoute()));
		List<AdminUnit> all = units.unitsOf(batch.provinceCode());
		long communeUnits = Math.max(all.size(), batch.communes().size());
		ProvinceFacts facts = ProvinceFacts.aggregate(batch.provinceCode(), batch.period(), batch.communes(),
				outcomes.stream().map(CommuneOutcome::classification).toList(), communeUnits, onInter);
		String routeSource = registered.isPresent() ? "REGISTRY" : "FACTS";
		List<ProvinceDecision.MissingUnit> missing = missingUnits(all, batch);
		if (!missing.isEmpty()) {
			return ProvinceDecision.incomplete(facts, missing, routeSource);
		}
		return ProvinceDecision.of(facts, ruleSet.classifyProvince(facts), routeSource);
	}

	/** The province's units, in the list's order, that the batch has no facts for. */
	private static List<ProvinceDecision.MissingUnit> missingUnits(List<AdminUnit> all, FactsBatch batch) {
		Set<String> covered = batch.communes().stream().map(CommuneFacts::communeCode).collect(Collectors.toSet());
		return all.stream()
			.filter(unit -> !covered.contains(unit.code()))
			.map(unit -> new ProvinceDecision.MissingUnit(unit.code(), unit.fullName()))
			.toList();
	}

	/**
	 * A run was just stored: its province's decision is classified and stored with it, in
	 * the run's transaction (a failure here stores neither).
	 */
	@EventListener
	void store(RunStored run) {
		decisions.save(classify(run.ruleSet(), run.batch(), run.outcomes()).forRun(run.runId()));
	}

	/**
	 * The province decision as the run's list stands. Once the People's Committee has
	 * approved the run, Art. 5.4 (type I + II share) counts the approved classes (note 6
	 * of the criteria): where confirmed overrides change that count, the province is
	 * classified again with the run's own rule set, on the stored facts with the approved
	 * count. Otherwise, the decision stored with the run.
	 */
	@PreAuthorize("@provinceScope.readRun(#runId)")
	public Optional<ProvinceDecision> ofRun(long runId) {
		return recommendedOfRun(runId).map(stored -> standing(runId, stored));
	}

	/** The decision stored with the run: on the rules' recommended classes. */
	public Optional<ProvinceDecision> recommendedOfRun(long runId) {
		return decisions.findByRunId(runId);
	}

	private ProvinceDecision standing(long runId, ProvinceDecision stored) {
		if (!stored.complete()) {
			return stored;
		}
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
