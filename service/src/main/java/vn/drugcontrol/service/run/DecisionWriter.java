package vn.drugcontrol.service.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

import vn.drugcontrol.service.facts.StoredFacts;

/**
 * Writes a run's decisions, their evidence, warnings and gaps (what would it take) into
 * the tables of {@link Decision} with JDBC batches. Evidence goes in two parts: the texts
 * of each criterion once ({@link CriterionText}), and per commune only the observed value
 * and whether it was met ({@code decision_evidence}, which Spring Data reads, is a view
 * joining the two). Batches, because a national run is 3,321 decisions and some 53,000
 * evidence rows, which one insert each (as the repository's {@code saveAll} does for the
 * decision rows) would make a round trip each. With {@code rewriteBatchedStatements=true}
 * on MySQL the driver sends each batch as multi-row inserts. Runs in the caller's
 * transaction: the run, all of its decisions, or nothing.
 */
@Component
class DecisionWriter {

	/** Rows per JDBC batch. */
	private static final int BATCH = 1_000;

	/** The facts' columns are the contract's ({@link StoredFacts}). */
	private static final String DECISION = """
			INSERT INTO decision (run_id, commune_code, commune_name, province_code, period, classification,
			  decided_by, criteria_met, %s)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?, %s)
			""".formatted(StoredFacts.measureColumns(null), StoredFacts.measurePlaceholders());

	/** Each text once; a text another run stored already is left as it is. */
	private static final String CRITERION_TEXT = """
			INSERT INTO criterion_text (text_key, criterion_id, measure, label_vi, label_en, threshold, rule_name)
			VALUES (?, ?, ?, ?, ?, ?, ?)
			ON DUPLICATE KEY UPDATE text_key = text_key
			""";

	private static final String EVIDENCE = """
			INSERT INTO decision_evidence_row (decision_id, position, text_key, observed, met)
			VALUES (?, ?, ?, ?, ?)
			""";

	private static final String WARNING = """
			INSERT INTO decision_warning (decision_id, position, code, message_vi, message_en, rule_name)
			VALUES (?, ?, ?, ?, ?, ?)
			""";

	private static final String GAP = """
			INSERT INTO decision_gap (decision_id, position, towards, criterion_id, amount, text_vi, text_en, rule_name)
			VALUES (?, ?, ?, ?, ?, ?, ?, ?)
			""";

	private final JdbcTemplate jdbc;

	DecisionWriter(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	/** Inserts the decisions of the stored run {@code runId}. */
	void insert(long runId, List<Decision> decisions) {
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			insertDecisions(connection, runId, decisions);
			Map<String, Long> ids = idsByCommune(connection, runId);
			insertEvidence(connection, decisions, ids);
			insertWarnings(connection, decisions, ids);
			insertGaps(connection, decisions, ids);
			return null;
		});
	}

	private static void insertDecisions(Connection connection, long runId, List<Decision> decisions)
			throws SQLException {
		try (PreparedStatement s = connection.prepareStatement(DECISION)) {
			int pending = 0;
			for (Decision d : decisions) {
				int i = 0;
				s.setLong(++i, runId);
				s.setString(++i, d.communeCode());
				s.setString(++i, d.communeName());
				s.setString(++i, d.provinceCode());
				s.setInt(++i, d.period());
				s.setString(++i, d.classification().name());
				s.setString(++i, d.decidedBy());
				s.setString(++i, d.criteriaMet());
				StoredFacts.bindMeasures(s, i, d.communeFacts());
				pending = add(s, pending);
			}
			flush(s, pending);
		}
	}

	/** The new decisions' ids: a run has one decision per commune (a unique key). */
	private static Map<String, Long> idsByCommune(Connection connection, long runId) throws SQLException {
		Map<String, Long> ids = new HashMap<>();
		try (PreparedStatement s = connection
			.prepareStatement("SELECT id, commune_code FROM decision WHERE run_id = ?")) {
			s.setLong(1, runId);
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					ids.put(r.getString(2), r.getLong(1));
				}
			}
		}
		return ids;
	}

	private static void insertEvidence(Connection connection, List<Decision> decisions, Map<String, Long> ids)
			throws SQLException {
		Map<CriterionText, Long> keys = new HashMap<>();
		for (Decision d : decisions) {
			for (Decision.EvidenceRow e : d.evidence()) {
				keys.computeIfAbsent(CriterionText.of(e), CriterionText::key);
			}
		}
		if (keys.isEmpty()) {
			return;
		}
		try (PreparedStatement s = connection.prepareStatement(CRITERION_TEXT)) {
			int pending = 0;
			for (Map.Entry<CriterionText, Long> text : keys.entrySet()) {
				CriterionText t = text.getKey();
				int i = 0;
				s.setLong(++i, text.getValue());
				s.setString(++i, t.criterionId());
				s.setString(++i, t.measure());
				s.setString(++i, t.labelVi());
				s.setString(++i, t.labelEn());
				s.setString(++i, t.threshold());
				s.setString(++i, t.ruleName());
				pending = add(s, pending);
			}
			flush(s, pending);
		}
		checkStoredUnderTheirKeys(connection, keys);
		insertRows(connection, EVIDENCE, decisions, ids, Decision::evidence, (s, e) -> {
			s.setLong(3, keys.get(CriterionText.of(e)));
			s.setString(4, e.observed());
			s.setBoolean(5, e.met());
		});
	}

	/**
	 * Two different texts with one 64-bit key would make evidence show another
	 * criterion's words: improbable, and refused rather than assumed away.
	 */
	private static void checkStoredUnderTheirKeys(Connection connection, Map<CriterionText, Long> keys)
			throws SQLException {
		Map<Long, CriterionText> byKey = new HashMap<>();
		keys.forEach((text, key) -> byKey.put(key, text));
		if (byKey.size() != keys.size()) {
			throw new IllegalStateException("two criterion texts of this run share a key; the run is not stored");
		}
		String in = String.join(",", Collections.nCopies(byKey.size(), "?"));
		try (PreparedStatement s = connection.prepareStatement("""
				SELECT text_key, criterion_id, measure, label_vi, label_en, threshold, rule_name
				FROM criterion_text WHERE text_key IN (%s)""".formatted(in))) {
			int i = 0;
			for (Long key : byKey.keySet()) {
				s.setLong(++i, key);
			}
			try (ResultSet r = s.executeQuery()) {
				while (r.next()) {
					CriterionText stored = new CriterionText(r.getString(2), r.getString(3), r.getString(4),
							r.getString(5), r.getString(6), r.getString(7));
					CriterionText ours = byKey.get(r.getLong(1));
					if (!stored.equals(ours)) {
						throw new IllegalStateException("two criterion texts share the key " + r.getLong(1) + ": "
								+ stored + " and " + ours + "; the run is not stored");
					}
				}
			}
		}
	}

	private static void insertWarnings(Connection connection, List<Decision> decisions, Map<String, Long> ids)
			throws SQLException {
		insertRows(connection, WARNING, decisions, ids, Decision::warnings, (s, w) -> {
			s.setString(3, w.code());
			s.setString(4, w.messageVi());
			s.setString(5, w.messageEn());
			s.setString(6, w.ruleName());
		});
	}

	private static void insertGaps(Connection connection, List<Decision> decisions, Map<String, Long> ids)
			throws SQLException {
		insertRows(connection, GAP, decisions, ids, Decision::gaps, (s, g) -> {
			s.setString(3, g.towards());
			s.setString(4, g.criterionId());
			s.setLong(5, g.amount());
			s.setString(6, g.textVi());
			s.setString(7, g.textEn());
			s.setString(8, g.ruleName());
		});
	}

	/** Binds the columns after (decision_id, position) of one child row. */
	@FunctionalInterface
	private interface RowBinder<T> {

		void bind(PreparedStatement statement, T row) throws SQLException;

	}

	/** Inserts a child collection of every decision, keyed by (decision id, position). */
	private static <T> void insertRows(Connection connection, String sql, List<Decision> decisions,
			Map<String, Long> ids, Function<Decision, List<T>> rowsOf, RowBinder<T> binder) throws SQLException {
		try (PreparedStatement s = connection.prepareStatement(sql)) {
			int pending = 0;
			for (Decision d : decisions) {
				long id = ids.get(d.communeCode());
				List<T> rows = rowsOf.apply(d);
				for (int position = 0; position < rows.size(); position++) {
					s.setLong(1, id);
					s.setInt(2, position);
					binder.bind(s, rows.get(position));
					pending = add(s, pending);
				}
			}
			flush(s, pending);
		}
	}

	private static int add(PreparedStatement s, int pending) throws SQLException {
		s.addBatch();
		if (++pending == BATCH) {
			s.executeBatch();
			return 0;
		}
		return pending;
	}

	private static void flush(PreparedStatement s, int pending) throws SQLException {
		if (pending > 0) {
			s.executeBatch();
		}
	}

}
