package vn.drugcontrol.service.ruleset;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;

import vn.drugcontrol.rules.law.Unit;

/**
 * A draft's parameters ({@code law/parameters.csv}) as the workbench's form shows them,
 * one row per dated value, and the checks of what an analyst types before the file is
 * written: the value is a number of the parameter's unit and range, the period a year,
 * the unit the parameter's own. The file the form writes is then compiled with the rest
 * of the bundle, which remains the authority (every other problem comes back at its file
 * and line). Values are data: they are checked as numbers and written into a CSV cell,
 * never read as code.
 */
public final class DraftParameters {

	/** The columns the form writes, in the order of the shipped file. */
	static final List<String> COLUMNS = List.of("parameter", "clause", "unit", "effective_from", "value", "note");

	private static final Pattern DECIMAL = Pattern.compile("[0-9]+([.,][0-9]+)?");

	private static final Pattern YEAR = Pattern.compile("[0-9]{4}");

	private DraftParameters() {
	}

	/**
	 * One row of the form: a parameter's value from a period.
	 *
	 * @param parameter e.g. {@code type1.users_rate}
	 * @param clause the clause it belongs to (from the register, not edited)
	 * @param unit {@code percent}, {@code m2}, {@code plants}, {@code points} or
	 * {@code criteria}
	 * @param effectiveFrom the evaluation period it applies from
	 * @param value as written in the file ({@code 0.5})
	 */
	public record Row(String parameter, String clause, String unit, String effectiveFrom, String value, String note) {

		boolean blank() {
			return isBlank(parameter) && isBlank(effectiveFrom) && isBlank(value);
		}

	}

	/**
	 * What is wrong with a field of a row, as a message code of the console
	 * ({@code workbench.error.<code>}) and its arguments.
	 *
	 * @param row the row's index in the form (0 the first)
	 * @param field {@code parameter}, {@code unit}, {@code effectiveFrom} or
	 * {@code value}
	 */
	public record FieldError(int row, String field, String code, List<String> args) {
	}

	/** The rows of a parameters file (none when it cannot be read). */
	public static List<Row> read(byte[] content) {
		List<Row> rows = new ArrayList<>();
		try (CSVParser parser = CSVFormat.DEFAULT.builder()
			.setHeader()
			.setSkipHeaderRecord(true)
			.get()
			.parse(new StringReader(
					new String(content, java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "")))) {
			for (CSVRecord r : parser) {
				rows.add(new Row(get(r, "parameter"), get(r, "clause"), get(r, "unit"), get(r, "effective_from"),
						get(r, "value"), get(r, "note")));
			}
		}
		catch (IOException | RuntimeException ex) {
			return List.of();
		}
		return rows;
	}

	private static String get(CSVRecord r, String column) {
		return r.isMapped(column) && r.isSet(column) ? r.get(column).strip() : "";
	}

	/**
	 * Checks the rows an analyst submitted against the parameters the draft had: each
	 * field on its own, and a parameter's value given twice for one period. Blank rows
	 * (the form's empty row for a new dated value) are left out.
	 * @param known the draft's parameters before the edit: their units and clauses
	 */
	public static List<FieldError> check(List<Row> rows, List<Row> known) {
		rows = withUnits(rows, known);
		Map<String, Row> byName = new LinkedHashMap<>();
		known.forEach(r -> byName.putIfAbsent(r.parameter(), r));
		List<FieldError> errors = new ArrayList<>();
		Set<String> periods = new HashSet<>();
		for (int i = 0; i < rows.size(); i++) {
			Row row = rows.get(i);
			if (row.blank()) {
				continue;
			}
			Row first = byName.get(row.parameter());
			if (first == null) {
				errors
					.add(new FieldError(i, "parameter", "parameter.unknown", List.of(String.valueOf(row.parameter()))));
				continue;
			}
			Unit unit = unit(row.unit());
			if (unit == null) {
				errors.add(new FieldError(i, "unit", "unit.unknown", List.of(String.valueOf(row.unit()))));
			}
			else if (!row.unit().strip().equalsIgnoreCase(first.unit())) {
				errors.add(new FieldError(i, "unit", "unit.changed", List.of(first.unit().toLowerCase(Locale.ROOT))));
			}
			String period = row.effectiveFrom() == null ? "" : row.effectiveFrom().strip();
			if (!YEAR.matcher(period).matches() || Integer.parseInt(period) < RuleSetVersions.FIRST_PERIOD
					|| Integer.parseInt(period) > RuleSetVersions.LAST_PERIOD) {
				errors.add(new FieldError(i, "effectiveFrom", "period.invalid", List.of(period,
						String.valueOf(RuleSetVersions.FIRST_PERIOD), String.valueOf(RuleSetVersions.LAST_PERIOD))));
			}
			else if (!periods.add(row.parameter() + "@" + period)) {
				errors.add(new FieldError(i, "effectiveFrom", "period.duplicate", List.of(period)));
			}
			String value = row.value() == null ? "" : row.value().strip();
			if (value.isEmpty()) {
				errors.add(new FieldError(i, "value", "value.required", List.of()));
			}
			else if (value.startsWith("-") && DECIMAL.matcher(value.substring(1)).matches()) {
				errors.add(new FieldError(i, "value", "value.negative", List.of(value)));
			}
			else if (!DECIMAL.matcher(value).matches()) {
				errors.add(new FieldError(i, "value", "value.notNumber", List.of(value)));
			}
			else if (unit != null) {
				BigDecimal number = new BigDecimal(value.replace(',', '.'));
				if (unit.whole() && number.stripTrailingZeros().scale() > 0) {
					errors.add(new FieldError(i, "value", "value.whole", List.of(value, unit.label())));
				}
				else if (unit == Unit.PERCENT && number.compareTo(BigDecimal.valueOf(100)) > 0) {
					errors.add(new FieldError(i, "value", "value.percentMax", List.of(value)));
				}
				else if (unit == Unit.CRITERIA && number.signum() == 0) {
					errors.add(new FieldError(i, "value", "value.countMin", List.of(value)));
				}
			}
		}
		return errors;
	}

	/**
	 * The rows as the file's text: the submitted rows in their order (blank ones left
	 * out), each with its parameter's clause, values with a dot before decimals. Rows an
	 * analyst did not change come out as they were read.
	 */
	public static byte[] write(List<Row> rows, List<Row> known) {
		rows = withUnits(rows, known);
		Map<String, String> clauses = new HashMap<>();
		known.forEach(r -> clauses.putIfAbsent(r.parameter(), r.clause()));
		StringWriter out = new StringWriter();
		try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.DEFAULT.builder().setRecordSeparator("\n").get())) {
			printer.printRecord(COLUMNS);
			for (Row row : rows) {
				if (row.blank()) {
					continue;
				}
				printer.printRecord(row.parameter(), clauses.getOrDefault(row.parameter(), row.clause()),
						row.unit().strip().toLowerCase(Locale.ROOT), row.effectiveFrom().strip(),
						row.value().strip().replace(',', '.'), row.note() == null ? "" : row.note().strip());
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return out.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
	}

	/** A new row's unit left to "its unit": the parameter's own. */
	static List<Row> withUnits(List<Row> rows, List<Row> known) {
		Map<String, String> units = new HashMap<>();
		known.forEach(r -> units.putIfAbsent(r.parameter(), r.unit()));
		return rows.stream()
			.map(r -> isBlank(r.unit()) && units.containsKey(r.parameter()) ? new Row(r.parameter(), r.clause(),
					units.get(r.parameter()), r.effectiveFrom(), r.value(), r.note()) : r)
			.toList();
	}

	private static Unit unit(String text) {
		if (text == null) {
			return null;
		}
		try {
			return Unit.valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

}
