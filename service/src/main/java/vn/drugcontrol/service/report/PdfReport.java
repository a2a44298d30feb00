package vn.drugcontrol.service.report;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.province.ProvinceDecision;
import vn.drugcontrol.service.province.Transitions;
import vn.drugcontrol.service.report.Report.CommuneLine;
import vn.drugcontrol.service.target.ProgressReadings.PeriodProgress;
import vn.drugcontrol.service.target.ProgressReadings.TargetStatus;
import vn.drugcontrol.service.run.RunReadings;
import vn.drugcontrol.service.system.DisplayFormat;

/**
 * The printable report (A4, Vietnamese): summary and province decision, the class chart,
 * the list by class with evidence and what each commune lacks, transitions from the
 * previous period, target progress and the trend chart.
 */
final class PdfReport {

	private static final Color HEADER = new Color(0xECF0F1);

	private final BaseFont regular = ReportFonts.pdf(false);

	private final BaseFont bold = ReportFonts.pdf(true);

	private final Font title = new Font(bold, 15);

	private final Font heading = new Font(bold, 12);

	private final Font text = new Font(regular, 9);

	private final Font strong = new Font(bold, 9);

	private final Font small = new Font(regular, 8);

	static void write(Report report, OutputStream out) throws IOException {
		new PdfReport().render(report, out);
	}

	private void render(Report r, OutputStream out) throws IOException {
		Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
		PdfWriter.getInstance(doc, out);
		doc.addTitle("Phân loại địa bàn về ma túy — " + r.provinceName() + " — kỳ " + r.period());
		doc.open();
		Paragraph head = new Paragraph("BÁO CÁO PHÂN LOẠI ĐỊA BÀN VỀ MA TÚY", title);
		head.setAlignment(Element.ALIGN_CENTER);
		doc.add(head);
		Paragraph sub = new Paragraph(
				"Tỉnh " + r.provinceName() + " (" + r.provinceCode() + ") — kỳ đánh giá " + r.period() + " (15/12/"
						+ (r.period() - 1) + " – 14/12/" + r.period() + ") — theo Quyết định 28/2025/QĐ-TTg",
				text);
		sub.setAlignment(Element.ALIGN_CENTER);
		doc.add(sub);
		Paragraph audit = new Paragraph("Lượt phân loại #" + r.runId() + "; bộ quy tắc " + r.ruleSetLabel()
				+ "; người thực hiện " + r.startedBy() + "; lúc " + DisplayFormat.formatTime(r.startedAt())
				+ ". Kết quả là đề xuất của hệ thống; cấp có thẩm quyền phê duyệt.", small);
		audit.setAlignment(Element.ALIGN_CENTER);
		doc.add(audit);
		Paragraph basis = new Paragraph(r.basis().statementVi() + (r.basis().approved()
				? ": số đơn vị và danh sách dưới đây theo loại được phê duyệt; đề xuất của bộ quy tắc ghi bên cạnh nơi khác."
				: "."), strong);
		basis.setAlignment(Element.ALIGN_CENTER);
		basis.setSpacingAfter(8);
		doc.add(basis);

		section(doc, "1. Tổng hợp");
		PdfPTable summary = table(new float[] { 3, 1 }, "Phân loại", "Số đơn vị");
		for (Classification k : Report.SECTIONS) {
			if (k != Classification.UNCLASSIFIED || r.counts().count(k) > 0) {
				row(summary, k.labelVi(), String.valueOf(r.counts().count(k)));
			}
		}
		row(summary, "Tổng số", String.valueOf(r.counts().communeCount()));
		doc.add(summary);
		doc.add(image(Charts.png(Charts.classes(r.provinceName(), r.period(), r.counts())), 400));
		province(doc, r.province());

		section(doc, "2. Danh sách theo phân loại");
		for (Classification k : Report.SECTIONS) {
			List<CommuneLine> lines = r.communes().getOrDefault(k, List.of());
			if (lines.isEmpty() && k == Classification.UNCLASSIFIED) {
				continue;
			}
			Paragraph p = new Paragraph(Report.sectionTitle(k) + " (" + lines.size() + ")", strong);
			p.setSpacingBefore(6);
			p.setSpacingAfter(3);
			doc.add(p);
			if (lines.isEmpty()) {
				continue;
			}
			PdfPTable list = table(new float[] { 0.5f, 0.9f, 1.5f, 2.2f, 3.2f, 4 }, "STT", "Mã", "Tên đơn vị",
					"Tiêu chí đáp ứng", "Số liệu (bằng chứng)", "Cần gì để chuyển hạng");
			int n = 1;
			for (CommuneLine c : lines) {
				row(list, String.valueOf(n++), c.communeCode(), c.communeName(),
						c.overridden() ? c.criteriaMet() + "\n" + c.override() : c.criteriaMet(), c.evidence(),
						c.whatWouldItTake().isEmpty() ? "—" : String.join("\n", Report.people(c.whatWouldItTake())));
			}
			doc.add(list);
		}

		section(doc, "3. Biến động so với kỳ trước");
		transitions(doc, r.transitions());

		section(doc, "4. Tiến độ thực hiện mục tiêu địa bàn không ma túy");
		progress(doc, r);
		if (!r.trend().isEmpty()) {
			doc.add(image(Charts.png(Charts.trend(r.provinceName(), r.trend())), 440));
		}

		section(doc, "5. Nếu đọc Quyết định theo cách khác");
		readings(doc, r);
		doc.close();
	}

	private void province(Document doc, ProvinceDecision p) {
		if (p == null) {
			return;
		}
		Paragraph head = new Paragraph("Cấp tỉnh (Điều 5, Điều 6): " + p.classification().labelVi(), strong);
		head.setSpacingBefore(4);
		head.setSpacingAfter(3);
		doc.add(head);
		if (!p.complete()) {
			// Art. 5 and 6 judge the whole province: no criterion was assessed
			doc.add(new Paragraph(
					"Thiếu dữ liệu của " + p.missingUnits().size() + " trên " + p.communeUnits() + " đơn vị cấp xã: "
							+ String.join(", ",
									p.missingUnits().stream().map(u -> u.unitCode() + " " + u.unitName()).toList()),
					text));
			return;
		}
		PdfPTable evidence = table(new float[] { 0.6f, 4, 2.2f, 1.6f, 0.8f }, "Tiêu chí", "Nội dung", "Giá trị",
				"Ngưỡng", "Đạt");
		for (ProvinceDecision.EvidenceRow e : p.evidence()) {
			row(evidence, e.criterionId(), e.labelVi(), Report.people(e.observed()), Report.people(e.threshold()),
					e.met() ? "Đạt" : "Không");
		}
		doc.add(evidence);
	}

	private void transitions(Document doc, Transitions t) {
		if (t == null) {
			doc.add(new Paragraph("Chưa có kỳ trước để so sánh.", text));
			return;
		}
		doc.add(new Paragraph("Từ kỳ " + t.fromPeriod() + " (lượt #" + t.fromRunId() + ") sang kỳ " + t.toPeriod()
				+ " (lượt #" + t.toRunId() + "). Hàng: phân loại kỳ trước; cột: kỳ này.", text));
		List<Classification> ks = List.of(Classification.TYPE_I, Classification.TYPE_II, Classification.TYPE_III,
				Classification.DRUG_FREE, Classification.UNCLASSIFIED);
		PdfPTable matrix = table(new float[] { 2, 1, 1, 1, 1, 1 }, "Kỳ trước \\ kỳ này", "Loại I", "Loại II",
				"Loại III", "Không ma túy", "Chưa phân loại");
		for (Classification f : ks) {
			String[] cells = new String[6];
			cells[0] = f.labelVi();
			for (int i = 0; i < ks.size(); i++) {
				cells[i + 1] = String.valueOf(t.matrix().get(f).get(ks.get(i)));
			}
			row(matrix, cells);
		}
		doc.add(matrix);
		moves(doc, "Chuyển hóa (giảm hạng)", t.transformed());
		moves(doc, "Tái phức tạp (tăng hạng)", t.worsened());
		moves(doc, "Giữ vững không ma túy", t.drugFreeKept());
		moves(doc, "Mất trạng thái không ma túy", t.drugFreeLost());
	}

	private void moves(Document doc, String label, List<Transitions.Move> moves) {
		StringBuilder s = new StringBuilder();
		for (Transitions.Move m : moves) {
			s.append((s.length() > 0) ? "; " : "")
				.append(m.communeName())
				.append(" (")
				.append(m.from().labelVi())
				.append(" → ")
				.append(m.to().labelVi())
				.append(")");
		}
		Paragraph p = new Paragraph();
		p.add(new Phrase(label + " — " + moves.size() + ": ", strong));
		p.add(new Phrase(moves.isEmpty() ? "không có" : s.toString(), text));
		p.setSpacingBefore(3);
		doc.add(p);
	}

	private void progress(Document doc, Report r) {
		PdfPTable table = table(new float[] { 1, 1.3f, 1.3f, 1.6f, 1.3f, 1.3f }, "Kỳ", "Không ma túy", "Tỷ lệ (%)",
				"Mục tiêu năm", "Cần đạt", "Còn thiếu");
		for (PeriodProgress p : r.progress().periods()) {
			TargetStatus t = p.target();
			row(table, String.valueOf(p.period()), DisplayFormat.vi(p.drugFree()),
					DisplayFormat.vi(p.drugFreePercent()),
					t == null ? "—" : DisplayFormat.vi(t.drugFreePercent()) + "% (" + scope(t) + ")",
					t == null ? "—" : DisplayFormat.vi(t.required()),
					t == null ? "—" : DisplayFormat.vi(t.gapCommunes()));
		}
		for (TargetStatus t : r.progress().ahead()) {
			row(table, t.year() + " (mục tiêu)", "—", "—",
					DisplayFormat.vi(t.drugFreePercent()) + "% (" + scope(t) + ")", DisplayFormat.vi(t.required()),
					DisplayFormat.vi(t.gapCommunes()));
		}
		doc.add(table);
		doc.add(new Paragraph("Mẫu số: " + r.progress().communeUnits() + " đơn vị cấp xã của tỉnh (danh mục 2025). "
				+ "Còn thiếu: số xã cần thêm đạt không ma túy so với kỳ gần nhất.", small));
	}

	private static String scope(TargetStatus t) {
		return "VN".equals(t.scope()) ? "toàn quốc" : "tỉnh";
	}

	/**
	 * Each switch of the interpretation ledger with another option: the sentence the run
	 * page shows, the moves between classes and the communes that move.
	 */
	private void readings(Document doc, Report r) {
		doc.add(new Paragraph(Report.READINGS_LEAD, small));
		for (RunReadings.SwitchReading s : r.readings()) {
			for (RunReadings.Flip f : s.alternatives()) {
				Paragraph p = new Paragraph(Report.readingSentence(s, f), strong);
				p.setSpacingBefore(4);
				doc.add(p);
				List<RunReadings.Change> moved = Report.movedBy(f);
				if (!moved.isEmpty()) {
					PdfPTable list = table(new float[] { 0.5f, 0.9f, 2.5f, 2.5f, 2.5f }, Report.READING_COLUMNS);
					int n = 1;
					for (RunReadings.Change c : moved) {
						row(list, String.valueOf(n++), c.communeCode(), c.communeName(), c.from().labelVi(),
								c.to().labelVi());
					}
					doc.add(list);
				}
			}
		}
	}

	private void section(Document doc, String name) {
		Paragraph p = new Paragraph(name, heading);
		p.setSpacingBefore(10);
		p.setSpacingAfter(4);
		doc.add(p);
	}

	private PdfPTable table(float[] widths, String... headings) {
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		for (String h : headings) {
			PdfPCell cell = new PdfPCell(new Phrase(h, strong));
			cell.setBackgroundColor(HEADER);
			table.addCell(cell);
		}
		return table;
	}

	private void row(PdfPTable table, String... cells) {
		for (String c : cells) {
			table.addCell(new PdfPCell(new Phrase(c, text)));
		}
	}

	private static Image image(byte[] png, float width) throws IOException {
		Image image = Image.getInstance(png);
		image.scaleToFit(width, width);
		image.setAlignment(Element.ALIGN_CENTER);
		return image;
	}

}
