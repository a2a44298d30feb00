package vn.drugcontrol.service.replay;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.service.facts.StoredFacts;

/**
 * Stored decisions read for replaying: the facts snapshot, the class and criteria, and
 * the rules their run pinned. Read-only.
 */
@Component
class StoredDecisions {

	/** The facts' columns are the contract's ({@link StoredFacts}). */
	private static final String SELECT = """
			SELECT d.id AS decision_id, d.run_id, r.rule_set_name, r.rule_set_hash, r.engine_version,
			       d.classification, d.decided_by, d.criteria_met, %s
			FROM decision d JOIN classification_run r ON r.id = d.run_id
			""".formatted(StoredFacts.allColumns("d"));

	private final JdbcClient jdbc;

	StoredDecisions(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** A stored decision with the facts it saw and the rules its run used. */
	record Stored(long decisionId, long runId, String ruleSetName, String ruleSetHash, String engineVersion,
			Classification classification, String decidedBy, List<String> criteriaMet, CommuneFacts facts) {
	}

	/** One stored evidence row, as compared on reproduction. */
	record StoredEvidence(String criterionId, String observed, String threshold, boolean met, String ruleName) {
	}

	List<Stored> ofRun(long runId) {
		return jdbc.sql(SELECT + " WHERE d.run_id = :run ORDER BY d.commune_code")
			.param("run", runId)
			.query(StoredDecisions::map)
			.list();
	}

	Optional<Stored> byId(long decisionId) {
		return jdbc.sql(SELECT + " WHERE d.id = :id").param("id", decisionId).query(StoredDecisions::map).optional();
	}

	/** The latest run's decision about a commune for a period. */
	Optional<Stored> latest(String communeCode, int period) {
		return jdbc
			.sql(SELECT + " WHERE d.commune_code = :code AND d.period = :period"
					+ " ORDER BY r.started_at DESC, r.id DESC LIMIT 1")
			.param("code", communeCode)
			.param("period", period)
			.query(StoredDecisions::map)
			.optional();
	}

	/** The latest run of a province for a period. */
	Optional<Long> latestRun(String provinceCode, int period) {
		return jdbc.sql("""
				SELECT id FROM classification_run WHERE province_code = :province AND period = :period
				ORDER BY started_at DESC, id DESC LIMIT 1
				""").param("province", provinceCode).param("period", period).query(Long.class).optional();
	}

	List<StoredEvidence> evidenceOf(long decisionId) {
		return jdbc.sql("""
				SELECT criterion_id, observed, threshold, met, rule_name FROM decision_evidence
				WHERE decision_id = :id ORDER BY position
				""").param("id", decisionId).query(StoredEvidence.class).list();
	}

	List<String> warningsOf(long decisionId) {
		return jdbc.sql("SELECT code FROM decision_warning WHERE decision_id = :id ORDER BY position")
			.param("id", decisionId)
			.query(String.class)
			.list();
	}

	private static Stored map(ResultSet rs, int row) throws SQLException {
		CommuneFacts facts = StoredFacts.read(rs);
		String criteria = rs.getString("criteria_met");
		return new Stored(rs.getLong("decision_id"), rs.getLong("run_id"), rs.getString("rule_set_name"),
				rs.getString("rule_set_hash"), rs.getString("engine_version"),
				Classification.valueOf(rs.getString("classification")), rs.getString("decided_by"),
				criteria.isBlank() ? List.of() : Arrays.asList(criteria.split(", ")), facts);
	}

}
