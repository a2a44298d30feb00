package vn.drugcontrol.service.province;

import org.springframework.security.access.prepost.PostFilter;
import org.springframework.security.access.prepost.PreAuthorize;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.ruleset.RuleSetProperties;

/**
 * Which run stands for a province's period: <b>the run of the chosen rule set the
 * People's Committee approved, else the latest run (by start time, then id)</b> — the
 * default rule set unless another is named. A province may be run several times in a
 * period (corrected facts, another rule set); transitions, progress and reports read that
 * one run, and its classes and counts as its list stands: the approved classes once
 * approved ({@link ApprovedClasses}).
 */
@Component
public class PeriodRuns {

	private final JdbcClient jdbc;

	private final String defaultRuleSet;

	private final ApprovedClasses approved;

	PeriodRuns(JdbcClient jdbc, RuleSetProperties properties, ApprovedClasses approved) {
		this.jdbc = jdbc;
		this.approved = approved;
		this.defaultRuleSet = properties.defaultRuleSet();
	}

	/** A run standing for its period, with its counts. */
	/** A province with stored runs: how many, over which periods. */
	public record ProvinceRuns(String provinceCode, int runs, int firstPeriod, int lastPeriod) {
	}

	/** The provinces with stored runs that the user may read, by code. */
	@PostFilter("@provinceScope.mayRead(filterObject.provinceCode())")
	public List<ProvinceRuns> provincesWithRuns() {
		return new ArrayList<>(jdbc.sql("""
				SELECT province_code, COUNT(*) AS runs, MIN(period) AS first_period, MAX(period) AS last_period
				FROM classification_run GROUP BY province_code ORDER BY province_code
				""")
			.query((rs, n) -> new ProvinceRuns(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.list());
	}

	public record PeriodRun(long runId, String provinceCode, int period, String ruleSetName, int communeCount,
			int typeICount, int typeIICount, int typeIIICount, int drugFreeCount, int unclassifiedCount) {

		public int count(Classification k) {
			return switch (k) {
				case TYPE_I -> typeICount;
				case TYPE_II -> typeIICount;
				case TYPE_III -> typeIIICount;
				case DRUG_FREE -> drugFreeCount;
				case UNCLASSIFIED -> unclassifiedCount;
			};
		}

		Map<Classification, Integer> counts() {
			Map<Classification, Integer> counts = new EnumMap<>(Classification.class);
			for (Classification k : Classification.values()) {
				counts.put(k, count(k));
			}
			return counts;
		}

		PeriodRun withCounts(Map<Classification, Integer> c) {
			return new PeriodRun(runId, provinceCode, period, ruleSetName, communeCount, c.get(Classification.TYPE_I),
					c.get(Classification.TYPE_II), c.get(Classification.TYPE_III), c.get(Classification.DRUG_FREE),
					c.get(Classification.UNCLASSIFIED));
		}

	}

	/** One stored decision, as transitions and reports list it (its standing class). */
	public record CommuneClass(long decisionId, String communeCode, String communeName, Classification classification,
			String criteriaMet) {
	}

	public String ruleSetOrDefault(String ruleSet) {
		return (ruleSet == null || ruleSet.isBlank()) ? defaultRuleSet : ruleSet;
	}

	/** The run standing for each period of the province, oldest period first. */
	@PreAuthorize("@provinceScope.read(#province)")
	public List<PeriodRun> periods(String province, String ruleSet) {
		List<PeriodRun> all = jdbc.sql("""
				SELECT r.id AS run_id, r.province_code, r.period, r.rule_set_name, r.commune_count,
				       r.type_i_count AS typeicount, r.type_ii_count AS typeiicount, r.type_iii_count AS typeiiicount,
				       r.drug_free_count, r.unclassified_count
				FROM classification_run r
				LEFT JOIN run_approval a ON a.run_id = r.id AND a.status = 'APPROVED'
				WHERE r.province_code = :province AND r.rule_set_name = :ruleSet
				ORDER BY r.period, CASE WHEN a.run_id IS NULL THEN 1 ELSE 0 END, r.started_at DESC, r.id DESC
				""")
			.param("province", province)
			.param("ruleSet", ruleSetOrDefault(ruleSet))
			.query(PeriodRun.class)
			.list();
		List<PeriodRun> latest = new ArrayList<>();
		for (PeriodRun r : all) {
			if (latest.isEmpty() || latest.get(latest.size() - 1).period() != r.period()) {
				latest.add(r);
			}
		}
		return standing(latest);
	}

	/**
	 * Runs of any province read as periods' runs, by id (e.g. the runs approved for a
	 * period): two queries however many. National users only.
	 */
	@PreAuthorize("@provinceScope.national()")
	public List<PeriodRun> runs(java.util.Collection<Long> runIds) {
		if (runIds.isEmpty()) {
			return List.of();
		}
		return standing(jdbc.sql("""
				SELECT id AS run_id, province_code, period, rule_set_name, commune_count, type_i_count AS typeicount,
				       type_ii_count AS typeiicount, type_iii_count AS typeiiicount,
				       drug_free_count, unclassified_count
				FROM classification_run WHERE id IN (:ids) ORDER BY province_code, period
				""").param("ids", List.copyOf(runIds)).query(PeriodRun.class).list());
	}

	/**
	 * Their counts as their lists stand: the overrides in force of them all in one query
	 * (a province's periods, or a period's provinces), not one per run.
	 */
	private List<PeriodRun> standing(List<PeriodRun> runs) {
		Map<Long, Map<Classification, Integer>> recommended = new java.util.LinkedHashMap<>();
		runs.forEach(r -> recommended.put(r.runId(), r.counts()));
		Map<Long, Map<Classification, Integer>> counts = approved.counts(recommended);
		return runs.stream().map(r -> r.withCounts(counts.get(r.runId()))).toList();
	}

	/** One run, read as a period's run (whether or not it stands for its period). */
	public Optional<PeriodRun> run(long runId) {
		return jdbc.sql("""
				SELECT id AS run_id, province_code, period, rule_set_name, commune_count, type_i_count AS typeicount,
				       type_ii_count AS typeiicount, type_iii_count AS typeiiicount,
				       drug_free_count, unclassified_count
				FROM classification_run WHERE id = :id
				""").param("id", runId).query(PeriodRun.class).optional().map(this::standing);
	}

	/** Its counts as its list stands: the approved classes once approved. */
	private PeriodRun standing(PeriodRun run) {
		return run.withCounts(approved.counts(run.runId(), run.counts()));
	}

	public Optional<PeriodRun> of(String province, int period, String ruleSet) {
		return periods(province, ruleSet).stream().filter(r -> r.period() == period).findFirst();
	}

	/** The run's decisions, by commune code. */
	public List<CommuneClass> classes(long runId) {
		return jdbc.sql("""
				SELECT d.id AS decision_id, d.commune_code, d.commune_name, c.standing_class AS classification,
				       d.criteria_met
				FROM decision d JOIN decision_class c ON c.decision_id = d.id
				WHERE d.run_id = :run ORDER BY d.commune_code
				""").param("run", runId).query(CommuneClass.class).list();
	}

}
