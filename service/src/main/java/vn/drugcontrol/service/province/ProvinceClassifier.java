package vn.drugcontrol.service.province;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.province.ProvinceFacts;
import vn.drugcontrol.service.facts.AdminUnit;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.facts.FactsBatch;
import vn.drugcontrol.service.route.KeyRoutes;

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

	/** Stores it with its run, in the run's transaction. */
	public void store(long runId, ProvinceDecision decision) {
		decisions.save(decision.forRun(runId));
	}

	public Optional<ProvinceDecision> ofRun(long runId) {
		return decisions.findByRunId(runId);
	}

}
