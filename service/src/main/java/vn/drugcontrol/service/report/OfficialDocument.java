package vn.drugcontrol.service.report;

import java.util.List;

/**
 * An official document as the People's Committee signs and announces it, laid out once
 * for both of its renderings — the PDF ({@link OfficialPdf}) and the console's print view
 * ({@code official-document.html}) — after Decree 30/2020/NĐ-CP (Appendix I): the issuing
 * body and the national motto side by side, the number and the place and date line, the
 * attachment's title with the decision it goes with, its parts, and the signature block.
 * Always in Vietnamese: it is the official text.
 *
 * @param kind {@code official-list} or {@code official-sheet} (the audit trail's kind)
 * @param runId the run whose list (or decision) it is
 * @param provinceCode the run's province
 * @param period the run's period
 * @param draft not approved yet: marked "DỰ THẢO", number, date and signature left blank
 * @param documentTitle for the PDF's properties and the page's title
 * @param fileName the PDF's name, without {@code .pdf}
 * @param issuerParent "ỦY BAN NHÂN DÂN"
 * @param issuer "TỈNH CAO BẰNG"
 * @param number "Số: 125/QĐ-UBND", or "Số: /QĐ-UBND" in a draft
 * @param placeAndDate "Cao Bằng, ngày 20 tháng 12 năm 2025", blanks in a draft
 * @param annex "PHỤ LỤC"
 * @param title the title, one line per element
 * @param attachedTo "(Kèm theo Quyết định số … ngày … của Ủy ban nhân dân tỉnh …)"
 * @param parts the body
 * @param signature the signature block
 */
public record OfficialDocument(String kind, long runId, String provinceCode, int period, boolean draft,
		String documentTitle, String fileName, String issuerParent, String issuer, String number, String placeAndDate,
		String annex, List<String> title, String attachedTo, List<Part> parts, Signature signature) {

	/** The mark of a draft, on every page. */
	public static final String DRAFT_MARK = "DỰ THẢO";

	public static final String MOTTO = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";

	public static final String MOTTO_LINE = "Độc lập - Tự do - Hạnh phúc";

	/**
	 * A part of the body: a heading (e.g. "I. ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY LOẠI
	 * I (5 đơn vị)"), paragraphs, and a table (or none).
	 */
	public record Part(String id, String heading, List<String> paragraphs, Table table) {
	}

	/** A table: its columns (heading and relative width) and rows of text. */
	public record Table(List<Column> columns, List<List<String>> rows) {

		public boolean isEmpty() {
			return rows.isEmpty();
		}

		/** A column's share of the table's width, in per cent (for the print view). */
		public String percentOf(Column column) {
			double total = columns.stream().mapToDouble(Column::width).sum();
			return String.format(java.util.Locale.ROOT, "%.1f%%", 100 * column.width() / total);
		}

	}

	/**
	 * A column.
	 *
	 * @param narrow a short value (sequence number, code, a verdict): centred
	 */
	public record Column(String heading, float width, boolean narrow) {
	}

	/**
	 * The signature block: "TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH" for a vice-chairman
	 * signing for the chairman (else null), the position ("CHỦ TỊCH", "PHÓ CHỦ TỊCH"),
	 * and the signer's name, or null: a blank line to sign.
	 */
	public record Signature(String onBehalfOf, String forChairman, String position, String name) {
	}

}
