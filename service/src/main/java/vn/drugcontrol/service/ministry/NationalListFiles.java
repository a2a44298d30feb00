package vn.drugcontrol.service.ministry;

import java.awt.Color;
import java.io.IOException;
import java.io.OutputStream;
import java.util.List;

import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfWriter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.ApprovedClasses.ApprovedCommune;
import vn.drugcontrol.service.ministry.NationalList.Listing;
import vn.drugcontrol.service.ministry.NationalList.Section;
import vn.drugcontrol.service.report.ReportFonts;
import vn.drugcontrol.service.system.DisplayFormat;

/**
 * The national list as files for people (Vietnamese headings, dates and numbers the
 * Vietnamese way through {@link DisplayFormat}, no codes): an XLSX workbook (a summary
 * sheet, then the list grouped by province) and an A4 PDF in the reports' typeface
 * ({@link ReportFonts}), like the province's reports of {@code report/}.
 */
final class NationalListFiles {

	static final List<Classification> CLASSES = List.of(Classification.TYPE_I, Classification.TYPE_II,
			Classification.TYPE_III, Classification.DRUG_FREE, Classification.UNCLASSIFIED);

	private NationalListFiles() {
	}

	static String title(int period) {
		return "DANH SÁCH ĐỊA BÀN VỀ MA TÚY TOÀN QUỐC — KỲ " + period;
	}

	static String provinceHeading(Section s) {
		MinistryReport r = s.report();
		return "Tỉnh " + r.provinceName() + " (" + r.provinceCode() + ") — cấp tỉnh: " + r.provinceClass().labelVi()
				+ " — UBND tỉnh phê duyệt danh sách xã theo Quyết định số " + r.runDecisionNumber() + " ngày "
				+ DisplayFormat.formatDate(r.runDecisionDate()) + "; Bộ Công an phê duyệt theo Quyết định số "
				+ r.decisionNumber() + " ngày " + DisplayFormat.formatDate(r.decisionDate());
	}

	static String routes(ApprovedCommune c) {
		if (c.onInterProvincialRoute()) {
			return "Tuyến liên tỉnh";
		}
		return c.onIntraProvincialRoute() ? "Tuyến nội tỉnh" : "—";
	}

	static String basis(Listing l) {
		return l.provinces().size() + " tỉnh, thành phố đã được Bộ Công an phê duyệt, "
				+ DisplayFormat.vi(l.communeCount()) + " đơn vị cấp xã; " + l.awaiting().size()
				+ " tỉnh, thành phố đã báo cáo, chưa được phê duyệt (không có trong danh sách).";
	}

	/**
	 * The list as a workbook, streamed: 3,321 rows a period once every province is
	 * approved, which the in-memory workbook took ≈ 400 ms to build (docs/benchmarks.md);
	 * the streaming one keeps 100 rows in memory, writes the rest to a temporary file
	 * that {@code close()} deletes, and its texts are inline rather than shared.
	 */
	static void xlsx(Listing l, OutputStream out) throws IOException {
		try (SXSSFWorkbook book = new SXSSFWorkbook(100)) {
			CellStyle bold = book.createCellStyle();
			org.apache.poi.ss.usermodel.Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);

			Sheet summary = book.createSheet("Tổng hợp");
			int n = 0;
			cells(summary.createRow(n++), bold, title(l.period()) + " — Quyết định 28/2025/QĐ-TTg");
			cells(summary.createRow(n++), null, basis(l));
			n++;
			Row head = summary.createRow(n++);
			cells(head, bold, "Mã tỉnh", "Tỉnh, thành phố", "Cấp tỉnh", "Quyết định của UBND tỉnh",
					"Quyết định của Bộ Công an", "Loại I", "Loại II", "Loại III", "Không ma túy", "Chưa phân loại",
					"Tổng số");
			for (Section s : l.provinces()) {
				MinistryReport r = s.report();
				Row row = summary.createRow(n++);
				cells(row, null, r.provinceCode(), r.provinceName(), r.provinceClass().labelVi(),
						r.runDecisionNumber() + " ngày " + DisplayFormat.formatDate(r.runDecisionDate()),
						r.decisionNumber() + " ngày " + DisplayFormat.formatDate(r.decisionDate()));
				int c = 5;
				for (Classification k : CLASSES) {
					row.createCell(c++).setCellValue(s.of(k).size());
				}
				row.createCell(c).setCellValue(s.communes().size());
			}
			for (int i = 0; i < 11; i++) {
				summary.setColumnWidth(i, (i < 5 ? 28 : 12) * 256);
			}

			Sheet list = book.createSheet("Danh sách");
			n = 0;
			cells(list.createRow(n++), bold, title(l.period()));
			for (Section s : l.provinces()) {
				n++;
				cells(list.createRow(n++), bold, provinceHeading(s));
				cells(list.createRow(n++), bold, "STT", "Mã đơn vị", "Tên đơn vị", "Phân loại được phê duyệt",
						"Tuyến trọng điểm", "Loại theo quy tắc (đề xuất)", "Lý do điều chỉnh");
				int i = 1;
				for (Classification k : CLASSES) {
					for (ApprovedCommune c : s.of(k)) {
						cells(list.createRow(n++), null, String.valueOf(i++), c.communeCode(), c.communeName(),
								k.labelVi(), routes(c), c.overridden() ? c.recommendedClass().labelVi() : "",
								c.overridden() && c.overrideReason() != null ? c.overrideReason() : "");
					}
				}
			}
			int[] widths = { 8, 12, 30, 22, 18, 24, 50 };
			for (int i = 0; i < widths.length; i++) {
				list.setColumnWidth(i, widths[i] * 256);
			}
			book.write(out);
		}
	}

	/** Text cells only: names and reasons are never formulas. */
	private static void cells(Row row, CellStyle style, String... values) {
		for (int i = 0; i < values.length; i++) {
			var cell = row.createCell(i);
			cell.setCellValue(values[i]);
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

	static void pdf(Listing l, OutputStream out) throws IOException {
		BaseFont regular = ReportFonts.pdf(false);
		BaseFont boldFace = ReportFonts.pdf(true);
		Font title = new Font(boldFace, 14);
		Font heading = new Font(boldFace, 10);
		Font text = new Font(regular, 8);
		Font strong = new Font(boldFace, 8);
		Document doc = new Document(PageSize.A4, 36, 36, 36, 36);
		PdfWriter.getInstance(doc, out);
		doc.addTitle(title(l.period()));
		doc.open();
		Paragraph head = new Paragraph(title(l.period()), title);
		head.setAlignment(Element.ALIGN_CENTER);
		doc.add(head);
		Paragraph sub = new Paragraph("Theo Quyết định 28/2025/QĐ-TTg — " + basis(l), text);
		sub.setAlignment(Element.ALIGN_CENTER);
		sub.setSpacingAfter(8);
		doc.add(sub);
		for (Section s : l.provinces()) {
			Paragraph p = new Paragraph(provinceHeading(s), heading);
			p.setSpacingBefore(8);
			p.setSpacingAfter(4);
			doc.add(p);
			PdfPTable table = new PdfPTable(new float[] { 0.5f, 0.9f, 2f, 1.4f, 1.2f, 2.5f });
			table.setWidthPercentage(100);
			table.setHeaderRows(1);
			for (String h : List.of("STT", "Mã", "Tên đơn vị", "Phân loại", "Tuyến trọng điểm", "Ghi chú")) {
				PdfPCell cell = new PdfPCell(new Phrase(h, strong));
				cell.setBackgroundColor(new Color(0xECF0F1));
				table.addCell(cell);
			}
			int i = 1;
			for (Classification k : CLASSES) {
				for (ApprovedCommune c : s.of(k)) {
					for (String v : List.of(String.valueOf(i++), c.communeCode(), c.communeName(), k.labelVi(),
							routes(c), c.overridden() ? "Đề xuất theo quy tắc: " + c.recommendedClass().labelVi()
									+ (c.overrideReason() == null ? "" : "; " + c.overrideReason()) : "")) {
						table.addCell(new PdfPCell(new Phrase(v, text)));
					}
				}
			}
			doc.add(table);
		}
		if (l.provinces().isEmpty()) {
			doc.add(new Paragraph("Chưa có tỉnh, thành phố nào được Bộ Công an phê duyệt cho kỳ này.", text));
		}
		doc.close();
	}

}
