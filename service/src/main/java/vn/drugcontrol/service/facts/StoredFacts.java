package vn.drugcontrol.service.facts;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.FactsColumn;

/**
 * A commune's facts as the {@code decision} table stores them: one column per column of
 * the facts contract, named as its header ({@link FactsColumn#header()}), the identifying
 * ones as the decision's own. Writers and readers of that table take the column list and
 * the values from here, so none of them names a fact; {@code FactsTableIntegrationTest}
 * checks the table's columns against the declaration on every database.
 */
public final class StoredFacts {

	private StoredFacts() {
	}

	/**
	 * The measures' columns, comma-separated, each prefixed with {@code alias.} when an
	 * alias is given.
	 */
	public static String measureColumns(String alias) {
		return columns(FactsColumn.MEASURES, alias);
	}

	/**
	 * Every column of the contract (identity and measures), as {@link #measureColumns}.
	 */
	public static String allColumns(String alias) {
		return columns(FactsColumn.ALL, alias);
	}

	/** One {@code ?} per measure, comma-separated. */
	public static String measurePlaceholders() {
		return FactsColumn.MEASURES.stream().map((c) -> "?").collect(Collectors.joining(", "));
	}

	/**
	 * Binds the measures of {@code facts} from parameter {@code index + 1} on.
	 * @return the index of the last parameter bound
	 */
	public static int bindMeasures(PreparedStatement s, int index, CommuneFacts facts) throws SQLException {
		int i = index;
		for (FactsColumn column : FactsColumn.MEASURES) {
			Object value = column.valueOf(facts);
			switch (column.kind()) {
				case WHOLE_NUMBER -> s.setLong(++i, ((Number) value).longValue());
				case DECIMAL -> s.setBigDecimal(++i, (BigDecimal) value);
				case BOOLEAN -> s.setBoolean(++i, (Boolean) value);
				case TEXT -> s.setString(++i, (String) value);
			}
		}
		return i;
	}

	/**
	 * The facts of the current row, read from the columns named as the headers of the
	 * contract (a decimal as submitted: 118.0000 stored reads back as 118).
	 */
	public static CommuneFacts read(ResultSet rs) throws SQLException {
		Map<FactsColumn, Object> values = new EnumMap<>(FactsColumn.class);
		for (FactsColumn column : FactsColumn.ALL) {
			String name = column.header();
			values.put(column, switch (column.kind()) {
				case WHOLE_NUMBER -> rs.getLong(name);
				case DECIMAL -> stripped(rs.getBigDecimal(name));
				case BOOLEAN -> rs.getBoolean(name);
				case TEXT -> rs.getString(name);
			});
		}
		return FactsColumn.facts(values::get);
	}

	/** 118.0000 as stored reads back as 118, as submitted. */
	public static BigDecimal stripped(BigDecimal value) {
		if (value == null) {
			return null;
		}
		BigDecimal s = value.stripTrailingZeros();
		return (s.scale() < 0) ? s.setScale(0) : s;
	}

	private static String columns(List<FactsColumn> columns, String alias) {
		String prefix = (alias == null || alias.isEmpty()) ? "" : alias + ".";
		return columns.stream().map((c) -> prefix + c.header()).collect(Collectors.joining(", "));
	}

}
