package vn.drugcontrol.service.run;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 6: a criterion's texts (labels in two languages, bound, rule) are stored once
 * in {@code criterion_text} instead of once per commune. A run of 100,000 communes wrote
 * 1.6 million copies of some 18 texts, about 0.7 GB; each evidence row now keeps its
 * observed value, whether it was met and the text's key. {@code decision_evidence}
 * becomes a view with the columns it had, so every reader is unchanged.
 * <p>
 * In Java, not SQL, because the key is a hash of the exact texts: grouping the existing
 * rows in SQL would use the column collation, which calls texts equal that differ only in
 * a Vietnamese diacritic. Flyway runs it as a Spring bean, after V5.
 */
@Component
class V6__Criterion_texts_stored_once extends BaseJavaMigration {

	private static final int DECISIONS_AT_A_TIME = 1_000;

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("""
					CREATE TABLE criterion_text (
					    text_key      BIGINT        NOT NULL PRIMARY KEY,
					    criterion_id  VARCHAR(8)    NOT NULL,
					    measure       VARCHAR(32)   NOT NULL,
					    label_vi      VARCHAR(512)  NOT NULL,
					    label_en      VARCHAR(512)  NOT NULL,
					    threshold     VARCHAR(255)  NOT NULL,
					    rule_name     VARCHAR(255)  NOT NULL
					)""");
			ddl.execute("""
					CREATE TABLE decision_evidence_row (
					    decision_id   BIGINT        NOT NULL,
					    position      INT           NOT NULL,
					    text_key      BIGINT        NOT NULL,
					    observed      VARCHAR(255)  NOT NULL,
					    met           BOOLEAN       NOT NULL,
					    PRIMARY KEY (decision_id, position),
					    CONSTRAINT fk_evidence_row_decision FOREIGN KEY (decision_id) REFERENCES decision (id),
					    CONSTRAINT fk_evidence_row_text FOREIGN KEY (text_key) REFERENCES criterion_text (text_key)
					)""");
		}
		copyExistingEvidence(connection);
		try (Statement ddl = connection.createStatement()) {
			ddl.execute("DROP TABLE decision_evidence");
			// MySQL and MariaDB check a view's rights as its definer's by default: the
			// user who
			// migrated, as the server names it (e.g. 'localhost' for 127.0.0.1), may not
			// be
			// the one reading
			boolean mysql = !connection.getMetaData().getDatabaseProductName().equals("H2");
			ddl.execute((mysql ? "CREATE SQL SECURITY INVOKER VIEW" : "CREATE VIEW") + """
					 decision_evidence AS
					SELECT r.decision_id, r.position, t.criterion_id, t.measure, t.label_vi, t.label_en, r.observed,
					       t.threshold, r.met, t.rule_name
					FROM decision_evidence_row r JOIN criterion_text t ON t.text_key = r.text_key""");
		}
	}

	/** Decision by decision range, so that memory stays bounded on a large database. */
	private static void copyExistingEvidence(Connection connection) throws SQLException {
		long first;
		long last;
		try (Statement bounds = connection.createStatement();
				ResultSet r = bounds.executeQuery("SELECT MIN(decision_id), MAX(decision_id) FROM decision_evidence")) {
			r.next();
			first = r.getLong(1);
			last = r.getLong(2);
			if (r.wasNull()) {
				return;
			}
		}
		Map<Long, CriterionText> stored = new HashMap<>();
		try (PreparedStatement read = connection.prepareStatement("""
				SELECT decision_id, position, criterion_id, measure, label_vi, label_en, threshold, rule_name,
				       observed, met
				FROM decision_evidence WHERE decision_id BETWEEN ? AND ?""");
				PreparedStatement text = connection.prepareStatement("""
						INSERT INTO criterion_text (text_key, criterion_id, measure, label_vi, label_en, threshold,
						  rule_name) VALUES (?, ?, ?, ?, ?, ?, ?)""");
				PreparedStatement row = connection.prepareStatement("""
						INSERT INTO decision_evidence_row (decision_id, position, text_key, observed, met)
						VALUES (?, ?, ?, ?, ?)""")) {
			for (long from = first; from <= last; from += DECISIONS_AT_A_TIME) {
				read.setLong(1, from);
				read.setLong(2, from + DECISIONS_AT_A_TIME - 1);
				try (ResultSet r = read.executeQuery()) {
					while (r.next()) {
						CriterionText t = new CriterionText(r.getString(3), r.getString(4), r.getString(5),
								r.getString(6), r.getString(7), r.getString(8));
						long key = t.key();
						CriterionText before = stored.putIfAbsent(key, t);
						if (before != null && !before.equals(t)) {
							throw new IllegalStateException(
									"two criterion texts share the key " + key + ": " + before + " and " + t);
						}
						if (before == null) {
							text.setLong(1, key);
							text.setString(2, t.criterionId());
							text.setString(3, t.measure());
							text.setString(4, t.labelVi());
							text.setString(5, t.labelEn());
							text.setString(6, t.threshold());
							text.setString(7, t.ruleName());
							text.executeUpdate();
						}
						row.setLong(1, r.getLong(1));
						row.setInt(2, r.getInt(2));
						row.setLong(3, key);
						row.setString(4, r.getString(9));
						row.setBoolean(5, r.getBoolean(10));
						row.addBatch();
					}
				}
				row.executeBatch();
			}
		}
	}

}
