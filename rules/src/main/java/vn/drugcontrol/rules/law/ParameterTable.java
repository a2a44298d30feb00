package vn.drugcontrol.rules.law;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import vn.drugcontrol.rules.engine.CompileError;

/**
 * The parameters of a bundle ({@value LawBook#PARAMETERS}): one row per value, with the
 * columns {@code parameter, clause, unit, effective_from, value} and optionally
 * {@code note}. A parameter with several values over time has one row for each, all with
 * the same unit and clause. Every problem is reported with the file and its line.
 */
public final class ParameterTable {

	static final List<String> COLUMNS = List.of("parameter", "clause", "unit", "effective_from", "value");

	/** e.g. {@code type1.users_rate}: lower-case words joined by dots. */
	private static final Pattern ID = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z0-9_]+)+");

	private static final Pattern PERIOD = Pattern.compile("[0-9]{4}");

	private static final Pattern DECIMAL = Pattern.compile("[0-9]+(\\.[0-9]+)?");

	/**
	 * A separator followed by exactly three digits after a non-zero whole part: 2.000?
	 */
	private static final Pattern THOUSANDS = Pattern.compile("[1-9][0-9]*\\.[0-9]{3}");

	private final Map<String, Parameter> parameters;

	/**
	 * Every name a row gives, read or refused: a refused row is reported once, not again
	 * where it is used.
	 */
	private final Set<String> named;

	private ParameterTable(Map<String, Parameter> parameters) {
		this(parameters, parameters.keySet());
	}

	private ParameterTable(Map<String, Parameter> parameters, Set<String> named) {
		this.parameters = parameters;
		this.named = Set.copyOf(named);
	}

	/** Whether some row names the parameter, even a row with a problem. */
	boolean names(String id) {
		return named.contains(id);
	}

	static ParameterTable read(String file, String text, ClauseRegister register, List<CompileError> errors) {
		Csv.Table table = Csv.read(text);
		if (!table.readable()) {
			errors.add(new CompileError(file, table.problemLine(), table.problem()));
			return new ParameterTable(Map.of());
		}
		List<String> missing = COLUMNS.stream().filter(c -> !table.columns().contains(c)).toList();
		if (!missing.isEmpty()) {
			errors.add(new CompileError(file, 1, "the parameters need the columns " + String.join(", ", COLUMNS)
					+ " (and optionally note); missing: " + String.join(", ", missing)));
			return new ParameterTable(Map.of());
		}
		Map<String, Unit> units = new LinkedHashMap<>();
		Map<String, String> clauses = new LinkedHashMap<>();
		Map<String, Integer> firstLines = new LinkedHashMap<>();
		Map<String, List<Parameter.Dated>> values = new LinkedHashMap<>();
		Set<String> named = new HashSet<>();
		for (Csv.Row row : table.rows()) {
			String id = row.get("parameter");
			named.add(id);
			Unit unit = Unit.of(row.get("unit"));
			String clause = row.get("clause");
			String from = row.get("effective_from");
			String value = row.get("value").replace(',', '.');
			List<String> problems = new ArrayList<>();
			if (!ID.matcher(id).matches()) {
				problems.add("'" + id + "' is not a parameter name: lower-case words joined by dots, e.g. "
						+ "type1.users_rate");
			}
			if (unit == null) {
				problems.add("unit '" + row.get("unit") + "' is none of percent, m2, plants, points, criteria");
			}
			if (!register.contains(clause)) {
				problems.add("clause '" + clause + "' is not in the register " + LawBook.CLAUSES);
			}
			if (!PERIOD.matcher(from).matches()) {
				problems.add("effective_from must be the evaluation period (a year, e.g. 2025) the value takes "
						+ "effect from; got '" + from + "'");
			}
			BigDecimal number = null;
			if (!DECIMAL.matcher(value).matches()) {
				problems.add("value must be a number ≥ 0 written with digits (a dot or comma before decimals, no "
						+ "thousands separator, no % sign); got '" + row.get("value") + "'");
			}
			else if (unit != null && unit.whole() && value.contains(".")) {
				problems.add("value must be a whole number of " + unit.label() + ", written without a thousands "
						+ "separator (3000, not 3.000 or 3,000); got '" + row.get("value") + "'");
			}
			else if (THOUSANDS.matcher(value).matches()) {
				problems.add("value '" + row.get("value") + "' could be read with a thousands separator: write it "
						+ "without one (2000), or without the trailing zeros of its decimals");
			}
			else {
				number = new BigDecimal(value);
				String wrong = unit == null ? null : unit.problem(number);
				if (wrong != null) {
					problems.add("value " + row.get("value") + " " + wrong);
				}
			}
			if (problems.isEmpty() && units.containsKey(id)) {
				if (units.get(id) != unit || !clauses.get(id).equals(clause)) {
					problems.add(id + " is " + units.get(id).label() + " of clause " + clauses.get(id) + " on line "
							+ firstLines.get(id) + ": every value of a parameter has the same unit and clause");
				}
				int period = Integer.parseInt(from);
				values.get(id)
					.stream()
					.filter(d -> d.effectiveFrom() == period)
					.findFirst()
					.ifPresent(d -> problems.add(id + " has a value from " + period + " already, on line " + d.line()));
			}
			if (!problems.isEmpty()) {
				problems.forEach(p -> errors.add(new CompileError(file, row.line(), p)));
				continue;
			}
			units.putIfAbsent(id, unit);
			clauses.putIfAbsent(id, clause);
			firstLines.putIfAbsent(id, row.line());
			values.computeIfAbsent(id, k -> new ArrayList<>())
				.add(new Parameter.Dated(Integer.parseInt(from), number, row.get("note"), row.line()));
		}
		Map<String, Parameter> parameters = new LinkedHashMap<>();
		values.forEach((id, dated) -> {
			dated.sort(Comparator.comparingInt(Parameter.Dated::effectiveFrom));
			parameters.put(id, new Parameter(id, units.get(id), clauses.get(id), dated));
		});
		return new ParameterTable(parameters, named);
	}

	public Optional<Parameter> find(String id) {
		return Optional.ofNullable(parameters.get(id));
	}

	/** Every parameter, in the order of its first row. */
	public Collection<Parameter> parameters() {
		return parameters.values();
	}

	/** This table with one value changed: what the build's mutation gate runs. */
	ParameterTable with(String id, int effectiveFrom, BigDecimal value) {
		Map<String, Parameter> changed = new LinkedHashMap<>(parameters);
		Parameter p = parameters.get(id);
		List<Parameter.Dated> dated = new ArrayList<>();
		boolean found = false;
		for (Parameter.Dated d : p.values()) {
			if (d.effectiveFrom() == effectiveFrom) {
				dated.add(new Parameter.Dated(effectiveFrom, value, d.note(), d.line()));
				found = true;
			}
			else {
				dated.add(d);
			}
		}
		if (!found) {
			throw new IllegalArgumentException(id + " has no value from " + effectiveFrom);
		}
		changed.put(id, new Parameter(id, p.unit(), p.clause(), dated));
		return new ParameterTable(changed);
	}

}
