package vn.drugcontrol.service.facts;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.EmptyFileException;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an XLSX workbook: its first sheet, header in the first non-blank row (row 1).
 * Cells may be text or numbers; a formula counts by its last computed value; blank rows
 * are skipped. The whole workbook is held in memory, which suits files up to about
 * 100,000 rows.
 */
final class XlsxFacts {

	private XlsxFacts() {
	}

	static void read(InputStream input, Problems problems, CommuneRows rows) {
		XSSFWorkbook workbook = open(input, problems);
		try (workbook) {
			if (workbook.getNumberOfSheets() == 0) {
				problems.file("The workbook has no sheet.");
				problems.throwIfAny();
			}
			Sheet sheet = workbook.getSheetAt(0);
			Header header = null;
			for (int i = Math.max(sheet.getFirstRowNum(), 0); i <= sheet.getLastRowNum(); i++) {
				List<Cell> values = values(sheet.getRow(i));
				if (values.stream().allMatch(Cell::isBlank)) {
					continue;
				}
				int row = i + 1;
				if (header == null) {
					header = Header.read(row, values, problems);
					if (header == null) {
						problems.throwIfAny();
					}
					continue;
				}
				rows.add(row, header.row(row, values, problems));
			}
			if (header == null) {
				problems.file("The first sheet of the workbook (\"" + sheet.getSheetName() + "\") is empty.");
				problems.throwIfAny();
			}
		}
		catch (IOException ex) {
			// closing a workbook read from a stream writes nothing: nothing to report
		}
	}

	private static XSSFWorkbook open(InputStream input, Problems problems) {
		try {
			BufferedInputStream in = new BufferedInputStream(input);
			in.mark(8);
			byte[] head = in.readNBytes(4);
			in.reset();
			if (head.length == 0) {
				problems.file("The file is empty.");
			}
			else if (Signatures.isOle2(head)) {
				problems.file("The file is an Excel 97–2003 workbook (.xls), which is not accepted: "
						+ "save it as an Excel workbook (.xlsx).");
			}
			else if (!Signatures.isZip(head)) {
				problems.file("The file is not an XLSX workbook"
						+ (looksLikeText(head) ? " (it looks like text: upload it as .csv or .json)" : "") + ".");
			}
			else {
				return new XSSFWorkbook(in);
			}
		}
		catch (EmptyFileException ex) {
			problems.file("The file is empty.");
		}
		catch (IOException | RuntimeException ex) {
			problems.file("The file could not be read as an XLSX workbook: " + ex.getMessage());
		}
		problems.throwIfAny();
		throw new IllegalStateException("unreachable");
	}

	private static boolean looksLikeText(byte[] head) {
		for (byte b : head) {
			if (b >= 0 && b < 9) {
				return false;
			}
		}
		return true;
	}

	private static List<Cell> values(Row row) {
		if (row == null || row.getLastCellNum() < 0) {
			return List.of();
		}
		List<Cell> values = new ArrayList<>(row.getLastCellNum());
		for (int i = 0; i < row.getLastCellNum(); i++) {
			values.add(value(row.getCell(i)));
		}
		return values;
	}

	private static Cell value(org.apache.poi.ss.usermodel.Cell cell) {
		if (cell == null) {
			return Cell.EMPTY;
		}
		CellType type = cell.getCellType();
		if (type == CellType.FORMULA) {
			type = cell.getCachedFormulaResultType();
		}
		switch (type) {
			case STRING:
				return Cell.text(cell.getStringCellValue());
			case NUMERIC:
				return new Cell.Numeric(BigDecimal.valueOf(cell.getNumericCellValue()));
			case BOOLEAN:
				return new Cell.Flag(cell.getBooleanCellValue());
			case ERROR:
				return new Cell.Invalid("holds the spreadsheet error " + errorText(cell.getErrorCellValue())
						+ "; enter a value instead.");
			default:
				return Cell.EMPTY;
		}
	}

	private static String errorText(byte code) {
		try {
			return FormulaError.forInt(code).getString();
		}
		catch (IllegalArgumentException ex) {
			return "#" + code;
		}
	}

}
