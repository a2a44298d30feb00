package vn.drugcontrol.service.replay;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.Map;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.drugcontrol.rules.commune.Classification;

/**
 * A simulation as a workbook: the summary matrix on the first sheet, the communes that
 * change on the second.
 */
final class SimulationXlsx {

	private SimulationXlsx() {
	}

	static void write(Simulation.Result result, OutputStream out) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			CellStyle bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);

			Sheet summary = book.createSheet("Tóm tắt - Summary");
			text(summary.createRow(0), 0,
					"Run " + result.runId() + " — province " + result.provinceCode() + ", period " + result.period(),
					bold);
			text(summary.createRow(1), 0, "Stored: " + result.baseline().name() + " ("
					+ result.baseline().contentHash().substring(0, 12) + ")", null);
			text(summary.createRow(2), 0,
					"Candidate: " + result.candidate().name() + " (" + result.candidate().contentHash().substring(0, 12)
							+ "), version " + result.candidate().versionId(),
					null);
			Row head = summary.createRow(4);
			text(head, 0, "Từ \\ Sang — From \\ To", bold);
			Classification[] classes = Classification.values();
			for (int c = 0; c < classes.length; c++) {
				text(head, c + 1, classes[c].name(), bold);
			}
			int r = 5;
			for (Map.Entry<Classification, Map<Classification, Integer>> from : result.matrix().entrySet()) {
				Row row = summary.createRow(r++);
				text(row, 0, from.getKey().name(), bold);
				for (int c = 0; c < classes.length; c++) {
					row.createCell(c + 1).setCellValue(from.getValue().get(classes[c]));
				}
			}
			summary.setColumnWidth(0, 40 * 256);

			Sheet changes = book.createSheet("Thay đổi - Changes");
			List<String> headings = List.of("Mã đơn vị - Code", "Tên đơn vị - Name", "Từ - From", "Sang - To",
					"Tiêu chí thêm - Criteria gained", "Tiêu chí mất - Criteria lost", "Quy tắc - Decided by");
			Row h = changes.createRow(0);
			for (int c = 0; c < headings.size(); c++) {
				text(h, c, headings.get(c), bold);
			}
			int n = 1;
			for (Simulation.CommuneChange change : result.changes()) {
				Row row = changes.createRow(n++);
				text(row, 0, change.communeCode(), null);
				text(row, 1, change.communeName(), null);
				text(row, 2, change.from().name(), null);
				text(row, 3, change.to().name(), null);
				text(row, 4, String.join(", ", change.criteria().gained()), null);
				text(row, 5, String.join(", ", change.criteria().lost()), null);
				text(row, 6, change.decidedBy(), null);
			}
			for (int c = 0; c < headings.size(); c++) {
				changes.setColumnWidth(c, (c == 6 ? 60 : 22) * 256);
			}
			book.write(out);
		}
	}

	private static void text(Row row, int column, String value, CellStyle style) {
		var cell = row.createCell(column);
		cell.setCellValue(value);
		if (style != null) {
			cell.setCellStyle(style);
		}
	}

}
