package vn.drugcontrol.service.scenario;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.engine.CompileError;
import vn.drugcontrol.rules.engine.FactViolation;
import vn.drugcontrol.rules.engine.FactsContract;
import vn.drugcontrol.rules.province.ProvinceClassification;
import vn.drugcontrol.rules.province.ProvinceFacts;
import vn.drugcontrol.rules.commune.FactsColumn;
import vn.drugcontrol.service.facts.FactsColumns;

/**
 * Reads a scenario table, CSV (UTF-8, comma) or XLSX (first sheet), header in row 1: the
 * facts contract's columns (a column left out counts as 0, false or empty; the codes need
 * not be real communes), {@code expected_classification}, and optionally
 * {@code expected_criteria} (ids separated by {@code ;}) and {@code scenario} (a
 * description). A table with the column {@code expected_province_classification} holds
 * provinces instead (Art. 5, 6): {@code province_code}, {@code period}, the summed counts
 * ({@code population}, {@code managed_users}, {@code exempt_users},
 * {@code drug_use_points}, {@code arrested_offenders}, {@code resident_violators},
 * {@code wanted_fugitives}, {@code plants_destroyed}, {@code plant_area_m2}),
 * {@code commune_units}, {@code type_i_and_ii_communes} and
 * {@code on_inter_provincial_route}.
 */
public final class ScenarioTable {

	static final String SCENARIO = "scenario";

	static final String EXPECTED_CLASSIFICATION = "expected_classification";

	static final String EXPECTED_CRITERIA = "expected_criteria";

	static final String EXPECTED_PROVINCE_CLASSIFICATION = "expected_province_classification";

	/** A province table's columns beyond the facts contract's. */
	static final List<String> PROVINCE_COLUMNS = List.of("exempt_users", "commune_units", "type_i_and_ii_communes");

	/** The scenarios of a table, or the problems that keep it from being read. */
	public record Read(List<Scenario> scenarios, List<CompileError> problems) {
	}

	private final String file;

	private final List<CompileError> problems = new ArrayList<>();

	/** Whether the table holds provinces rather than communes. */
	private boolean province;

	private ScenarioTable(String file) {
		this.file = file;
	}

	public static Read read(String file, byte[] content) {
		ScenarioTable table = new ScenarioTable(file);
		List<List<String>> rows;
		try {
			rows = file.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? xlsx(content) : csv(content);
		}
		catch (IOException | RuntimeException ex) {
			return new Read(List.of(), List.of(new CompileError(file, 0, "cannot be read as a table: " + ex)));
		}
		List<Scenario> scenarios = table.scenarios(rows);
		return new Read(table.problems.isEmpty() ? scenarios : List.of(), List.copyOf(table.problems));
	}

	/**
	 * A table's cells as written, row by row (the header first): what the console's grid
	 * shows and edits.
	 * @throws IOException when it is not a readable CSV (UTF-8) or XLSX table
	 */
	public static List<List<String>> cells(String file, byte[] content) throws IOException {
		return file.toLowerCase(Locale.ROOT).endsWith(".xlsx") ? xlsx(content) : csv(content);
	}

	private static List<List<String>> csv(byte[] content) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		try (Reader in = new InputStreamReader(new ByteArrayInputStream(content), StandardCharsets.UTF_8);
				CSVParser parser = CSVFormat.DEFAULT.parse(in)) {
			for (CSVRecord record : parser) {
				List<String> cells = new ArrayList<>(record.toList());
				if (rows.isEmpty() && !cells.isEmpty()) {
					cells.set(0, cells.get(0).replace("\uFEFF", ""));
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	private static List<List<String>> xlsx(byte[] content) throws IOException {
		List<List<String>> rows = new ArrayList<>();
		DataFormatter format = new DataFormatter(Locale.ROOT);
		try (Workbook book = new XSSFWorkbook(new ByteArrayInputStream(content))) {
			Sheet sheet = book.getSheetAt(0);
			for (int r = 0; r <= sheet.getLastRowNum(); r++) {
				Row row = sheet.getRow(r);
				List<String> cells = new ArrayList<>();
				if (row != null) {
					for (int c = 0; c < Math.max(row.getLastCellNum(), 0); c++) {
						cells.add(format.formatCellValue(row.getCell(c)));
					}
				}
				rows.add(cells);
			}
		}
		return rows;
	}

	private List<Scenario> scenarios(List<List<String>> rows) {
		if (rows.isEmpty()) {
			problem(0, "is empty; it needs a header row and at least one scenario");
			return List.of();
		}
		province = rows.get(0)
			.stream()
			.anyMatch(c -> c.strip().replace("\uFEFF", "").equalsIgnoreCase(EXPECTED_PROVINCE_CLASSIFICATION));
		Map<String, Integer> header = header(rows.get(0));
		if (!problems.isEmpty()) {
			return List.of();
		}
		List<Scenario> scenarios = new ArrayList<>();
		for (int i = 1; i < rows.size(); i++) {
			List<String> cells = rows.get(i);
			if (cells.stream().allMatch(String::isBlank)) {
				continue;
			}
			Map<String, String> values = new HashMap<>();
			header.forEach((name, index) -> values.put(name, index < cells.size() ? cells.get(index).strip() : ""));
			scenario(i + 1, values).ifPresent(scenarios::add);
		}
		if (scenarios.isEmpty() && problems.isEmpty()) {
			problem(0, "has no scenario rows");
		}
		return scenarios;
	}

	private Map<String, Integer> header(List<String> cells) {
		Map<String, Integer> header = new HashMap<>();
		for (int i = 0; i < cells.size(); i++) {
			String name = cells.get(i).strip().toLowerCase(Locale.ROOT);
			if (name.isEmpty()) {
				continue;
			}
			boolean known = province
					? FactsColumns.byHeader(name).isPresent() || PROVINCE_COLUMNS.contains(name)
							|| List.of(SCENARIO, EXPECTED_PROVINCE_CLASSIFICATION, EXPECTED_CRITERIA).contains(name)
					: FactsColumns.byHeader(name).isPresent()
							|| List.of(SCENARIO, EXPECTED_CLASSIFICATION, EXPECTED_CRITERIA).contains(name);
			if (!known) {
				problem(1,
						"column \"" + cells.get(i) + "\" is neither a facts column (" + FactsColumns.csvHeaderLine()
								+ (province ? ", " + String.join(", ", PROVINCE_COLUMNS) : "") + ") nor scenario, "
								+ (province ? EXPECTED_PROVINCE_CLASSIFICATION : EXPECTED_CLASSIFICATION)
								+ ", expected_criteria");
			}
			else if (header.putIfAbsent(name, i) != null) {
				problem(1, "column \"" + name + "\" appears twice");
			}
		}
		for (String required : List.of(province ? EXPECTED_PROVINCE_CLASSIFICATION : EXPECTED_CLASSIFICATION,
				FactsColumn.POPULATION.header())) {
			if (!header.containsKey(required)) {
				problem(1, "the column " + required + " is required");
			}
		}
		return header;
	}

	private Optional<Scenario> scenario(int row, Map<String, String> values) {
		if (province) {
			return provinceScenario(row, values);
		}
		int before = problems.size();
		// every column of the facts contract by its kind; a column left out or empty is
		// its absent value (a name, code and period of the scenario's own)
		CommuneFacts facts = FactsColumn.facts((column) -> switch (column) {
			case COMMUNE_CODE -> text(values, column, String.format("%05d", row));
			case COMMUNE_NAME -> text(values, column, "scenario " + row);
			case PROVINCE_CODE -> text(values, column, "00");
			case PERIOD -> whole(row, values, column, 2025);
			default -> switch (column.kind()) {
				case WHOLE_NUMBER -> whole(row, values, column, 0);
				case DECIMAL -> decimal(row, values, column);
				case BOOLEAN -> flag(row, values, column);
				case TEXT -> text(values, column, "");
			};
		});
		Classification expected = classification(row, values.getOrDefault(EXPECTED_CLASSIFICATION, ""));
		List<String> criteria = Arrays.stream(values.getOrDefault(EXPECTED_CRITERIA, "").split("[;,]"))
			.map(String::strip)
			.filter(id -> !id.isEmpty())
			.toList();
		if (problems.size() == before) {
			for (FactViolation v : FactsContract.check(List.of(facts))) {
				problem(row, v.field() + " " + v.message());
			}
		}
		return problems.size() == before
				? Optional.of(new Scenario(file, row, values.getOrDefault(SCENARIO, ""), facts, expected, criteria))
				: Optional.empty();
	}

	/** A province's row: its summed facts and the class Art. 5 and 6 give it. */
	private Optional<Scenario> provinceScenario(int row, Map<String, String> values) {
		int before = problems.size();
		ProvinceFacts facts = new ProvinceFacts(text(values, FactsColumn.PROVINCE_CODE, "00"),
				(int) whole(row, values, FactsColumn.PERIOD, 2025), whole(row, values, FactsColumn.POPULATION, 0),
				whole(row, values, FactsColumn.MANAGED_USERS, 0), whole(row, values, "exempt_users"),
				whole(row, values, FactsColumn.DRUG_USE_POINTS, 0),
				whole(row, values, FactsColumn.ARRESTED_OFFENDERS, 0),
				whole(row, values, FactsColumn.RESIDENT_VIOLATORS, 0),
				whole(row, values, FactsColumn.WANTED_FUGITIVES, 0),
				whole(row, values, FactsColumn.PLANTS_DESTROYED, 0), decimal(row, values, FactsColumn.PLANT_AREA_M2),
				whole(row, values, "commune_units"), whole(row, values, "type_i_and_ii_communes"),
				flag(row, values, FactsColumn.ON_INTER_PROVINCIAL_ROUTE));
		String value = values.getOrDefault(EXPECTED_PROVINCE_CLASSIFICATION, "");
		ProvinceClassification expected = null;
		try {
			expected = ProvinceClassification
				.valueOf(value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_'));
		}
		catch (IllegalArgumentException ex) {
			problem(row, EXPECTED_PROVINCE_CLASSIFICATION + " must be one of "
					+ Arrays.toString(ProvinceClassification.values()) + ", got \"" + value + "\"");
		}
		List<String> criteria = Arrays.stream(values.getOrDefault(EXPECTED_CRITERIA, "").split("[;,]"))
			.map(String::strip)
			.filter(id -> !id.isEmpty())
			.toList();
		if (problems.size() == before) {
			for (FactViolation v : FactsContract.check(facts)) {
				problem(row, v.field() + " " + v.message());
			}
		}
		return problems.size() == before
				? Optional
					.of(Scenario.ofProvince(file, row, values.getOrDefault(SCENARIO, ""), facts, expected, criteria))
				: Optional.empty();
	}

	private long whole(int row, Map<String, String> values, String column) {
		String value = values.getOrDefault(column, "");
		if (value.isEmpty()) {
			return 0;
		}
		try {
			long n = new BigDecimal(value).longValueExact();
			if (n >= 0) {
				return n;
			}
		}
		catch (ArithmeticException | NumberFormatException ex) {
			// reported below
		}
		problem(row, column + " must be a whole number ≥ 0, got \"" + value + "\"");
		return 0;
	}

	private static String text(Map<String, String> values, FactsColumn column, String fallback) {
		String value = values.getOrDefault(column.header(), "");
		return value.isEmpty() ? fallback : value;
	}

	private long whole(int row, Map<String, String> values, FactsColumn column, long fallback) {
		String value = values.getOrDefault(column.header(), "");
		if (value.isEmpty()) {
			return fallback;
		}
		try {
			long n = new BigDecimal(value).longValueExact();
			if (n >= 0) {
				return n;
			}
		}
		catch (ArithmeticException | NumberFormatException ex) {
			// reported below
		}
		problem(row, column.header() + " must be a whole number ≥ 0, got \"" + value + "\"");
		return fallback;
	}

	private BigDecimal decimal(int row, Map<String, String> values, FactsColumn column) {
		String value = values.getOrDefault(column.header(), "");
		if (value.isEmpty()) {
			return BigDecimal.ZERO;
		}
		try {
			BigDecimal n = new BigDecimal(value);
			if (n.signum() >= 0) {
				return n;
			}
		}
		catch (NumberFormatException ex) {
			// reported below
		}
		problem(row, column.header() + " must be a number ≥ 0 with a dot as decimal separator, got \"" + value + "\"");
		return BigDecimal.ZERO;
	}

	private boolean flag(int row, Map<String, String> values, FactsColumn column) {
		String value = values.getOrDefault(column.header(), "").toLowerCase(Locale.ROOT);
		switch (value) {
			case "", "false", "0", "no", "không":
				return false;
			case "true", "1", "yes", "có":
				return true;
			default:
				problem(row, column.header() + " must be true or false, got \"" + value + "\"");
				return false;
		}
	}

	private Classification classification(int row, String value) {
		String name = value.strip().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
		try {
			return Classification.valueOf(name);
		}
		catch (IllegalArgumentException ex) {
			problem(row, EXPECTED_CLASSIFICATION + " must be one of " + Arrays.toString(Classification.values())
					+ ", got \"" + value + "\"");
			return null;
		}
	}

	private void problem(int row, String message) {
		problems.add(new CompileError(file, row, message));
	}

}
