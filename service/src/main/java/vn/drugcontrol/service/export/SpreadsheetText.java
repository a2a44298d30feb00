package vn.drugcontrol.service.export;

/**
 * Text written to a CSV that a spreadsheet opens: a value starting with a formula
 * character is prefixed with an apostrophe so it is shown, never run (CSV formula
 * injection).
 */
final class SpreadsheetText {

	private SpreadsheetText() {
	}

	static String neutralise(String value) {
		if (value == null || value.isEmpty()) {
			return value;
		}
		char first = value.charAt(0);
		return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
				? "'" + value : value;
	}

}
