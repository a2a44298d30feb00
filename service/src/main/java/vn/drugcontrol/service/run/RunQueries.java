package vn.drugcontrol.service.run;

import org.springframework.security.access.prepost.PreAuthorize;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * Read-only views of stored decisions that do not need whole aggregates: a run's list of
 * communes, a commune's history. Each shows the class as the list stands — the approved
 * class once the run is approved — from the view {@code decision_class} (see
 * {@code approval.ApprovedClasses}), with the rules' recommendation beside it.
 */
@Component
public class RunQueries {

	private final JdbcClient jdbc;

	private final RunRepository runs;

	private final DecisionRepository decisions;

	RunQueries(JdbcClient jdbc, RunRepository runs, DecisionRepository decisions) {
		this.jdbc = jdbc;
		this.runs = runs;
		this.decisions = decisions;
	}

	/**
	 * A run, for the API and the console alike.
	 * @throws NotFoundException if no run has this id
	 */
	public Run run(long id) {
		return runs.findById(id).orElseThrow(() -> new NotFoundException("no run " + id));
	}

	/** The runs the user may read, newest first; either filter may be null. */
	public List<Run> runs(String provinceCode, Integer period) {
		return runs.search(provinceCode, period);
	}

	/**
	 * A decision with its evidence.
	 * @throws NotFoundException if no decision has this id
	 */
	public Decision decision(long id) {
		return decisions.findById(id).orElseThrow(() -> new NotFoundException("no decision " + id));
	}

	/**
	 * A decision in a list: its class and the criteria met, without the evidence rows.
	 *
	 * @param classification the class as the list stands: the approved class once the run
	 * is approved, else the recommendation
	 * @param recommendedClassification the rules' recommendation
	 * @param overrideReason why the approved class differs from the recommendation, or
	 * null
	 */
	public record DecisionSummary(long id, String communeCode, String communeName, Classification classification,
			Classification recommendedClassification, String overrideReason, String criteriaMet, String decidedBy) {

		/** The approved class differs from the rules' recommendation. */
		public boolean overridden() {
			return classification != recommendedClassification;
		}

		/**
		 * The criteria met of the article that gave the class (e.g.
		 * {@code 4.2.a, 4.2.b, 4.2.c} for type II): what a list shows as the reason.
		 */
		public String criteriaOfItsClass() {
			// the recommendation's: the criteria are the rules' reasons, an override's
			// reason is its own
			String article = switch (recommendedClassification) {
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

	/**
	 * One stored decision about a commune, with the run it belongs to.
	 *
	 * @param classification as the run's list stands (approved once approved)
	 * @param approvedClassification null until the run is approved
	 */
	public record CommuneClassification(int period, Classification classification,
			Classification recommendedClassification, Classification approvedClassification, boolean overridden,
			String overrideReason, String approvalStatus, String approvalDecisionNumber,
			java.time.LocalDate approvalDecisionDate, String criteriaMet, boolean onIntraProvincialRoute,
			boolean onInterProvincialRoute, long decisionId, long runId, String ruleSetName, String ruleSetHash,
			String startedBy, java.time.Instant startedAt) {
	}

	@PreAuthorize("@provinceScope.readRun(#runId)")
	public List<DecisionSummary> decisionsOf(long runId, Classification classification) {
		return jdbc
			.sql("""
					SELECT d.id, d.commune_code, d.commune_name, c.standing_class AS classification,
					       c.recommended_class AS recommended_classification, c.override_reason, d.criteria_met, d.decided_by
					FROM decision d JOIN decision_class c ON c.decision_id = d.id
					WHERE d.run_id = :run AND (:classification IS NULL OR c.standing_class = :classification)
					ORDER BY d.commune_code
					""")
			.param("run", runId)
			.param("classification", classification == null ? null : classification.name())
			.query(DecisionSummary.class)
			.list();
	}

	/** Every stored decision about a commune, newest period first, newest run first. */
	@PreAuthorize("@provinceScope.readCommune(#communeCode)")
	public List<CommuneClassification> historyOf(String communeCode, Integer period) {
		return jdbc.sql("""
				SELECT d.period, c.standing_class AS classification, c.recommended_class AS recommended_classification,
				       c.approved_class AS approved_classification, c.override_id IS NOT NULL AS overridden,
				       c.override_reason, COALESCE(a.status, 'DRAFT') AS approval_status,
				       CASE WHEN c.approved_class IS NOT NULL THEN a.decision_number END AS approval_decision_number,
				       CASE WHEN c.approved_class IS NOT NULL THEN a.decision_date END AS approval_decision_date,
				       d.criteria_met, d.on_intra_provincial_route, d.on_inter_provincial_route, d.id AS decision_id,
				       r.id AS run_id, r.rule_set_name, r.rule_set_hash, r.started_by, r.started_at
				FROM decision d JOIN classification_run r ON r.id = d.run_id
				JOIN decision_class c ON c.decision_id = d.id
				LEFT JOIN run_approval a ON a.run_id = d.run_id
				WHERE d.commune_code = :code AND (:period IS NULL OR d.period = :period)
				ORDER BY d.period DESC, r.started_at DESC, r.id DESC
				""").param("code", communeCode).param("period", period).query(CommuneClassification.class).list();
	}

}
