package vn.drugcontrol.service.province;

import org.springframework.security.access.prepost.PreAuthorize;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.province.ProvinceClassification;
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

	private final JdbcClient jdbc;

	ProvinceClassifier(AdminUnits units, KeyRoutes routes, ProvinceDecisionRepository decisions,
			ApprovedClasses approved, RunRepository runs, RuleSetCatalogue ruleSets, JdbcClient jdbc) {
		this.jdbc = jdbc;
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

	/**
	 * {@link #ofRun} for the runs standing for a province's periods, read in three
	 * queries (decisions, their evidence, their missing units) rather than several per
	 * period. A run's counts already stand as its list does ({@link PeriodRuns}), so the
	 * stored decision stands unless approved overrides changed its type I + II count;
	 * only then is the province classified again ({@link #ofRun}).
	 */
	@PreAuthorize("@provinceScope.read(#province)")
	public Map<Long, ProvinceDecision> ofRuns(String province, List<PeriodRuns.PeriodRun> runs) {
		List<PeriodRuns.PeriodRun> own = runs.stream().filter(r -> r.provinceCode().equals(province)).toList();
		Map<Long, ProvinceDecision> stored = stored(own.stream().map(PeriodRuns.PeriodRun::runId).toList());
		Map<Long, ProvinceDecision> standing = new LinkedHashMap<>();
		for (PeriodRuns.PeriodRun run : own) {
			ProvinceDecision decision = stored.get(run.runId());
			if (decision == null) {
				continue;
			}
			long keyAreas = run.typeICount() + run.typeIICount();
			standing.put(run.runId(), (!decision.complete() || keyAreas == decision.keyAreaCommunes()) ? decision
					: standing(run.runId(), decision));
		}
		return standing;
	}

	/** The decisions stored with these runs, with their evidence and missing units. */
	private Map<Long, ProvinceDecision> stored(List<Long> runIds) {
		if (runIds.isEmpty()) {
			return Map.of();
		}
		Map<Long, List<ProvinceDecision.EvidenceRow>> evidence = new HashMap<>();
		jdbc.sql("""
				SELECT e.province_decision_id, e.criterion_id, e.measure, e.label_vi, e.label_en, e.observed,
				       e.threshold, e.met, e.rule_name
				FROM province_decision_evidence e JOIN province_decision p ON p.id = e.province_decision_id
				WHERE p.run_id IN (:runs) ORDER BY e.province_decision_id, e.position
				""").param("runs", runIds).query((rs, n) -> {
			evidence.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new ProvinceDecision.EvidenceRow(rs.getString(2), rs.getString(3), rs.getString(4),
						rs.getString(5), rs.getString(6), rs.getString(7), rs.getBoolean(8), rs.getString(9)));
			return null;
		}).list();
		Map<Long, List<ProvinceDecision.MissingUnit>> missing = new HashMap<>();
		jdbc.sql("""
				SELECT m.province_decision_id, m.unit_code, m.unit_name
				FROM province_decision_missing_unit m JOIN province_decision p ON p.id = m.province_decision_id
				WHERE p.run_id IN (:runs) ORDER BY m.province_decision_id, m.position
				""").param("runs", runIds).query((rs, n) -> {
			missing.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new ProvinceDecision.MissingUnit(rs.getString(2), rs.getString(3)));
			return null;
		}).list();
		Map<Long, ProvinceDecision> decisions = new HashMap<>();
		jdbc.sql("""
				SELECT id, run_id, province_code, period, classification, decided_by, criteria_met, population,
				       managed_users, exempt_users, drug_use_points, arrested_offenders, resident_violators,
				       wanted_fugitives, plants_destroyed, plant_area_m2, commune_units, key_area_communes,
				       on_inter_provincial_route, route_source
				FROM province_decision WHERE run_id IN (:runs)
				""").param("runs", runIds).query((rs, n) -> {
			long id = rs.getLong(1);
			decisions.put(rs.getLong(2), new ProvinceDecision(id, rs.getLong(2), rs.getString(3), rs.getInt(4),
					ProvinceClassification.valueOf(rs.getString(5)), rs.getString(6), rs.getString(7), rs.getLong(8),
					rs.getLong(9), rs.getLong(10), rs.getLong(11), rs.getLong(12), rs.getLong(13), rs.getLong(14),
					rs.getLong(15), rs.getBigDecimal(16), rs.getLong(17), rs.getLong(18), rs.getBoolean(19),
					rs.getString(20), List.copyOf(evidence.getOrDefault(id, List.of())),
					List.copyOf(missing.getOrDefault(id, List.of()))));
			return null;
		}).list();
		return decisions;
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
