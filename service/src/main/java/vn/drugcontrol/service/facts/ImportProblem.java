package vn.drugcontrol.service.facts;

/**
 * One reason a facts file is rejected.
 *
 * @param file the file (or API source) it concerns
 * @param row for CSV and XLSX, the row as a spreadsheet shows it (header = 1, first data
 * row = 2); for JSON, the item of the {@code communes} array, from 1; {@code null} when
 * the problem is about the whole file
 * @param column the snake_case header (CSV, XLSX) or camelCase field (JSON); {@code null}
 * when the problem is about a whole row or file
 * @param reason a sentence for the person who fixes the file
 */
public record ImportProblem(String file, Integer row, String column, String reason) {

	/** E.g. {@code row 3, population: must be a whole number greater than 0, got "0"}. */
	public String describe() {
		StringBuilder s = new StringBuilder();
		if (row != null) {
			s.append("row ").append(row);
		}
		if (column != null) {
			s.append((s.length() > 0) ? ", " : "").append(column);
		}
		return (s.length() > 0) ? s + ": " + reason : reason;
	}

}
