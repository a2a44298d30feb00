package vn.drugcontrol.service.facts;

import java.util.Locale;

/** The formats a province can hand its facts in. */
public enum FactsFormat {

	/**
	 * UTF-8 text, comma separated (a semicolon or tab is recognised too), snake_case
	 * header.
	 */
	CSV,

	/** Excel workbook: first sheet, snake_case header in row 1. */
	XLSX,

	/**
	 * An array of commune objects with camelCase fields, or {@code {"provinceCode": …,
	 * "period": …, "communes": [...]}}.
	 */
	JSON;

	/**
	 * The format named by a file's extension.
	 * @throws IllegalArgumentException for any other extension, with a message for people
	 */
	public static FactsFormat fromFileName(String fileName) {
		String name = (fileName != null) ? fileName.strip().toLowerCase(Locale.ROOT) : "";
		if (name.endsWith(".csv") || name.endsWith(".txt")) {
			return CSV;
		}
		if (name.endsWith(".xlsx")) {
			return XLSX;
		}
		if (name.endsWith(".json")) {
			return JSON;
		}
		if (name.endsWith(".xls")) {
			throw new IllegalArgumentException("\"" + fileName
					+ "\" is an Excel 97–2003 workbook, which is not accepted: save it as .xlsx (Excel workbook) or .csv (CSV UTF-8)");
		}
		throw new IllegalArgumentException(
				"\"" + fileName + "\" is not a facts file: the name must end in .csv, .xlsx or .json");
	}

	/**
	 * The format named by a media type ({@code text/csv}, {@code application/json}, the
	 * XLSX type); parameters such as {@code charset} are ignored.
	 * @throws IllegalArgumentException for any other type, including
	 * {@code application/vnd.ms-excel}, which browsers send for both .csv and .xls files
	 */
	public static FactsFormat fromContentType(String contentType) {
		String type = (contentType != null) ? contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT) : "";
		switch (type) {
			case "text/csv", "application/csv", "text/comma-separated-values", "text/plain":
				return CSV;
			case "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet":
				return XLSX;
			case "application/json", "text/json":
				return JSON;
			default:
				throw new IllegalArgumentException("The content type \"" + contentType
						+ "\" is not a facts format: send text/csv, application/json or an XLSX workbook");
		}
	}

	/**
	 * The format from the file name when it has a known extension, else from the content
	 * type.
	 * @throws IllegalArgumentException when neither names a format
	 */
	public static FactsFormat of(String fileName, String contentType) {
		try {
			return fromFileName(fileName);
		}
		catch (IllegalArgumentException byName) {
			try {
				return fromContentType(contentType);
			}
			catch (IllegalArgumentException byType) {
				throw byName;
			}
		}
	}

}
