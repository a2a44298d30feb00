package vn.drugcontrol.rules.law;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a CSV table as a spreadsheet saves it (RFC 4180: comma-separated, fields in
 * double quotes may hold commas, quotes doubled and line breaks; a byte-order mark is
 * ignored), keeping the line each row starts on, so every problem can be reported where
 * an analyst sees it.
 */
public final class Csv {

	/**
	 * One row: the line it starts on (the header is line 1) and its cells by column name.
	 */
	public record Row(int line, Map<String, String> cells) {

		/**
		 * The cell of a column, stripped; empty when the column or the cell is absent.
		 */
		public String get(String column) {
			String value = cells.get(column);
			return value == null ? "" : value.strip();
		}

		public boolean isBlank() {
			return cells.values().stream().allMatch(String::isBlank);
		}

	}

	/**
	 * A table read: its column names (lower case, in order), its rows (blank rows left
	 * out), or why it cannot be read.
	 */
	public record Table(List<String> columns, List<Row> rows, String problem, int problemLine) {

		public boolean readable() {
			return problem == null;
		}

	}

	private Csv() {
	}

	public static Table read(String text) {
		List<List<String>> records = new ArrayList<>();
		List<Integer> lines = new ArrayList<>();
		String t = text.startsWith("\uFEFF") ? text.substring(1) : text;
		int line = 1;
		int i = 0;
		int n = t.length();
		List<String> record = new ArrayList<>();
		StringBuilder cell = new StringBuilder();
		int recordLine = 1;
		boolean inRecord = false;
		while (i < n) {
			char c = t.charAt(i);
			if (c == '"' && cell.isEmpty()) {
				int start = line;
				i++;
				boolean closed = false;
				while (i < n) {
					char d = t.charAt(i);
					if (d == '"') {
						if (i + 1 < n && t.charAt(i + 1) == '"') {
							cell.append('"');
							i += 2;
							continue;
						}
						closed = true;
						i++;
						break;
					}
					if (d == '\n') {
						line++;
					}
					cell.append(d);
					i++;
				}
				if (!closed) {
					return new Table(List.of(), List.of(), "a quoted field is not closed", start);
				}
				inRecord = true;
				continue;
			}
			if (c == ',') {
				record.add(cell.toString());
				cell.setLength(0);
				inRecord = true;
				i++;
				continue;
			}
			if (c == '\r' || c == '\n') {
				if (c == '\r' && i + 1 < n && t.charAt(i + 1) == '\n') {
					i++;
				}
				i++;
				record.add(cell.toString());
				cell.setLength(0);
				records.add(record);
				lines.add(recordLine);
				record = new ArrayList<>();
				inRecord = false;
				line++;
				recordLine = line;
				continue;
			}
			cell.append(c);
			inRecord = true;
			i++;
		}
		if (inRecord || !cell.isEmpty()) {
			record.add(cell.toString());
			records.add(record);
			lines.add(recordLine);
		}
		if (records.isEmpty()) {
			return new Table(List.of(), List.of(), "is empty: it needs a header row", 1);
		}
		List<String> columns = new ArrayList<>();
		for (String name : records.get(0)) {
			columns.add(name.strip().toLowerCase(Locale.ROOT));
		}
		List<Row> rows = new ArrayList<>();
		for (int r = 1; r < records.size(); r++) {
			Map<String, String> cells = new HashMap<>();
			List<String> values = records.get(r);
			for (int c = 0; c < columns.size(); c++) {
				if (!columns.get(c).isEmpty()) {
					cells.putIfAbsent(columns.get(c), c < values.size() ? values.get(c) : "");
				}
			}
			Row row = new Row(lines.get(r), cells);
			if (!row.isBlank()) {
				rows.add(row);
			}
		}
		return new Table(List.copyOf(columns), List.copyOf(rows), null, 0);
	}

}
