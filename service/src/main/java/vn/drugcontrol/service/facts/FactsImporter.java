package vn.drugcontrol.service.facts;

import java.io.InputStream;
import java.util.Objects;
import java.util.function.IntConsumer;

import tools.jackson.databind.JsonNode;

/**
 * Imports the commune facts of one province and one period from CSV, XLSX or JSON, as the
 * facts contract defines them, checking each commune against the 2025 list of units. A
 * file is accepted whole or rejected whole: {@link FactsRejectedException} carries every
 * problem found, with its row and column.
 */
public final class FactsImporter {

	private final AdminUnits units;

	public FactsImporter(AdminUnits units) {
		this.units = Objects.requireNonNull(units, "units");
		// POI's bounds on the zip entries it reads hold for every workbook read, from now
		XlsxFacts.bound();
	}

	/**
	 * Reads a facts file.
	 * @param fileName the file's name, for the problems
	 * @param in the file's content (not closed)
	 * @param format its format
	 * @param expectedProvinceCode the province the import is for, or null to take it from
	 * the rows (then the province of most rows)
	 * @param expectedPeriod the period the import is for, or null to take it from the
	 * rows
	 * @param progress told the number of rows read so far, every 500 rows and at the end;
	 * may be null
	 * @return the batch, when every row passed
	 * @throws FactsRejectedException with every problem found
	 */
	public FactsBatch read(String fileName, InputStream in, FactsFormat format, String expectedProvinceCode,
			Integer expectedPeriod, IntConsumer progress) {
		Objects.requireNonNull(in, "in");
		Objects.requireNonNull(format, "format");
		Problems problems = new Problems(fileName, format == FactsFormat.JSON);
		CommuneRows rows = new CommuneRows(units, problems, format == FactsFormat.XLSX, expectedProvinceCode,
				expectedPeriod, progress);
		switch (format) {
			case CSV -> CsvFacts.read(in, problems, rows);
			case XLSX -> XlsxFacts.read(in, problems, rows);
			case JSON -> JsonFacts.read(in, problems, rows);
		}
		return rows.finish();
	}

	/**
	 * Reads communes given in an API body: an array of commune objects (or a batch object
	 * with a {@code communes} array).
	 * @param source names the body in the problems, e.g. {@code "request body"}
	 * @throws FactsRejectedException with every problem found
	 */
	public FactsBatch readJson(String source, JsonNode communesArray, String expectedProvinceCode,
			Integer expectedPeriod) {
		Problems problems = new Problems(source, true);
		CommuneRows rows = new CommuneRows(units, problems, false, expectedProvinceCode, expectedPeriod, null);
		JsonFacts.read(communesArray, problems, rows);
		return rows.finish();
	}

}
