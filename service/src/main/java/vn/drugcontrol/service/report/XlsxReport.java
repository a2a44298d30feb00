package vn.drugcontrol.service.report;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.province.ProvinceDecision;
import vn.drugcontrol.service.province.Transitions;
import vn.drugcontrol.service.run.RunReadings;
import vn.drugcontrol.service.report.Report.CommuneLine;
import vn.drugcontrol.service.target.ProgressReadings.PeriodProgress;
import vn.drugcontrol.service.target.ProgressReadings.TargetStatus;
import vn.drugcontrol.service.system.DisplayFormat;

/**
 * The report as a workbook: summary and province decision, the list by class with
 * evidence and what each commune lacks, transitions, target progress — one sheet each.
 */
final class XlsxReport {

	private static final List<Classification> CLASSES = List.of(Classification.TYPE_I, Classification.TYPE_II,
			Classification.TYPE_III, Classification.DRUG_FREE, Classification.UNCLASSIFIED);

	private CellStyle bold;

	static void write(Report report, OutputStream out) throws IOException {
		new XlsxReport().render(report, out);
	}

	private void render(Report r, OutputStream out) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);

			Sheet summary = book.createSheet("Tổng hợp");
			int n = 0;
			cells(summary.createRow(n++), bold, "Phân loại địa bàn về ma túy — tỉnh " + r.provinceName() + " ("
					+ r.provinceCode() + "), kỳ " + r.period() + " — Quyết định 28/2025/QĐ-TTg");
			cells(summary.createRow(n++), null, "Lượt #" + r.runId() + ", bộ quy tắc " + r.ruleSetLabel() + ", "
					+ r.startedBy() + ", " + DisplayFormat.formatTime(r.startedAt()));
			cells(summary.createRow(n++), bold, r.basis().statementVi());
			n++;
			cells(summary.createRow(n++), bold, "Phân loại", "Số đơn vị");
			for (Classification k : CLASSES) {
				Row row = summary.createRow(n++);
				row.createCell(0).setCellValue(k.labelVi());
				row.createCell(1).setCellValue(r.counts().count(k));
			}
			Row total = summary.createRow(n++);
			total.createCell(0).setCellValue("Tổng số");
			total.createCell(1).setCellValue(r.counts().communeCount());
			ProvinceDecision p = r.province();
			if (p != null) {
				n++;
				cells(summary.createRow(n++), bold, "Cấp tỉnh (Điều 5, 6): " + p.classification().labelVi());
				for (ProvinceDecision.MissingUnit u : p.missingUnits()) {
					cells(summary.createRow(n++), null, "Thiếu dữ liệu", u.unitCode(), u.unitName());
				}
				cells(summary.createRow(n++), bold, "Tiêu chí", "Nội dung", "Giá trị", "Ngưỡng", "Đạt");
				// each criterion by its clause and words; the DRL's English rule names
				// are for the
				// API's machine formats
				for (ProvinceDecision.EvidenceRow e : p.evidence()) {
					cells(summary.createRow(n++), null, e.criterionId(), e.labelVi(), Report.people(e.observed()),
							Report.people(e.threshold()), e.met() ? "Đạt" : "Không");
				}
			}
			width(summary, 40, 60, 30, 25, 8, 60);

			Sheet list = book.createSheet("Danh sách");
			n = 0;
			cells(list.createRow(n++), bold, "STT", "Mã đơn vị", "Tên đơn vị", "Phân loại", "Tiêu chí đáp ứng",
					"Số liệu (bằng chứng)", "Cần gì để chuyển hạng", "Loại theo quy tắc (đề xuất)", "Lý do điều chỉnh");
			for (Classification k : CLASSES) {
				List<CommuneLine> lines = r.communes().getOrDefault(k, List.of());
				if (lines.isEmpty() && k == Classification.UNCLASSIFIED) {
					continue;
				}
				cells(list.createRow(n++), bold, Report.sectionTitle(k) + " (" + lines.size() + ")");
				int i = 1;
				for (CommuneLine c : lines) {
					Row row = list.createRow(n++);
					row.createCell(0).setCellValue(i++);
					cells(row, null, 1, c.communeCode(), c.communeName(), c.classification().labelVi(), c.criteriaMet(),
							c.evidence(), String.join("; ", Report.people(c.whatWouldItTake())),
							c.overridden() ? c.recommendedClassification().labelVi() : "",
							c.overrideReason() == null ? "" : c.overrideReason());
				}
			}
			width(list, 6, 10, 20, 14, 40, 60, 100, 20, 40);

			Sheet moves = book.createSheet("Biến động");
			n = 0;
			Transitions t = r.transitions();
			if (t == null) {
				cells(moves.createRow(n++), null, "Chưa có kỳ trước để so sánh.");
			}
			else {
				cells(moves.createRow(n++), bold, "Từ kỳ " + t.fromPeriod() + " sang kỳ " + t.toPeriod());
				Row head = moves.createRow(n++);
				cells(head, bold, "Kỳ trước \\ kỳ này");
				for (int i = 0; i < CLASSES.size(); i++) {
					head.createCell(i + 1).setCellValue(CLASSES.get(i).labelVi());
				}
				for (Classification f : CLASSES) {
					Row row = moves.createRow(n++);
					row.createCell(0).setCellValue(f.labelVi());
					for (int i = 0; i < CLASSES.size(); i++) {
						row.createCell(i + 1).setCellValue(t.matrix().get(f).get(CLASSES.get(i)));
					}
				}
				n++;
				n = moveList(moves, n, "Chuyển hóa (giảm hạng)", t.transformed());
				n = moveList(moves, n, "Tái phức tạp (tăng hạng)", t.worsened());
				n = moveList(moves, n, "Giữ vững không ma túy", t.drugFreeKept());
				moveList(moves, n, "Mất trạng thái không ma túy", t.drugFreeLost());
			}
			width(moves, 30, 20, 20, 20, 20, 20);

			Sheet targets = book.createSheet("Mục tiêu");
			n = 0;
			cells(targets.createRow(n++), bold, "Kỳ / năm", "Không ma túy", "Tỷ lệ (%)", "Mục tiêu (%)", "Phạm vi",
					"Cần đạt (xã)", "Còn thiếu (xã)");
			for (PeriodProgress pp : r.progress().periods()) {
				Row row = targets.createRow(n++);
				row.createCell(0).setCellValue(pp.period());
				row.createCell(1).setCellValue(pp.drugFree());
				row.createCell(2).setCellValue(pp.drugFreePercent().doubleValue());
				target(row, pp.target());
			}
			for (TargetStatus ts : r.progress().ahead()) {
				Row row = targets.createRow(n++);
				row.createCell(0).setCellValue(ts.year() + " (mục tiêu)");
				target(row, ts);
			}
			width(targets, 14, 14, 12, 14, 12, 14, 14);

			Sheet readings = book.createSheet("Cách đọc khác");
			n = 0;
			cells(readings.createRow(n++), null, Report.READINGS_LEAD);
			for (RunReadings.SwitchReading s : r.readings()) {
				for (RunReadings.Flip f : s.alternatives()) {
					n++;
					cells(readings.createRow(n++), bold, Report.readingSentence(s, f));
					List<RunReadings.Change> moved = Report.movedBy(f);
					if (!moved.isEmpty()) {
						cells(readings.createRow(n++), bold, Report.READING_COLUMNS);
						int i = 1;
						for (RunReadings.Change c : moved) {
							Row row = readings.createRow(n++);
							row.createCell(0).setCellValue(i++);
							cells(row, null, 1, c.communeCode(), c.communeName(), c.from().labelVi(), c.to().labelVi());
						}
					}
				}
			}
			width(readings, 6, 10, 30, 24, 24);
			book.write(out);
		}
	}

	private static void target(Row row, TargetStatus t) {
		if (t == null) {
			return;
		}
		row.createCell(3).setCellValue(t.drugFreePercent().doubleValue());
		row.createCell(4).setCellValue("VN".equals(t.scope()) ? "toàn quốc" : "tỉnh " + t.scope());
		row.createCell(5).setCellValue(t.required());
		row.createCell(6).setCellValue(t.gapCommunes());
	}

	private int moveList(Sheet sheet, int n, String label, List<Transitions.Move> moves) {
		cells(sheet.createRow(n++), bold, label + " (" + moves.size() + ")");
		for (Transitions.Move m : moves) {
			cells(sheet.createRow(n++), null, m.communeCode() + " " + m.communeName(), m.from().labelVi(),
					m.to().labelVi());
		}
		return n + 1;
	}

	private static void cells(Row row, CellStyle style, String... values) {
		cells(row, style, 0, values);
	}

	private static void cells(Row row, CellStyle style, int from, String... values) {
		for (int i = 0; i < values.length; i++) {
			var cell = row.createCell(from + i);
			cell.setCellValue(values[i]);
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	private static void width(Sheet sheet, int... chars) {
		for (int i = 0; i < chars.length; i++) {
			sheet.setColumnWidth(i, chars[i] * 256);
		}
	}

}
