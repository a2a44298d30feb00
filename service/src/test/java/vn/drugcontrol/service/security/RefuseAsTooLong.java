package vn.drugcontrol.service.security;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.h2.tools.TriggerAdapter;

/**
 * H2's trigger (a Java class; H2 has no trigger bodies in SQL) refusing every row as too
 * long, as MySQL's {@code SIGNAL SQLSTATE '22001'} does in {@link AbuseIntegrationTest}:
 * the database refuses the data of a request.
 */
public class RefuseAsTooLong extends TriggerAdapter {

	@Override
	public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
		// 22001: "value too long", H2's code and SQL state for it
		throw new SQLException("Data too long (test)", "22001", 22001);
	}

}
