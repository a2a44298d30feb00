package vn.drugcontrol.service.report;

import java.awt.Color;
import java.io.OutputStream;

import com.lowagie.text.Chunk;
import com.lowagie.text.Document;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.PageSize;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.Rectangle;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfPCell;
import com.lowagie.text.pdf.PdfPTable;
import com.lowagie.text.pdf.PdfPageEventHelper;
import com.lowagie.text.pdf.PdfWriter;
import com.lowagie.text.pdf.draw.LineSeparator;

import vn.drugcontrol.service.report.OfficialDocument.Column;
import vn.drugcontrol.service.report.OfficialDocument.Part;
import vn.drugcontrol.service.report.OfficialDocument.Signature;

/**
 * An {@link OfficialDocument} as a PDF on A4 with the margins of Decree 30/2020/NĐ-CP
 * (top and bottom 20 mm, left 30 mm, right 15 mm), in the reports' bundled typeface
 * ({@link ReportFonts}); page numbers from the second page, at the top, centred; a draft
 * carries "DỰ THẢO" across every page.
 */
final class OfficialPdf {

	private static final float MM = 72f / 25.4f;

	private static final Color HEADER = new Color(0xF2F2F2);

	private final BaseFont regular = ReportFonts.pdf(false);

	private final BaseFont bold = ReportFonts.pdf(true);

	private final Font text = new Font(regular, 11);

	private final Font strong = new Font(bold, 11);

	private final Font italic = new Font(regular, 11, Font.ITALIC);

	private final Font heading = new Font(bold, 12);

	private final Font cell = new Font(regular, 9.5f);

	private final Font cellStrong = new Font(bold, 9.5f);

	static void write(OfficialDocument document, OutputStream out) {
		new OfficialPdf().render(document, out);
	}

	private void render(OfficialDocument d, OutputStream out) {
		Document doc = new Document(PageSize.A4, 30 * MM, 15 * MM, 20 * MM, 20 * MM);
		PdfWriter writer = PdfWriter.getInstance(doc, out);
		writer.setPageEvent(new Pages(d.draft()));
		doc.addTitle(d.documentTitle());
		doc.addCreator("Phân loại địa bàn về ma túy — Quyết định 28/2025/QĐ-TTg");
		doc.open();
		if (d.draft()) {
			PdfPTable mark = new PdfPTable(1);
			mark.setTotalWidth(28 * MM);
			mark.setLockedWidth(true);
			mark.setHorizontalAlignment(Element.ALIGN_RIGHT);
			PdfPCell box = new PdfPCell(new Phrase(OfficialDocument.DRAFT_MARK, heading));
			box.setHorizontalAlignment(Element.ALIGN_CENTER);
			box.setPadding(3);
			box.setBorderWidth(1.2f);
			mark.addCell(box);
			mark.setSpacingAfter(4);
			doc.add(mark);
		}
		doc.add(masthead(d));
		centred(doc, d.annex(), heading, 14, 0);
		for (String line : d.title()) {
			centred(doc, line, heading, 0, 0);
		}
		centred(doc, d.attachedTo(), italic, 2, 0);
		line(doc, 25);
		for (Part part : d.parts()) {
			if (part.heading() != null) {
				// a heading is never the last line of a page: it goes with what follows
				if (writer.getVerticalPosition(true) - doc.bottom() < 25 * MM) {
					doc.newPage();
				}
				Paragraph h = new Paragraph(part.heading(), strong);
				h.setSpacingBefore(8);
				h.setSpacingAfter(4);
				h.setKeepTogether(true);
				doc.add(h);
			}
			for (String paragraph : part.paragraphs()) {
				Paragraph p = new Paragraph(paragraph, text);
				p.setFirstLineIndent(10 * MM);
				p.setAlignment(Element.ALIGN_JUSTIFIED);
				p.setSpacingAfter(3);
				doc.add(p);
			}
			if (part.table() != null) {
				doc.add(table(part.table()));
			}
		}
		doc.add(signature(d.signature()));
		doc.close();
	}

	/**
	 * The issuing body and the national motto side by side; under them the number and the
	 * place and date.
	 */
	private PdfPTable masthead(OfficialDocument d) {
		PdfPTable head = new PdfPTable(new float[] { 2, 3 });
		head.setWidthPercentage(100);
		PdfPCell left = plain();
		left.addElement(centred(d.issuerParent(), text));
		left.addElement(centred(d.issuer(), strong));
		left.addElement(rule(30));
		left.addElement(centred(d.number(), text));
		PdfPCell right = plain();
		right.addElement(centred(OfficialDocument.MOTTO, strong));
		right.addElement(centred(OfficialDocument.MOTTO_LINE, new Font(bold, 12)));
		right.addElement(rule(62));
		Paragraph date = centred(d.placeAndDate(), italic);
		date.setAlignment(Element.ALIGN_CENTER);
		right.addElement(date);
		head.addCell(left);
		head.addCell(right);
		head.setSpacingAfter(6);
		return head;
	}

	private PdfPTable table(OfficialDocument.Table t) {
		float[] widths = new float[t.columns().size()];
		for (int i = 0; i < widths.length; i++) {
			widths[i] = t.columns().get(i).width();
		}
		PdfPTable table = new PdfPTable(widths);
		table.setWidthPercentage(100);
		table.setHeaderRows(1);
		table.setSpacingBefore(2);
		table.setSpacingAfter(4);
		for (Column c : t.columns()) {
			PdfPCell h = new PdfPCell(new Phrase(c.heading(), cellStrong));
			h.setHorizontalAlignment(Element.ALIGN_CENTER);
			h.setVerticalAlignment(Element.ALIGN_MIDDLE);
			h.setBackgroundColor(HEADER);
			h.setPadding(3);
			h.setPaddingBottom(4);
			h.setLeading(0, 1.25f);
			table.addCell(h);
		}
		for (var row : t.rows()) {
			for (int i = 0; i < row.size(); i++) {
				PdfPCell c = new PdfPCell(new Phrase(row.get(i), cell));
				c.setPadding(3);
				c.setPaddingBottom(4);
				c.setLeading(0, 1.3f);
				if (t.columns().get(i).narrow()) {
					c.setHorizontalAlignment(Element.ALIGN_CENTER);
				}
				table.addCell(c);
			}
		}
		return table;
	}

	/** On the right: on whose behalf, the position, room to sign and seal, the name. */
	private PdfPTable signature(Signature s) {
		PdfPTable block = new PdfPTable(new float[] { 1, 1 });
		block.setWidthPercentage(100);
		block.setSpacingBefore(12);
		block.setKeepTogether(true);
		block.addCell(plain());
		PdfPCell right = plain();
		right.addElement(centred(s.onBehalfOf(), strong));
		if (s.forChairman() != null) {
			right.addElement(centred(s.forChairman(), strong));
		}
		right.addElement(centred(s.position(), strong));
		Paragraph room = new Paragraph(" ", text);
		room.setSpacingBefore(48);
		right.addElement(room);
		right.addElement(centred(s.name() != null ? s.name() : "……………………………", strong));
		block.addCell(right);
		return block;
	}

	private static PdfPCell plain() {
		PdfPCell c = new PdfPCell();
		c.setBorder(Rectangle.NO_BORDER);
		c.setPadding(0);
		return c;
	}

	private static Paragraph centred(String line, Font font) {
		Paragraph p = new Paragraph(line, font);
		p.setAlignment(Element.ALIGN_CENTER);
		p.setLeading(font.getSize() * 1.3f);
		return p;
	}

	private static void centred(Document doc, String line, Font font, float before, float after) {
		Paragraph p = centred(line, font);
		p.setSpacingBefore(before);
		p.setSpacingAfter(after);
		doc.add(p);
	}

	/** The short line under the issuer and under the motto. */
	private static Paragraph rule(float percent) {
		Paragraph p = new Paragraph(new Chunk(new LineSeparator(0.6f, percent, Color.BLACK, Element.ALIGN_CENTER, 3)));
		p.setLeading(8);
		p.setSpacingAfter(4);
		return p;
	}

	private static void line(Document doc, float percent) {
		Paragraph p = rule(percent);
		p.setSpacingAfter(8);
		doc.add(p);
	}

	/** Page numbers from page 2 and, on a draft, the mark across every page. */
	private final class Pages extends PdfPageEventHelper {

		private final boolean draft;

		Pages(boolean draft) {
			this.draft = draft;
		}

		@Override
		public void onEndPage(PdfWriter writer, Document document) {
			Rectangle page = document.getPageSize();
			float middle = (document.left() + document.right()) / 2;
			if (writer.getPageNumber() > 1) {
				PdfContentByte over = writer.getDirectContent();
				over.beginText();
				over.setFontAndSize(regular, 11);
				over.showTextAligned(Element.ALIGN_CENTER, String.valueOf(writer.getPageNumber()), middle,
						page.getTop() - 12 * MM, 0);
				over.endText();
			}
			if (draft) {
				PdfContentByte under = writer.getDirectContentUnder();
				under.saveState();
				PdfGState faint = new PdfGState();
				faint.setFillOpacity(0.12f);
				under.setGState(faint);
				under.beginText();
				under.setColorFill(Color.GRAY);
				under.setFontAndSize(bold, 96);
				under.showTextAligned(Element.ALIGN_CENTER, OfficialDocument.DRAFT_MARK, middle, page.getHeight() / 2,
						45);
				under.endText();
				under.restoreState();
			}
		}

	}

}
