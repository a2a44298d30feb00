package vn.drugcontrol.service.report;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.approval.ApprovalSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The official documents (issue 17, item 4) as PDF: the approved list and the draft
 * before approval, laid out as an attachment to the People's Committee's decision, and a
 * commune's decision sheet. Checked by their text (PDFBox) and rendered to PNG under
 * {@code target/rendered/} (checked to carry ink) for a person to look at.
 */
class OfficialDocumentIntegrationTest extends DatabaseTest {

	private static final Path OUT = Path.of("target", "rendered");

	private static final String SIGNER = "Nguyễn Văn An";

	private long run;

	@BeforeEach
	void aRunOfCaoBang2025() throws IOException {
		Files.createDirectories(OUT);
		run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
	}

	@Test
	void theApprovedListIsTheAttachmentOfTheDecisionWithItsCommunesGroupedByClass() throws IOException {
		new ApprovalSteps(this::http).submitWithOverride(run, ApprovalSteps.SON_LO, "TYPE_III");
		approve("VICE_CHAIRMAN");
		assertThat(get("/api/v1/runs/" + run + "/approval").get("approval").get("signerName").asString())
			.isEqualTo(SIGNER);

		ResponseEntity<byte[]> pdf = pdf("/api/v1/runs/" + run + "/official-list");
		String text = render(pdf.getBody(), "official-list-approved");
		assertThat(text)
			.contains("ỦY BAN NHÂN DÂN", "TỈNH CAO BẰNG", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
					"Độc lập - Tự do - Hạnh phúc", "Số: " + ApprovalSteps.DECISION_NUMBER,
					"Cao Bằng, ngày 20 tháng 12 năm 2025", "PHỤ LỤC",
					"DANH SÁCH ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY VÀ ĐỊA BÀN KHÔNG MA TÚY TỈNH CAO BẰNG NĂM 2025",
					"(Kèm theo Quyết định số 125/QĐ-UBND ngày 20/12/2025 của Ủy ban nhân dân tỉnh Cao Bằng)",
					"TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH", SIGNER)
			.doesNotContain("DỰ THẢO", "dự thảo");
		// the lists by class, in the law's order, each numbered from 1; Sơn Lộ (drug-free
		// by the rules) in type III, as approved, with the approver's reason
		String typeI = "I. ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY LOẠI I (5 đơn vị)";
		String typeII = "II. ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY LOẠI II (13 đơn vị)";
		String typeIII = "III. ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY LOẠI III (25 đơn vị)";
		String drugFree = "IV. ĐỊA BÀN KHÔNG MA TÚY (13 đơn vị)";
		assertThat(text).containsSubsequence(typeI, "STT Mã đơn vị Tên đơn vị hành chính cấp xã Căn cứ phân loại",
				"1 01273 Phường Thục Phán Đáp ứng ", "/5 tiêu chí loại I (", typeII, "1 ", typeIII, "Xã Sơn Lộ",
				"Phê duyệt khác đề xuất (đề xuất: địa bàn không ma túy). Lý do: " + ApprovalSteps.REASON, drugFree,
				"13 ", "TM. ỦY BAN NHÂN DÂN");
		assertThat(text).doesNotContain("CHƯA PHÂN LOẠI", "TYPE_", "DRUG_FREE");
		assertThat(pdf.getHeaders().getContentDisposition().getFilename())
			.isEqualTo("danh-sach-04-2025-run-" + run + ".pdf");

		// the province's approved list of the period is this one
		String province = render(pdf("/api/v1/provinces/04/official-list?period=2025").getBody(),
				"official-list-province");
		assertThat(province).contains("Số: 125/QĐ-UBND", typeIII);
		assertThat(http().get()
			.uri("/api/v1/provinces/04/official-list?period=2024")
			.retrieve()
			.toEntity(byte[].class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

		// each PDF is an export of the audit trail, with its kind
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_entry WHERE action = 'EXPORT' AND subject = ? AND details LIKE '%official-list%'",
				Integer.class, "run:" + run))
			.isEqualTo(2);
	}

	@Test
	void theDraftIsMarkedAsADraftWithoutNumberDateOrSignature() throws IOException {
		String draft = render(pdf("/api/v1/runs/" + run + "/official-list").getBody(), "official-list-draft");
		assertThat(draft)
			.contains("DỰ THẢO", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "TỈNH CAO BẰNG", "Số: /QĐ-UBND",
					"Cao Bằng, ngày …… tháng …… năm ……", "(Kèm theo Quyết định số ……/QĐ-UBND ngày ……",
					"Bản dự thảo: danh sách chưa được Ủy ban nhân dân tỉnh Cao Bằng phê duyệt",
					"TM. ỦY BAN NHÂN DÂN CHỦ TỊCH ……")
			.containsSubsequence("I. ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY LOẠI I (5 đơn vị)",
					"III. ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY LOẠI III (24 đơn vị)",
					"IV. ĐỊA BÀN KHÔNG MA TÚY (14 đơn vị)", "Xã Sơn Lộ")
			.doesNotContain("125/QĐ-UBND", "Phê duyệt khác");
		// submitted is not approved: still a draft; no approved list of the period yet
		assertThat(http("officer-04").post()
			.uri("/api/v1/runs/" + run + "/submission")
			.retrieve()
			.toBodilessEntity()
			.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(render(pdf("/api/v1/runs/" + run + "/official-list").getBody(), "official-list-submitted"))
			.contains("DỰ THẢO", "Số: /QĐ-UBND");
		assertThat(http().get()
			.uri("/api/v1/provinces/04/official-list?period=2025")
			.retrieve()
			.toEntity(byte[].class)
			.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		// an unknown run, another province's user: nothing rendered, nothing recorded
		assertThat(
				http().get().uri("/api/v1/runs/999999/official-list").retrieve().toEntity(byte[].class).getStatusCode())
			.isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(http("officer-01").get()
			.uri("/api/v1/runs/" + run + "/official-list")
			.retrieve()
			.toEntity(byte[].class)
			.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_entry WHERE action = 'EXPORT' AND details LIKE '%official-list%' AND details LIKE '%\"draft\":true%'",
				Integer.class))
			.isEqualTo(2);
	}

	@Test
	void aCommunesDecisionSheetGivesItsClassItsPlainReasonAndItsCriteria() throws IOException {
		long thucPhan = jdbc.queryForObject("SELECT id FROM decision WHERE run_id = ? AND commune_code = '01273'",
				Long.class, run);
		String draft = render(pdf("/api/v1/decisions/" + thucPhan + "/official-sheet").getBody(),
				"official-sheet-draft");
		assertThat(draft).contains("DỰ THẢO", "KẾT QUẢ PHÂN LOẠI ĐỊA BÀN VỀ MA TÚY NĂM 2025",
				"PHƯỜNG THỤC PHÁN, TỈNH CAO BẰNG", "Phường Thục Phán (mã 01273), tỉnh Cao Bằng",
				"Địa bàn trọng điểm, phức tạp về ma túy loại I.", "chưa được Ủy ban nhân dân tỉnh Cao Bằng phê duyệt");
		new ApprovalSteps(this::http).submitWithOverride(run, ApprovalSteps.SON_LO, "TYPE_III");
		approve("CHAIRMAN");
		String sheet = render(pdf("/api/v1/decisions/" + thucPhan + "/official-sheet").getBody(),
				"official-sheet-approved");
		assertThat(sheet)
			.contains("Số: 125/QĐ-UBND", "Cao Bằng, ngày 20 tháng 12 năm 2025",
					"(Kèm theo Quyết định số 125/QĐ-UBND ngày 20/12/2025 của Ủy ban nhân dân tỉnh Cao Bằng)",
					"TM. ỦY BAN NHÂN DÂN CHỦ TỊCH", SIGNER)
			.contains("3. Căn cứ phân loại", "Loại I: đáp ứng 4/5 tiêu chí loại I (a, b, c, đ).",
					"4. Tiêu chí của các loại khác", "Tiêu chí loại II: đáp ứng ")
			.containsSubsequence("Tiêu chí Nội dung Số liệu Ngưỡng Kết quả", "4.1.a", "0,521% (192/36.850) ≥ 0,5% Đạt",
					"4.1.b", "4.1.c", "4.1.d", "Không đạt", "4.1.đ")
			.doesNotContain("DỰ THẢO", "KT. CHỦ TỊCH");
		long sonLo = jdbc.queryForObject("SELECT id FROM decision WHERE run_id = ? AND commune_code = ?", Long.class,
				run, ApprovalSteps.SON_LO);
		assertThat(render(pdf("/api/v1/decisions/" + sonLo + "/official-sheet").getBody(), "official-sheet-override"))
			.contains("Địa bàn trọng điểm, phức tạp về ma túy loại III.",
					"phê duyệt khác với đề xuất theo tiêu chí (địa bàn không ma túy). Lý do: " + ApprovalSteps.REASON);
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_entry WHERE action = 'EXPORT' AND details LIKE '%official-sheet%'",
				Integer.class))
			.isEqualTo(3);
	}

	private void approve(String position) {
		assertThat(http("approver-04").post()
			.uri("/api/v1/runs/" + run + "/approval")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("decisionNumber", ApprovalSteps.DECISION_NUMBER, "decisionDate", "2025-12-20", "signerName",
					SIGNER, "signerPosition", position))
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()).isEqualTo(HttpStatus.OK);
	}

	private ResponseEntity<byte[]> pdf(String uri) {
		ResponseEntity<byte[]> pdf = http().get().uri(uri).retrieve().toEntity(byte[].class);
		assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(pdf.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
		return pdf;
	}

	/**
	 * The PDF's text (white space as single spaces), its file and its pages as PNG under
	 * {@code target/rendered/}, each page checked to carry ink.
	 */
	private static String render(byte[] pdf, String name) throws IOException {
		Files.write(OUT.resolve(name + ".pdf"), pdf);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			PDFRenderer renderer = new PDFRenderer(doc);
			for (int page = 0; page < doc.getNumberOfPages(); page++) {
				BufferedImage image = renderer.renderImageWithDPI(page, 96);
				Path png = OUT.resolve(name + "-page-" + (page + 1) + ".png");
				ImageIO.write(image, "png", png.toFile());
				assertThat(Files.size(png)).isPositive();
				assertThat(darkPixels(image)).as("page %d of %s has ink", page + 1, name).isGreaterThan(2000);
			}
			return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
		}
	}

	private static int darkPixels(BufferedImage image) {
		int n = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				if (((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff) < 300) {
					n++;
				}
			}
		}
		return n;
	}

}
