package vn.drugcontrol.service.facts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.drugcontrol.service.facts.FactsFiles.IMPORTER;
import static vn.drugcontrol.service.facts.FactsFiles.rejected;

class XlsxFactsImportTest {

	private static final Object[] HEADER = FactsColumns.headers().toArray();

	/** Numbers as numbers, codes as text, as a careful user enters them. */
	private static final Object[] THUC_PHAN = { "01273", "Thục Phán", "04", 2025, 24500, 130, 40, 12, 8, 2, 30, 25, 1,
			0, 0, true, false, 6 };

	private static final Object[] SON_LO = { "01360", "Xã Sơn Lộ", "04", 2025.0, 6200, 12, 0, 3, 1, 0, 4, 3, 0, 1200,
			350.5, 0, 1, 0 };

	/** Everything as text, as a pasted sheet holds it. */
	private static final Object[] BAO_LAM = { "01290", "Bảo Lâm", "04", "2025", "9800", "51", "10", "5", "5", "1", "12",
			"9", "0", "3500", "12.5", "có", "không", "2" };

	@Test
	void aGoodWorkbookGivesTheExpectedFacts() {
		FactsBatch batch = read(xlsx(HEADER, THUC_PHAN, SON_LO, BAO_LAM));
		assertThat(batch.provinceCode()).isEqualTo("04");
		assertThat(batch.period()).isEqualTo(2025);
		assertThat(batch.communes()).containsExactlyElementsOf(FactsFiles.caoBang2025());
	}

	@Test
	void codesThatExcelTurnedIntoNumbersGetTheirLeadingZerosBack() {
		Object[] numericCodes = THUC_PHAN.clone();
		numericCodes[0] = 1273;
		numericCodes[2] = 4;
		FactsBatch batch = read(xlsx(HEADER, numericCodes));
		assertThat(batch.communes().get(0).communeCode()).isEqualTo("01273");
		assertThat(batch.communes().get(0).provinceCode()).isEqualTo("04");
	}

	@Test
	void blankRowsAndTrailingBlankCellsAreIgnored() {
		FactsBatch batch = read(
				xlsx(HEADER, THUC_PHAN, new Object[] { null, "" }, SON_LO, new Object[] { "  " }, new Object[0]));
		assertThat(batch.communes()).hasSize(2);
	}

	@Test
	void aBadWorkbookGetsEveryProblemWithItsRowAndColumn() {
		Object[] fraction = THUC_PHAN.clone();
		fraction[5] = 130.5;
		Object[] error = SON_LO.clone();
		error[4] = FormulaError.DIV0;
		error[15] = "maybe";
		Object[] other = BAO_LAM.clone();
		other[1] = "Lý Bôn";
		other[14] = "12,5";
		List<ImportProblem> problems = rejected(() -> read(xlsx(HEADER, fraction, error, other)));
		assertThat(problems).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.containsExactly(tuple(2, "managed_users", "must be a whole number ≥ 0, got \"130.5\"."),
					tuple(3, "population", "holds the spreadsheet error #DIV/0!; enter a value instead."),
					tuple(3, "on_intra_provincial_route",
							"must be true or false (or 1/0, yes/no, có/không), got \"maybe\"."),
					tuple(4, "commune_name", "is \"Lý Bôn\", but 01290 is Xã Bảo Lâm in the 2025 list of units."),
					tuple(4, "plant_area_m2", "must use a dot as the decimal separator, e.g. \"12.5\", got \"12,5\"."));
	}

	@Test
	void anUnknownAndAMissingColumnAreProblemsOfRowOne() {
		Object[] header = HEADER.clone();
		header[4] = "dân số";
		List<ImportProblem> problems = rejected(() -> read(xlsx(header, THUC_PHAN)));
		assertThat(problems).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.containsExactly(tuple(1, "population", "is missing from the header; the column is required."),
					tuple(1, "dân số", "is not a column of the facts contract. Remove the column or rename it."));
	}

	@Test
	void anEmptySheetIsRejected() {
		assertThat(rejected(() -> read(xlsx()))).extracting(ImportProblem::row, ImportProblem::reason)
			.containsExactly(tuple(null, "The first sheet of the workbook (\"Facts\") is empty."));
	}

	@Test
	void aHeaderWithoutRowsIsRejected() {
		assertThat(rejected(() -> read(xlsx(HEADER)))).extracting(ImportProblem::reason)
			.containsExactly("The file has no data rows under its header.");
	}

	@Test
	void somethingElseThanAWorkbookIsRejected() {
		byte[] text = "commune_code,commune_name\n".getBytes(StandardCharsets.UTF_8);
		assertThat(rejected(() -> read(text))).extracting(ImportProblem::row, ImportProblem::reason)
			.containsExactly(
					tuple(null, "The file is not an XLSX workbook (it looks like text: upload it as .csv or .json)."));
		byte[] xls = { (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, (byte) 0xA1, (byte) 0xB1, 0x1A, (byte) 0xE1 };
		assertThat(rejected(() -> read(xls))).extracting(ImportProblem::reason)
			.containsExactly("The file is an Excel 97–2003 workbook (.xls), which is not accepted: "
					+ "save it as an Excel workbook (.xlsx).");
		byte[] brokenZip = { 'P', 'K', 3, 4, 1, 2, 3 };
		assertThat(rejected(() -> read(brokenZip))).extracting(ImportProblem::reason)
			.singleElement()
			.asString()
			.startsWith("The file could not be read as an XLSX workbook");
		assertThat(rejected(() -> read(new byte[0]))).extracting(ImportProblem::reason)
			.containsExactly("The file is empty.");
	}

	@Test
	void aZipBombIsRejectedWithoutInflatingIt() {
		byte[] bomb = rewritten(xlsx(HEADER, THUC_PHAN), "xl/worksheets/sheet1.xml", sheet -> {
			String xml = new String(sheet, StandardCharsets.UTF_8);
			int declaration = xml.indexOf("?>") + 2;
			return (xml.substring(0, declaration) + "<!--" + " ".repeat(200_000_000 / 10) + "-->"
					+ xml.substring(declaration))
				.getBytes(StandardCharsets.UTF_8);
		});
		assertThat(rejected(() -> read(bomb))).extracting(ImportProblem::reason)
			.singleElement()
			.asString()
			.startsWith("The file could not be read as an XLSX workbook")
			.containsIgnoringCase("zip bomb");
	}

	@Test
	void sharedStringsAreCountedAsTheyAreRead() {
		byte[] many = rewritten(xlsx(HEADER, THUC_PHAN), "xl/sharedStrings.xml", sst -> {
			byte[] noise = new byte[200_000];
			new java.util.Random(13).nextBytes(noise);
			StringBuilder xml = new StringBuilder(
					"<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\" uniqueCount=\"1\"><!-- ")
				.append(java.util.Base64.getEncoder().encodeToString(noise))
				.append(" -->");
			for (int i = 0; i <= XlsxFacts.MAX_SHARED_STRINGS; i++) {
				xml.append("<si><t>a</t></si>");
			}
			return xml.append("</sst>").toString().getBytes(StandardCharsets.UTF_8);
		});
		assertThat(rejected(() -> read(many))).extracting(ImportProblem::reason)
			.containsExactly("The workbook holds more than " + XlsxFacts.MAX_SHARED_STRINGS + " texts or "
					+ XlsxFacts.MAX_SHARED_CHARS + " characters of text; nothing was read.");
	}

	/** The workbook with one entry's content replaced. */
	private static byte[] rewritten(byte[] workbook, String entry, java.util.function.UnaryOperator<byte[]> change) {
		try (java.util.zip.ZipInputStream in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(workbook));
				ByteArrayOutputStream bytes = new ByteArrayOutputStream()) {
			try (java.util.zip.ZipOutputStream out = new java.util.zip.ZipOutputStream(bytes)) {
				java.util.zip.ZipEntry e;
				boolean found = false;
				while ((e = in.getNextEntry()) != null) {
					byte[] content = in.readAllBytes();
					if (e.getName().equals(entry)) {
						content = change.apply(content);
						found = true;
					}
					out.putNextEntry(new java.util.zip.ZipEntry(e.getName()));
					out.write(content);
					out.closeEntry();
				}
				assertThat(found).as(entry).isTrue();
			}
			return bytes.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static FactsBatch read(byte[] workbook) {
		return IMPORTER.read("facts.xlsx", new ByteArrayInputStream(workbook), FactsFormat.XLSX, "04", 2025, null);
	}

	/** A workbook whose first sheet holds these rows from row 1. */
	static byte[] xlsx(Object[]... rows) {
		try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
			Sheet sheet = workbook.createSheet("Facts");
			workbook.createSheet("Notes").createRow(0).createCell(0).setCellValue("ignored");
			List<Object[]> list = new ArrayList<>(List.of(rows));
			for (int r = 0; r < list.size(); r++) {
				Row row = sheet.createRow(r);
				Object[] values = list.get(r);
				for (int c = 0; c < values.length; c++) {
					Object value = values[c];
					if (value == null) {
						continue;
					}
					Cell cell = row.createCell(c);
					if (value instanceof Number n) {
						cell.setCellValue(n.doubleValue());
					}
					else if (value instanceof Boolean b) {
						cell.setCellValue(b);
					}
					else if (value instanceof FormulaError e) {
						cell.setCellErrorValue(e.getCode());
					}
					else {
						cell.setCellValue(value.toString());
					}
				}
			}
			workbook.write(out);
			return out.toByteArray();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
