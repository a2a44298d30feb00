package vn.drugcontrol.service.province;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;

/**
 * Which run stands for a province's period: <b>the latest run (by start time, then id) of
 * the chosen rule set</b> — the default rule set unless another is named. A province may
 * be run several times in a period (corrected facts, another rule set); transitions,
 * progress and reports read that one run.
 */
@Component
public class PeriodRuns {

	private final JdbcClient jdbc;

	private final String defaultRuleSet;

	PeriodRuns(JdbcClient jdbc, @Value("${classifier.default-rule-set:default}") String defaultRuleSet) {
		this.jdbc = jdbc;
		this.defaultRuleSet = defaultRuleSet;
	}

	/** A run standing for its period, with its counts. */
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

	}

	/** One stored decision, as transitions and reports list it. */
	public record CommuneClass(long decisionId, String communeCode, String communeName, Classification classification,
			String criteriaMet) {
	}

	public String ruleSetOrDefault(String ruleSet) {
		return (ruleSet == null || ruleSet.isBlank()) ? defaultRuleSet : ruleSet;
	}

	/** The run standing for each period of the province, oldest period first. */
	public List<PeriodRun> periods(String province, String ruleSet) {
		List<PeriodRun> all = jdbc.sql("""
				SELECT id AS run_id, province_code, period, rule_set_name, commune_count, type_i_count AS typeicount,
				       type_ii_count AS typeiicount, type_iii_count AS typeiiicount,
				       drug_free_count, unclassified_count
				FROM classification_run
				WHERE province_code = :province AND rule_set_name = :ruleSet
				ORDER BY period, started_at DESC, id DESC
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
		return latest;
	}

	/** One run, read as a period's run (whether or not it stands for its period). */
	public Optional<PeriodRun> run(long runId) {
		return jdbc.sql("""
				SELECT id AS run_id, province_code, period, rule_set_name, commune_count, type_i_count AS typeicount,
				       type_ii_count AS typeiicount, type_iii_count AS typeiiicount,
				       drug_free_count, unclassified_count
				FROM classification_run WHERE id = :id
				""").param("id", runId).query(PeriodRun.class).optional();
	}

	public Optional<PeriodRun> of(String province, int period, String ruleSet) {
		return periods(province, ruleSet).stream().filter(r -> r.period() == period).findFirst();
	}

	/** The run's decisions, by commune code. */
	public List<CommuneClass> classes(long runId) {
		return jdbc.sql("""
				SELECT id AS decision_id, commune_code, commune_name, classification, criteria_met
				FROM decision WHERE run_id = :run ORDER BY commune_code
				""").param("run", runId).query(CommuneClass.class).list();
	}

}
