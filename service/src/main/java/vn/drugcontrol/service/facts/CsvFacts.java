package vn.drugcontrol.service.facts;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads a CSV file: UTF-8 (a byte order mark is skipped), header in the first non-blank
 * row, comma separated; a semicolon or tab is recognised when the header has no comma
 * (Excel writes semicolons where the decimal separator is a comma).
 */
final class CsvFacts {

	private static final int HEADER_LINE_LIMIT = 1 << 20;

	private CsvFacts() {
	}

	static void read(InputStream input, Problems problems, CommuneRows rows) {
		long lastRow = 0;
		try {
			BufferedInputStream in = new BufferedInputStream(input);
			in.mark(8);
			byte[] head = in.readNBytes(4);
			in.reset();
			if (head.length == 0) {
				problems.file("The file is empty.");
				problems.throwIfAny();
			}
			if (Signatures.isZip(head)) {
				problems.file("The file is an XLSX workbook (or another zip archive), not CSV text: "
						+ "upload it as a .xlsx file, or save it as \"CSV UTF-8\".");
				problems.throwIfAny();
			}
			if (Signatures.isOle2(head)) {
				problems
					.file("The file is an Excel 97–2003 workbook, not CSV text: save it as \"CSV UTF-8\" or .xlsx.");
				problems.throwIfAny();
			}
			BufferedReader reader = new BufferedReader(new InputStreamReader(in,
					StandardCharsets.UTF_8.newDecoder()
						.onMalformedInput(CodingErrorAction.REPORT)
						.onUnmappableCharacter(CodingErrorAction.REPORT)));
			reader.mark(1);
			if (reader.read() != '\uFEFF') {
				reader.reset();
			}
			reader.mark(HEADER_LINE_LIMIT);
			String firstLine = reader.readLine();
			reader.reset();
			CSVFormat format = CSVFormat.DEFAULT.builder()
				.setDelimiter(delimiter((firstLine != null) ? firstLine : ""))
				.setIgnoreEmptyLines(false)
				.get();
			Header header = null;
			try (CSVParser parser = format.parse(reader)) {
				for (CSVRecord record : parser) {
					int row = (int) record.getRecordNumber();
					lastRow = row;
					List<Cell> values = record.stream().map(Cell::text).toList();
					if (values.stream().allMatch(Cell::isBlank)) {
						continue;
					}
					if (header == null) {
						header = Header.read(row, values, problems);
						if (header == null) {
							problems.throwIfAny();
						}
						continue;
					}
					rows.add(row, header.row(row, values, problems));
				}
			}
			if (header == null) {
				problems.file("The file is empty.");
				problems.throwIfAny();
			}
		}
		catch (UncheckedIOException ex) {
			unreadable(ex.getCause(), lastRow, problems);
		}
		catch (IOException ex) {
			unreadable(ex, lastRow, problems);
		}
	}

	private static void unreadable(IOException ex, long lastRow, Problems problems) {
		if (ex instanceof CharacterCodingException) {
			problems.file("The file is not UTF-8 text" + ((lastRow > 0) ? " (after row " + lastRow + ")" : "")
					+ ": save it as \"CSV UTF-8\" so that Vietnamese letters are kept.");
		}
		else {
			problems.add((int) lastRow + 1, (String) null,
					"could not be read as CSV (" + ex.getMessage() + "); check for a quote (\") that is not closed.");
		}
		problems.throwIfAny();
	}

	/** The separator the header line uses. */
	static char delimiter(String headerLine) {
		if (headerLine.indexOf(',') >= 0) {
			return ',';
		}
		if (headerLine.indexOf(';') >= 0) {
			return ';';
		}
		return (headerLine.indexOf('\t') >= 0) ? '\t' : ',';
	}

}
