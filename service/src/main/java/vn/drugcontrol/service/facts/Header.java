package vn.drugcontrol.service.facts;

import vn.drugcontrol.rules.commune.FactsColumn;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.apache.poi.ss.util.CellReference;

/**
 * The header row of a CSV or XLSX file: which contract column each position holds.
 * Reports unknown, repeated and missing columns once, on the header's row.
 */
final class Header {

	private final FactsColumn[] columns;

	private final boolean[] named;

	private Header(FactsColumn[] columns, boolean[] named) {
		this.columns = columns;
		this.named = named;
	}

	/**
	 * Reads the header; returns null (after reporting it) when the row holds none of the
	 * contract's columns, so that it cannot be a header.
	 */
	static Header read(int row, List<Cell> cells, Problems problems) {
		FactsColumn[] columns = new FactsColumn[cells.size()];
		boolean[] named = new boolean[cells.size()];
		Map<FactsColumn, Integer> seen = new EnumMap<>(FactsColumn.class);
		for (int i = 0; i < cells.size(); i++) {
			String name = cells.get(i).shown();
			named[i] = !name.isEmpty();
			Optional<FactsColumn> column = FactsColumns.byHeader(name);
			if (column.isPresent() && seen.containsKey(column.get())) {
				problems.add(row, column.get(), "appears twice in the header, in columns "
						+ letter(seen.get(column.get())) + " and " + letter(i) + "; the second is ignored.");
			}
			else if (column.isPresent()) {
				seen.put(column.get(), i);
				columns[i] = column.get();
			}
		}
		if (seen.isEmpty()) {
			problems.add(row, (String) null, "This row must be the header, with the contract's columns ("
					+ FactsColumns.names(false) + "), but it has none of them.");
			return null;
		}
		for (int i = 0; i < cells.size(); i++) {
			String name = cells.get(i).shown();
			if (named[i] && FactsColumns.byHeader(name).isEmpty()) {
				problems.add(row, name, "is not a column of the facts contract"
						+ FactsColumns.guess(name).map((c) -> "; did you mean \"" + c.header() + "\"?").orElse(".")
						+ " Remove the column or rename it.");
			}
		}
		for (FactsColumn column : FactsColumn.values()) {
			if (column.required() && !seen.containsKey(column)) {
				problems.add(row, column, "is missing from the header; the column is required.");
			}
		}
		return new Header(columns, named);
	}

	/**
	 * The row's values by column. Values under unknown columns are ignored (the header
	 * says why); a value under no header at all is a problem.
	 */
	Map<FactsColumn, Cell> row(int row, List<Cell> values, Problems problems) {
		Map<FactsColumn, Cell> cells = new EnumMap<>(FactsColumn.class);
		for (int i = 0; i < Math.max(values.size(), columns.length); i++) {
			Cell value = (i < values.size()) ? values.get(i) : Cell.EMPTY;
			if (i < columns.length && columns[i] != null) {
				cells.put(columns[i], value);
			}
			else if ((i >= named.length || !named[i]) && !value.isBlank()) {
				problems.add(row, (String) null,
						"has a value in column " + letter(i) + ", which has no header: \"" + value.shown() + "\".");
			}
		}
		return cells;
	}

	/** The spreadsheet letter of a column, from 0: A, B, … Z, AA. */
	static String letter(int index) {
		return CellReference.convertNumToColString(index);
	}

}
