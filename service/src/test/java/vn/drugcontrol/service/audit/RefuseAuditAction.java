package vn.drugcontrol.service.audit;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Locale;

import org.h2.tools.TriggerAdapter;

/**
 * H2's twin (a Java class; H2 has no trigger bodies in SQL) of the MySQL trigger of
 * {@link AuditAtomicityIntegrationTest}: refuses the audit entries whose action its
 * trigger is named after ({@code refuse_rule_set_activated} refuses
 * {@code RULE_SET_ACTIVATED}), as {@code SIGNAL SQLSTATE '45000'} does there.
 */
public class RefuseAuditAction extends TriggerAdapter {

	private String action;

	@Override
	public void init(Connection connection, String schemaName, String triggerName, String tableName, boolean before,
			int type) throws SQLException {
		super.init(connection, schemaName, triggerName, tableName, before, type);
		this.action = triggerName.toUpperCase(Locale.ROOT).substring("REFUSE_".length());
	}

	@Override
	public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
		if (action.equals(newRow.getString("action"))) {
			throw new SQLException("refused by test", "45000");
		}
	}

}
