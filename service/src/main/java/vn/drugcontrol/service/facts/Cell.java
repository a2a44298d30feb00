package vn.drugcontrol.service.facts;

import java.math.BigDecimal;

/**
 * One value as a source holds it, before it is checked: text (CSV, text cells, JSON
 * strings), a number (numeric cells, JSON numbers), a boolean, or something unusable.
 */
sealed interface Cell {

	Cell EMPTY = new Text("");

	/** A trimmed, NFC-normalised text cell. */
	static Cell text(String raw) {
		return new Text(UnitNames.clean(raw));
	}

	default boolean isBlank() {
		return this instanceof Text t && t.value().isEmpty();
	}

	/** The value as a person would read it. */
	String shown();

	record Text(String value) implements Cell {

		@Override
		public String shown() {
			return value;
		}

	}

	record Numeric(BigDecimal value) implements Cell {

		@Override
		public String shown() {
			return plain(value);
		}

	}

	record Flag(boolean value) implements Cell {

		@Override
		public String shown() {
			return String.valueOf(value);
		}

	}

	/** A value that cannot be a fact, e.g. a spreadsheet error or a JSON object. */
	record Invalid(String reason) implements Cell {

		@Override
		public String shown() {
			return "";
		}

	}

	static String plain(BigDecimal value) {
		if (value.signum() == 0) {
			return "0";
		}
		BigDecimal stripped = value.stripTrailingZeros();
		// 1E+999999999 written out would be a billion digits: such a value keeps its
		// exponent
		boolean huge = stripped.precision() - stripped.scale() > 40 || stripped.scale() > 40;
		return huge ? stripped.toString() : stripped.toPlainString();
	}

}
