package vn.drugcontrol.service.approval;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.springframework.stereotype.Component;

/**
 * Migration 7 (issue 12): "the approved list is the list". The one definition of a
 * decision's approved class, as two views every list, count, export and report reads:
 * <ul>
 * <li>{@code approved_override}: the overrides in force — confirmed by a second approver,
 * in a run the People's Committee approved;</li>
 * <li>{@code decision_class}: per decision, the rules' {@code recommended_class}, the
 * {@code approved_class} (null until the run is approved; the override's class, else the
 * recommendation) and the {@code standing_class} (the approved class once approved, else
 * the recommendation) with the override's reason.</li>
 * </ul>
 * Views, not a stored column: a run's decisions are written once and never change, and an
 * approval must not rewrite them.
 * <p>
 * In Java, not SQL, for the same reason as V6: MySQL and MariaDB must be told to check
 * the view's rights as the reader's (SQL SECURITY INVOKER), which H2 does not parse.
 */
@Component
class V7__Approved_classes extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws SQLException {
		Connection connection = context.getConnection();
		boolean mysql = !connection.getMetaData().getDatabaseProductName().equals("H2");
		String createView = mysql ? "CREATE SQL SECURITY INVOKER VIEW" : "CREATE VIEW";
		try (Statement ddl = connection.createStatement()) {
			ddl.execute(createView + """
					 approved_override AS
					SELECT o.id AS override_id, o.run_id, o.decision_id, o.recommended_class, o.approved_class, o.reason
					FROM classification_override o JOIN run_approval a ON a.run_id = o.run_id
					WHERE a.status = 'APPROVED' AND o.confirmed_by IS NOT NULL""");
			ddl.execute(createView + """
					 decision_class AS
					SELECT d.id AS decision_id, d.run_id, d.classification AS recommended_class,
					       CASE WHEN a.run_id IS NULL THEN NULL
					            ELSE COALESCE(x.approved_class, d.classification) END AS approved_class,
					       COALESCE(x.approved_class, d.classification) AS standing_class,
					       x.override_id, x.reason AS override_reason
					FROM decision d
					LEFT JOIN run_approval a ON a.run_id = d.run_id AND a.status = 'APPROVED'
					LEFT JOIN approved_override x ON x.decision_id = d.id""");
		}
	}

}
