package vn.drugcontrol.service.facts;

import vn.drugcontrol.rules.commune.FactsColumn;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.IntConsumer;
import java.util.regex.Pattern;

import vn.drugcontrol.rules.commune.CommuneFacts;

import static vn.drugcontrol.rules.commune.FactsColumn.COMMUNE_CODE;
import static vn.drugcontrol.rules.commune.FactsColumn.COMMUNE_NAME;
import static vn.drugcontrol.rules.commune.FactsColumn.IN_COMMUNITY_REHAB;
import static vn.drugcontrol.rules.commune.FactsColumn.IN_POST_REHAB_MANAGEMENT;
import static vn.drugcontrol.rules.commune.FactsColumn.IN_SUBSTITUTION_TREATMENT;
import static vn.drugcontrol.rules.commune.FactsColumn.MANAGED_USERS;
import static vn.drugcontrol.rules.commune.FactsColumn.ON_INTER_PROVINCIAL_ROUTE;
import static vn.drugcontrol.rules.commune.FactsColumn.ON_INTRA_PROVINCIAL_ROUTE;
import static vn.drugcontrol.rules.commune.FactsColumn.PERIOD;
import static vn.drugcontrol.rules.commune.FactsColumn.PROVINCE_CODE;

/**
 * Checks the rows of one file against the facts contract and the 2025 list, whatever the
 * format, and assembles the batch: every row's problems first, then what concerns the
 * rows together (one province, one period, no commune twice).
 */
final class CommuneRows {

	/**
	 * Earlier periods may be evaluated under the 2025 criteria, for comparison and
	 * transitions.
	 */
	static final int FIRST_PERIOD = FactsColumn.FIRST_PERIOD;

	static final int LAST_PERIOD = FactsColumn.LAST_PERIOD;

	static final int PROGRESS_EVERY = 500;

	private static final Pattern WHOLE = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

	private static final Pattern GROUPED = Pattern.compile("\\d{1,3}([., ]\\d{3})+");

	private static final Pattern DECIMAL = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)");

	private static final Pattern DECIMAL_COMMA = Pattern.compile("[+-]?\\d+,\\d+");

	/**
	 * The largest count a commune can report: ten times Vietnam's population. Any real
	 * count is far below it, and sums over a whole batch (a province's totals) stay far
	 * from a {@code long}'s limit.
	 */
	static final long MAX_COUNT = FactsColumn.MAX_COUNT;

	/** Decimals kept exactly: far more than any measure needs, few enough to print. */
	static final int MAX_DECIMALS = 30;

	/** Text longer than this is no number a person typed; it is not parsed. */
	private static final int MAX_NUMBER_TEXT = 64;

	private final AdminUnits units;

	private final Problems problems;

	private final boolean numbersMayBeCodes;

	private final IntConsumer progress;

	private String province;

	private boolean provinceChosen;

	private Integer period;

	private boolean periodChosen;

	private final List<Key> keys = new ArrayList<>();

	private final Map<String, Integer> firstRowOf = new HashMap<>();

	private final List<CommuneFacts> communes = new ArrayList<>();

	private final List<FactsBatch.StatedRoute> statedRoutes = new ArrayList<>();

	private int rows;

	/**
	 * @param numbersMayBeCodes whether a code given as a number lost its leading zeros on
	 * its own (a numeric spreadsheet cell) and may be padded
	 */
	CommuneRows(AdminUnits units, Problems problems, boolean numbersMayBeCodes, String expectedProvinceCode,
			Integer expectedPeriod, IntConsumer progress) {
		this.units = units;
		this.problems = problems;
		this.numbersMayBeCodes = numbersMayBeCodes;
		this.progress = progress;
		if (expectedProvinceCode != null) {
			String code = UnitNames.clean(expectedProvinceCode);
			if (units.provinceName(code).isPresent()) {
				this.province = code;
				this.provinceChosen = true;
			}
			else {
				problems.file("The province chosen for this import, \"" + code
						+ "\", is not a province code of the 2025 list.");
			}
		}
		if (expectedPeriod != null) {
			if (expectedPeriod >= FIRST_PERIOD && expectedPeriod <= LAST_PERIOD) {
				this.period = expectedPeriod;
				this.periodChosen = true;
			}
			else {
				problems.file("The period chosen for this import, " + expectedPeriod + ", must be a year from "
						+ FIRST_PERIOD + " to " + LAST_PERIOD + ".");
			}
		}
	}

	/** The province a JSON batch object states for all its communes. */
	void batchProvince(Cell cell) {
		String code = code(null, PROVINCE_CODE, cell, 2, true);
		if (code == null) {
			return;
		}
		if (units.provinceName(code).isEmpty()) {
			problems.add(null, PROVINCE_CODE, "\"" + code + "\" is not a province code of the 2025 list.");
		}
		else if (province != null && !province.equals(code)) {
			problems.add(null, PROVINCE_CODE,
					"is " + province(code) + ", but this import is for province " + province(province) + ".");
		}
		else {
			province = code;
			provinceChosen = true;
		}
	}

	/** The period a JSON batch object states for all its communes. */
	void batchPeriod(Cell cell) {
		Integer year = period(null, cell, true);
		if (year == null) {
			return;
		}
		if (period != null && !period.equals(year)) {
			problems.add(null, PERIOD, "is " + year + ", but this import is for period " + period + ".");
		}
		else {
			period = year;
			periodChosen = true;
		}
	}

	/** Counts an entry that is no commune at all (its problem already reported). */
	void notACommune() {
		counted();
	}

	/** Checks one row; a column missing from the map was not given at all. */
	void add(int row, Map<FactsColumn, Cell> cells) {
		counted();
		int before = problems.total();
		Row r = new Row(row, cells);

		String code = r.code(COMMUNE_CODE, 5);
		AdminUnit unit = null;
		if (code != null) {
			Integer first = firstRowOf.putIfAbsent(code, row);
			if (first != null) {
				problems.add(row, COMMUNE_CODE, "commune " + code + " appears twice in the batch, on " + rowWord()
						+ "s " + first + " and " + row + "; each commune may appear only once.");
			}
			unit = units.find(code).orElse(null);
			if (unit == null) {
				problems.add(row, COMMUNE_CODE, "\"" + code + "\" is not a commune-level unit of the 2025 list.");
			}
		}
		String name = r.text(COMMUNE_NAME);
		if (name != null && unit != null && !unit.isNamed(name)) {
			problems.add(row, COMMUNE_NAME,
					"is \"" + name + "\", but " + code + " is " + unit.fullName() + " in the 2025 list of units.");
		}
		String provinceCode = r.code(PROVINCE_CODE, 2);
		boolean provinceDisagrees = false;
		if (provinceCode != null) {
			if (units.provinceName(provinceCode).isEmpty()) {
				problems.add(row, PROVINCE_CODE, "\"" + provinceCode + "\" is not a province code of the 2025 list.");
				provinceCode = null;
			}
			else if (unit != null && !unit.provinceCode().equals(provinceCode)) {
				provinceDisagrees = true;
				problems.add(row, PROVINCE_CODE, "is " + province(provinceCode) + ", but commune " + code + " "
						+ unit.name() + " belongs to province " + province(unit.provinceCode()) + ".");
			}
		}
		Integer year = r.period();

		// every fact by its kind and bounds (the declaration's); then the checks across
		// columns
		Map<FactsColumn, Object> values = new EnumMap<>(FactsColumn.class);
		values.put(COMMUNE_CODE, code);
		values.put(COMMUNE_NAME, name);
		values.put(PROVINCE_CODE, provinceCode);
		values.put(PERIOD, year);
		boolean complete = code != null && name != null && provinceCode != null && year != null;
		for (FactsColumn column : FactsColumn.MEASURES) {
			Object value = r.value(column);
			values.put(column, value);
			complete &= value != null || !column.required();
		}
		Long managed = (Long) values.get(MANAGED_USERS);
		Long substitution = (Long) values.get(IN_SUBSTITUTION_TREATMENT);
		Long communityRehab = (Long) values.get(IN_COMMUNITY_REHAB);
		Long postRehab = (Long) values.get(IN_POST_REHAB_MANAGEMENT);
		if (managed != null && substitution != null && communityRehab != null && postRehab != null) {
			long exempt = substitution + communityRehab + postRehab;
			if (exempt > managed) {
				problems.add(row, MANAGED_USERS,
						"is " + managed + ", fewer than the three groups it includes: "
								+ problems.name(IN_SUBSTITUTION_TREATMENT) + " + " + problems.name(IN_COMMUNITY_REHAB)
								+ " + " + problems.name(IN_POST_REHAB_MANAGEMENT) + " = " + substitution + " + "
								+ communityRehab + " + " + postRehab + " = " + exempt + ".");
			}
		}

		keys.add(new Key(row, code, unit, provinceCode, provinceDisagrees, year));
		if (problems.total() == before && complete) {
			communes.add(FactsColumn.facts(values::get));
			statedRoutes.add(new FactsBatch.StatedRoute(code, row, problems.name(ON_INTRA_PROVINCIAL_ROUTE),
					(Boolean) values.get(ON_INTRA_PROVINCIAL_ROUTE), problems.name(ON_INTER_PROVINCIAL_ROUTE),
					(Boolean) values.get(ON_INTER_PROVINCIAL_ROUTE)));
		}
	}

	/**
	 * Checks the rows together and returns the batch.
	 * @throws FactsRejectedException with every problem, if there is any
	 */
	FactsBatch finish() {
		if (progress != null && rows % PROGRESS_EVERY != 0) {
			progress.accept(rows);
		}
		if (rows == 0) {
			problems.file(
					problems.json() ? "The file contains no communes." : "The file has no data rows under its header.");
		}
		if (!provinceChosen) {
			province = mostCommon(keys.stream().map(Key::likelyProvince).toList());
		}
		if (!periodChosen) {
			period = mostCommon(keys.stream().map(Key::period).toList());
		}
		String batchIs = provinceChosen ? "this import is for" : "the batch is for";
		String like = provinceChosen ? "" : ", like most of its " + rowWord() + "s";
		for (Key key : keys) {
			// a province code that disagrees with its own commune is reported already:
			// then the commune tells whether the row belongs to the batch
			boolean provinceNamed = false;
			if (province != null && key.province() != null && !key.provinceDisagrees()
					&& !key.province().equals(province)) {
				problems.add(key.row(), PROVINCE_CODE, "is " + province(key.province()) + ", but " + batchIs
						+ " province " + province(province) + like + ": a batch covers one province.");
				provinceNamed = true;
			}
			if (province != null && key.unit() != null && !key.unit().provinceCode().equals(province)
					&& !provinceNamed) {
				problems.add(key.row(), COMMUNE_CODE,
						key.code() + " " + key.unit().fullName() + " belongs to province "
								+ province(key.unit().provinceCode()) + ", but " + batchIs + " province "
								+ province(province) + like + ".");
			}
			if (period != null && key.period() != null && !key.period().equals(period)) {
				problems.add(key.row(), PERIOD,
						"is " + key.period() + ", but " + (periodChosen ? "this import is for" : "the batch is for")
								+ " period " + period + (periodChosen ? "" : ", like most of its " + rowWord() + "s")
								+ ": a batch covers one period.");
			}
		}
		problems.throwIfAny();
		return new FactsBatch(province, period, communes, statedRoutes);
	}

	private void counted() {
		rows++;
		if (progress != null && rows % PROGRESS_EVERY == 0) {
			progress.accept(rows);
		}
	}

	private String rowWord() {
		return problems.json() ? "item" : "row";
	}

	private String province(String code) {
		return code + " (" + units.provinceName(code).orElse("?") + ")";
	}

	/** The most frequent non-null value; the first seen on a tie. */
	private static <T> T mostCommon(List<T> values) {
		Map<T, Integer> counts = new LinkedHashMap<>();
		for (T value : values) {
			if (value != null) {
				counts.merge(value, 1, Integer::sum);
			}
		}
		T best = null;
		int most = 0;
		for (Map.Entry<T, Integer> e : counts.entrySet()) {
			if (e.getValue() > most) {
				best = e.getKey();
				most = e.getValue();
			}
		}
		return best;
	}

	// --- reading one value; each returns null after reporting a problem (or when an
	// optional value is left empty)

	/** The value to check, or null when it is absent, empty or unusable. */
	private Cell given(Integer row, FactsColumn column, Cell cell, boolean reportAbsent) {
		if (cell == null) {
			if (column.required() && reportAbsent) {
				problems.add(row, column, "is missing; it is required.");
			}
			return null;
		}
		if (cell instanceof Cell.Invalid invalid) {
			problems.add(row, column, invalid.reason());
			return null;
		}
		if (cell.isBlank()) {
			if (column.required()) {
				problems.add(row, column, "is empty; it is required.");
			}
			return null;
		}
		return cell;
	}

	private String code(Integer row, FactsColumn column, Cell cell, int digits, boolean reportAbsent) {
		Cell value = given(row, column, cell, reportAbsent);
		if (value == null) {
			return null;
		}
		String example = (digits == 5) ? "01273" : "04";
		if (value instanceof Cell.Numeric number) {
			BigDecimal n = number.value();
			boolean fits = n.signum() >= 0 && n.stripTrailingZeros().scale() <= 0
					&& n.compareTo(BigDecimal.TEN.pow(digits)) < 0;
			if (numbersMayBeCodes && fits) {
				return String.format("%0" + digits + "d", n.longValueExact());
			}
			problems.add(row, column, "must be a string of " + digits + " digits such as \"" + example
					+ "\", got the number " + value.shown() + ".");
			return null;
		}
		String text = value.shown();
		if (text.matches("\\d{" + digits + "}")) {
			return text;
		}
		if (text.matches("\\d{1," + (digits - 1) + "}")) {
			String padded = "0".repeat(digits - text.length()) + text;
			problems.add(row, column, "must have " + digits + " digits, got \"" + text + "\": write \"" + padded
					+ "\" (a spreadsheet may have dropped the leading zero; format the column as text).");
			return null;
		}
		problems.add(row, column,
				"must be a " + digits + "-digit code such as \"" + example + "\", got \"" + text + "\".");
		return null;
	}

	private Integer period(Integer row, Cell cell, boolean reportAbsent) {
		Cell value = given(row, PERIOD, cell, reportAbsent);
		if (value == null) {
			return null;
		}
		BigDecimal n = wholeNumber(value);
		if (n == null || n.signum() < 0 || n.precision() - n.scale() != 4) {
			problems.add(row, PERIOD, "must be a 4-digit year such as 2025, got \"" + value.shown() + "\".");
			return null;
		}
		int year = n.intValueExact();
		if (year < FIRST_PERIOD || year > LAST_PERIOD) {
			problems.add(row, PERIOD, "must be a year from " + FIRST_PERIOD + " to " + LAST_PERIOD
					+ " (Decision 28/2025 applies from 2025; earlier periods only for comparison), got " + year + ".");
			return null;
		}
		return year;
	}

	/** A number with no fraction, or null if the value is not one. */
	private static BigDecimal wholeNumber(Cell value) {
		BigDecimal n = number(value, WHOLE);
		if (n == null || n.signum() != 0 && n.stripTrailingZeros().scale() > 0) {
			return null;
		}
		// 1E+999999999 stays as it is: expanding it would take the machine's memory, and
		// every caller refuses a number that large anyway
		return (integerDigits(n) > 19) ? n : n.setScale(0);
	}

	private static BigDecimal number(Cell value, Pattern text) {
		if (value instanceof Cell.Numeric number) {
			return number.value();
		}
		if (value instanceof Cell.Text t && t.value().length() <= MAX_NUMBER_TEXT
				&& text.matcher(t.value()).matches()) {
			return new BigDecimal(t.value());
		}
		return null;
	}

	/** Digits before the decimal point, without expanding the number. */
	private static int integerDigits(BigDecimal n) {
		return n.precision() - n.scale();
	}

	private Long count(Integer row, FactsColumn column, Cell cell, boolean reportAbsent) {
		Cell value = given(row, column, cell, reportAbsent);
		if (value == null) {
			return null;
		}
		String min = (column.min() > 0) ? "greater than " + (column.min() - 1) : "≥ " + column.min();
		BigDecimal n = wholeNumber(value);
		if (n != null && n.signum() >= 0 && n.compareTo(BigDecimal.valueOf(column.min())) < 0) {
			problems.add(row, column, "must be a whole number " + min + ", got \"" + n.toPlainString() + "\".");
			return null;
		}
		if (n == null || n.signum() < 0) {
			String hint = (value instanceof Cell.Text t && GROUPED.matcher(t.value()).matches())
					? " without thousands separators" : "";
			problems.add(row, column, "must be a whole number " + min + hint + ", got \"" + value.shown() + "\".");
			return null;
		}
		if (n.compareTo(BigDecimal.valueOf(column.max())) > 0) {
			problems.add(row, column, "is too large to be a count (at most " + column.max() + "), got \""
					+ shortened(value.shown()) + "\".");
			return null;
		}
		return n.longValueExact();
	}

	private BigDecimal decimal(Integer row, FactsColumn column, Cell cell, boolean reportAbsent) {
		Cell value = given(row, column, cell, reportAbsent);
		if (value == null) {
			return null;
		}
		BigDecimal n = number(value, DECIMAL);
		if (n == null) {
			if (value instanceof Cell.Text t && DECIMAL_COMMA.matcher(t.value()).matches()) {
				problems.add(row, column, "must use a dot as the decimal separator, e.g. \""
						+ t.value().replace(',', '.') + "\", got \"" + t.value() + "\".");
			}
			else {
				problems.add(row, column, "must be a number ≥ 0 (m², with a dot as the decimal separator), got \""
						+ value.shown() + "\".");
			}
			return null;
		}
		if (n.signum() < 0) {
			problems.add(row, column, "must be a number ≥ 0, got \"" + value.shown() + "\".");
			return null;
		}
		if (n.compareTo(BigDecimal.valueOf(column.max())) > 0) {
			problems.add(row, column, "is too large to be an area of plants (at most " + column.max() + " m²), got \""
					+ shortened(value.shown()) + "\".");
			return null;
		}
		// one scale for one value: 12.50, 12.5 and a cell's 12.5 compare equal
		BigDecimal stripped = n.stripTrailingZeros();
		if (stripped.scale() > MAX_DECIMALS) {
			problems.add(row, column,
					"has more than " + MAX_DECIMALS + " decimals, got \"" + shortened(value.shown()) + "\".");
			return null;
		}
		return (stripped.scale() < 0) ? stripped.setScale(0) : stripped;
	}

	private Boolean flag(Integer row, FactsColumn column, Cell cell, boolean reportAbsent) {
		Cell value = given(row, column, cell, reportAbsent);
		if (value == null) {
			return null;
		}
		if (value instanceof Cell.Flag flag) {
			return flag.value();
		}
		String text = value.shown().toLowerCase(Locale.ROOT);
		switch (text) {
			case "true", "1", "yes", "có":
				return true;
			case "false", "0", "no", "không":
				return false;
			default:
				problems.add(row, column,
						"must be true or false (or 1/0, yes/no, có/không), got \"" + value.shown() + "\".");
				return null;
		}
	}

	private String text(Integer row, FactsColumn column, Cell cell, boolean reportAbsent) {
		Cell value = given(row, column, cell, reportAbsent);
		return (value != null) ? value.shown() : null;
	}

	/** One row's cells, read with the row's number. */
	private final class Row {

		private final int number;

		private final Map<FactsColumn, Cell> cells;

		Row(int number, Map<FactsColumn, Cell> cells) {
			this.number = number;
			this.cells = cells;
		}

		String code(FactsColumn column, int digits) {
			return CommuneRows.this.code(number, column, cells.get(column), digits, problems.json());
		}

		String text(FactsColumn column) {
			return CommuneRows.this.text(number, column, cells.get(column), problems.json());
		}

		Integer period() {
			return CommuneRows.this.period(number, cells.get(PERIOD), problems.json());
		}

		Long count(FactsColumn column) {
			return CommuneRows.this.count(number, column, cells.get(column), problems.json());
		}

		BigDecimal decimal(FactsColumn column) {
			return CommuneRows.this.decimal(number, column, cells.get(column), problems.json());
		}

		Boolean flag(FactsColumn column) {
			return CommuneRows.this.flag(number, column, cells.get(column), problems.json());
		}

		/** A fact read as its kind says: a Long, BigDecimal or Boolean, or null. */
		Object value(FactsColumn column) {
			return switch (column.kind()) {
				case WHOLE_NUMBER -> count(column);
				case DECIMAL -> decimal(column);
				case BOOLEAN -> flag(column);
				case TEXT -> text(column);
			};
		}

	}

	/** What the rows are checked together on. */
	private record Key(int row, String code, AdminUnit unit, String province, boolean provinceDisagrees,
			Integer period) {

		/** The row's province: its commune's when the commune is known. */
		String likelyProvince() {
			return (unit != null) ? unit.provinceCode() : province;
		}

	}

	/** A value as problems quote it: long ones cut, so a problem stays readable. */
	private static String shortened(String shown) {
		return shown.length() <= 40 ? shown : shown.substring(0, 37) + "…";
	}

}
