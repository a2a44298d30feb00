package vn.drugcontrol.service.run;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;

/**
 * Read-only views of stored decisions that do not need whole aggregates: a run's list of
 * communes, a commune's history.
 */
@Component
public class RunQueries {

	private final JdbcClient jdbc;

	RunQueries(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * A decision in a list: its class and the criteria met, without the evidence rows.
	 */
	public record DecisionSummary(long id, String communeCode, String communeName, Classification classification,
			String criteriaMet, String decidedBy) {

		/**
		 * The criteria met of the article that gave the class (e.g.
		 * {@code 4.2.a, 4.2.b, 4.2.c} for type II): what a list shows as the reason.
		 */
		public String criteriaOfItsClass() {
			String article = switch (classification) {
				case TYPE_I -> "4.1.";
				case TYPE_II -> "4.2.";
				case TYPE_III -> "4.3.";
				case DRUG_FREE -> "6.";
				case UNCLASSIFIED -> "";
			};
			return java.util.Arrays.stream(criteriaMet.split(", "))
				.filter(id -> !article.isEmpty() && id.startsWith(article))
				.collect(java.util.stream.Collectors.joining(", "));
		}

	}

	/** One stored decision about a commune, with the run it belongs to. */
	public record CommuneClassification(int period, Classification classification, String criteriaMet,
			boolean onIntraProvincialRoute, boolean onInterProvincialRoute, long decisionId, long runId,
			String ruleSetName, String ruleSetHash, String startedBy, java.time.Instant startedAt) {
	}

	public List<DecisionSummary> decisionsOf(long runId, Classification classification) {
		return jdbc.sql("""
				SELECT id, commune_code, commune_name, classification, criteria_met, decided_by
				FROM decision
				WHERE run_id = :run AND (:classification IS NULL OR classification = :classification)
				ORDER BY commune_code
				""")
			.param("run", runId)
			.param("classification", classification == null ? null : classification.name())
			.query(DecisionSummary.class)
			.list();
	}

	/** Every stored decision about a commune, newest period first, newest run first. */
	public List<CommuneClassification> historyOf(String communeCode, Integer period) {
		return jdbc.sql("""
				SELECT d.period, d.classification, d.criteria_met, d.on_intra_provincial_route,
				       d.on_inter_provincial_route, d.id AS decision_id, r.id AS run_id, r.rule_set_name,
				       r.rule_set_hash, r.started_by, r.started_at
				FROM decision d JOIN classification_run r ON r.id = d.run_id
				WHERE d.commune_code = :code AND (:period IS NULL OR d.period = :period)
				ORDER BY d.period DESC, r.started_at DESC, r.id DESC
				""").param("code", communeCode).param("period", period).query(CommuneClassification.class).list();
	}

}
