package vn.drugcontrol.service.replay;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.security.access.prepost.PreAuthorize;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetExecutionException;
import vn.drugcontrol.service.replay.StoredDecisions.Stored;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue.Pinned;
import vn.drugcontrol.service.ruleset.RuleSetVersion;
import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.VersionStateException;
import vn.drugcontrol.service.ruleset.RuleSetVersionRepository;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * A candidate rule-set version over the facts of a stored run: what would change, commune
 * by commune, and how many communes move from each class to each other. Stores nothing.
 */
@Component
public class Simulation {

	private final StoredDecisions stored;

	private final RuleSetVersionRepository versions;

	Simulation(StoredDecisions stored, RuleSetVersionRepository versions) {
		this.stored = stored;
		this.versions = versions;
	}

	/** A commune whose class or criteria differ under the candidate. */
	public record CommuneChange(String communeCode, String communeName, Classification from, Classification to,
			CriteriaChange criteria, String decidedBy) {
	}

	/** The rules of one side of a comparison. */
	@Schema(name = "SimulationRules")
	public record Rules(Long versionId, String name, String contentHash) {
	}

	/**
	 * @param matrix from-class (stored) × to-class (candidate) counts, every class on
	 * both sides
	 * @param changes the communes whose class or criteria met differ, by code
	 */
	@Schema(name = "SimulationResult")
	public record Result(long runId, String provinceCode, int period, Rules baseline, Rules candidate, int communeCount,
			int classChanged, int criteriaChanged, Map<Classification, Map<Classification, Integer>> matrix,
			List<CommuneChange> changes) {
	}

	@PreAuthorize("@provinceScope.readRun(#runId)")
	public Result ofRun(long runId, Pinned candidate) {
		List<Stored> decisions = stored.ofRun(runId);
		if (decisions.isEmpty()) {
			throw new NotFoundException("no run " + runId);
		}
		RuleSet rules = candidate.ruleSet();
		List<CommuneOutcome> outcomes;
		try {
			outcomes = rules.classify(decisions.stream().map(Stored::facts).toList());
		}
		catch (RuleSetExecutionException ex) {
			// the candidate's fault, not the server's: a conflict with what it is asked
			// to do
			throw new VersionStateException("rule set version " + candidate.versionId()
					+ " cannot be simulated over run " + runId + ": " + ex.getMessage()
					+ "; add such a commune to its scenario tables and upload a corrected bundle");
		}
		Map<Classification, Map<Classification, Integer>> matrix = new EnumMap<>(Classification.class);
		for (Classification from : Classification.values()) {
			Map<Classification, Integer> row = new EnumMap<>(Classification.class);
			for (Classification to : Classification.values()) {
				row.put(to, 0);
			}
			matrix.put(from, row);
		}
		List<CommuneChange> changes = new ArrayList<>();
		int classChanged = 0;
		for (int i = 0; i < decisions.size(); i++) {
			Stored before = decisions.get(i);
			CommuneOutcome after = outcomes.get(i);
			matrix.get(before.classification()).merge(after.classification(), 1, Integer::sum);
			CriteriaChange criteria = CriteriaChange.between(before.criteriaMet(), after.criteriaMet());
			if (before.classification() != after.classification()) {
				classChanged++;
			}
			if (before.classification() != after.classification() || !criteria.unchanged()) {
				changes.add(new CommuneChange(before.facts().communeCode(), before.facts().communeName(),
						before.classification(), after.classification(), criteria, after.decidedBy()));
			}
		}
		Stored first = decisions.get(0);
		return new Result(runId, first.facts().provinceCode(), first.facts().period(),
				new Rules(versions.findUsableByContentHash(first.ruleSetHash(), first.ruleSetName())
					.map(RuleSetVersion::id)
					.orElse(null), first.ruleSetName(), first.ruleSetHash()),
				new Rules(candidate.versionId(), rules.name(), rules.contentHash()), decisions.size(), classChanged,
				changes.size(), matrix, changes);
	}

	/** The latest run of a province for a period. */
	@PreAuthorize("@provinceScope.read(#provinceCode)")
	public long latestRun(String provinceCode, int period) {
		return stored.latestRun(provinceCode, period)
			.orElseThrow(() -> new NotFoundException("no run for province " + provinceCode + " period " + period));
	}

}
