package vn.drugcontrol.service.run;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.h2.tools.TriggerAdapter;

/**
 * H2's trigger (a Java class; H2 has no trigger bodies in SQL) refusing the decision of
 * commune 01777, as MySQL's {@code SIGNAL SQLSTATE '45000'} does in
 * {@link RunApiIntegrationTest}: the database itself refuses a write midway.
 */
public class RefuseCommune01777 extends TriggerAdapter {

	@Override
	public void fire(Connection connection, ResultSet oldRow, ResultSet newRow) throws SQLException {
		if ("01777".equals(newRow.getString("commune_code"))) {
			throw new SQLException("refused by test", "45000");
		}
	}

}
