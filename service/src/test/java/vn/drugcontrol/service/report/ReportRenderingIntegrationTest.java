package vn.drugcontrol.service.report;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.approval.ApprovalSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The reports and charts, checked by rendering them: the PDF to PNG pages and text, the
 * charts decoded as images. The rendered files are kept in {@code target/rendered/} for a
 * person to look at.
 */
class ReportRenderingIntegrationTest extends DatabaseTest {

	private static final Path OUT = Path.of("target", "rendered");

	private long run2025;

	@BeforeEach
	void twoPeriods() throws IOException {
		Files.createDirectories(OUT);
		postJson("/api/v1/routes", Files.readString(sample("cao-bang-routes.json"), StandardCharsets.UTF_8));
		upload(sample("cao-bang-2024.csv"));
		run2025 = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
	}

	@Test
	void thePdfReportRendersInVietnameseWithTheListTransitionsAndTargets() throws IOException {
		ResponseEntity<byte[]> pdf = bytes("/api/v1/runs/" + run2025 + "/report?format=pdf");
		assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(pdf.getHeaders().getContentType().toString()).isEqualTo("application/pdf");
		Files.write(OUT.resolve("report-cao-bang-2025.pdf"), pdf.getBody());

		try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
			String text = new PDFTextStripper().getText(doc);
			assertThat(text).contains("BÁO CÁO PHÂN LOẠI ĐỊA BÀN VỀ MA TÚY", "Tỉnh Cao Bằng", "Không ma túy",
					"Thục Phán", "Sơn Lộ", "Xuân Trường", "Lý Quốc", "Chuyển hóa (giảm hạng) — 12",
					"Tái phức tạp (tăng hạng) — 1", "Giữ vững không ma túy — 8", "toàn quốc", "ngoài diện điều trị",
					"Trọng điểm phức tạp về ma túy");
			PDFRenderer renderer = new PDFRenderer(doc);
			for (int page = 0; page < doc.getNumberOfPages(); page++) {
				BufferedImage image = renderer.renderImageWithDPI(page, 72);
				ImageIO.write(image, "png", OUT.resolve("report-cao-bang-2025-page-" + (page + 1) + ".png").toFile());
				assertThat(darkPixels(image)).as("page %d has ink", page + 1).isGreaterThan(1000);
			}
			assertThat(doc.getNumberOfPages()).isGreaterThan(2);
		}
	}

	@Test
	void theProvinceReportIsTheReportOfTheRunStandingForThePeriod() throws IOException {
		ResponseEntity<byte[]> pdf = bytes("/api/v1/provinces/04/report?period=2025&format=pdf");
		assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
		try (PDDocument doc = Loader.loadPDF(pdf.getBody())) {
			assertThat(new PDFTextStripper().getText(doc)).contains("Lượt phân loại #" + run2025);
		}
		assertThat(bytes("/api/v1/provinces/04/report?period=2023").getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
	}

	@Test
	void theReportOfAnApprovedRunIsOnTheApprovedListAndADraftsSaysItIsOne() throws IOException {
		assertThat(pdfText("/api/v1/runs/" + run2025 + "/report?format=pdf"))
			.contains("BẢN DỰ THẢO — chưa được UBND tỉnh phê duyệt");
		new ApprovalSteps(this::http).approveWithOverride(run2025, ApprovalSteps.SON_LO, "TYPE_III");

		String text = pdfText("/api/v1/provinces/04/report?period=2025&format=pdf");
		assertThat(text).doesNotContain("BẢN DỰ THẢO")
			.contains("Quyết định số " + ApprovalSteps.DECISION_NUMBER + " ngày " + ApprovalSteps.DECISION_DATE,
					"IV. Địa bàn không ma túy (13)", "Đề xuất của bộ quy tắc: Không ma túy");
		ResponseEntity<byte[]> xlsx = bytes("/api/v1/runs/" + run2025 + "/report?format=xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
			assertThat(book.getSheet("Tổng hợp").getRow(2).getCell(0).getStringCellValue())
				.contains("Quyết định số " + ApprovalSteps.DECISION_NUMBER);
			Row sonLo = null;
			for (Row row : book.getSheet("Danh sách")) {
				if (row.getCell(1) != null && ApprovalSteps.SON_LO.equals(row.getCell(1).toString())) {
					sonLo = row;
				}
			}
			assertThat(sonLo.getCell(3).getStringCellValue()).isEqualTo("Loại III");
			assertThat(sonLo.getCell(7).getStringCellValue()).isEqualTo("Không ma túy");
			assertThat(sonLo.getCell(8).getStringCellValue()).isEqualTo(ApprovalSteps.REASON);
		}
	}

	/**
	 * Issue 17: the documents are for people. The rule set is named as the console names
	 * it (the message bundle's "mặc định"), without its content hash or the engine's
	 * version, and numbers and times are written the Vietnamese way.
	 */
	@Test
	void theReportsNameTheRuleSetAsPeopleReadItWithoutHashOrEngine() throws IOException {
		JsonNode ruleSet = get("/api/v1/runs/" + run2025).get("ruleSet");
		String hash = ruleSet.get("contentHash").asString();
		String engine = ruleSet.get("engineVersion").asString();

		String pdf = pdfText("/api/v1/runs/" + run2025 + "/report?format=pdf");
		assertThat(pdf).contains("bộ quy tắc mặc định;")
			.doesNotContain("'default'", hash.substring(0, 12), engine)
			.containsPattern("lúc \\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}")
			.containsPattern("người có hồ sơ \\(\\d+,\\d+%")
			.doesNotContainPattern("\\d\\.\\d+%")
			.doesNotContain("/plants", "hoặc/or", "(hiện 0.");
		ResponseEntity<byte[]> xlsx = bytes("/api/v1/runs/" + run2025 + "/report?format=xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
			assertThat(book.getSheet("Tổng hợp").getRow(1).getCell(0).getStringCellValue())
				.contains("bộ quy tắc mặc định,")
				.doesNotContain("'default'", hash.substring(0, 12), engine)
				.containsPattern("\\d{2}/\\d{2}/\\d{4} \\d{2}:\\d{2}");
			// the province's evidence: Vietnamese numbers and rule names, no English
			// halves
			StringBuilder summary = new StringBuilder();
			book.getSheet("Tổng hợp").forEach(row -> row.forEach(cell -> summary.append(cell).append('\n')));
			assertThat(summary).contains("5.1")
				.doesNotContain("Art. ", "/plants", "hoặc/or")
				.doesNotContainPattern("\\d\\.\\d+%");
		}
	}

	private String pdfText(String uri) throws IOException {
		try (PDDocument doc = Loader.loadPDF(bytes(uri).getBody())) {
			return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
		}
	}

	@Test
	void theXlsxReportHasOneSheetPerPart() throws IOException {
		ResponseEntity<byte[]> xlsx = bytes("/api/v1/provinces/04/report?period=2025&format=xlsx");
		Files.write(OUT.resolve("report-cao-bang-2025.xlsx"), xlsx.getBody());
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx.getBody()))) {
			assertThat(book.getSheetAt(0).getSheetName()).isEqualTo("Tổng hợp");
			Sheet list = book.getSheet("Danh sách");
			assertThat(list.getRow(1).getCell(0).getStringCellValue()).startsWith("I. Địa bàn trọng điểm");
			assertThat(list.getRow(2).getCell(2).getStringCellValue()).isEqualTo("Thục Phán");
			assertThat(list.getRow(2).getCell(6).getStringCellValue()).contains("4.1.a");
			assertThat(book.getSheet("Biến động").getRow(2).getCell(2).getNumericCellValue()).isEqualTo(2);
			assertThat(book.getSheet("Mục tiêu").getRow(2).getCell(5).getNumericCellValue()).isEqualTo(12);
		}
	}

	@Test
	void bothReportsSayWhatEachOtherReadingWouldChangeWithTheCommunesTheApiNames() throws IOException {
		JsonNode bands = get("/api/v1/runs/" + run2025 + "/readings/bands").get("alternatives").get(0);
		List<String> moved = new ArrayList<>();
		bands.get("communes").forEach(c -> moved.add(c.get("communeName").asString()));
		assertThat(moved).as("Cao Bằng 2025 has a commune the other reading of the bands moves").isNotEmpty();
		String sentence = "theo cách «" + bands.get("optionVi").asString() + "» thì " + moved.size() + " xã đổi loại.";

		try (XSSFWorkbook book = new XSSFWorkbook(
				new ByteArrayInputStream(bytes("/api/v1/runs/" + run2025 + "/report?format=xlsx").getBody()))) {
			List<String> sentences = new ArrayList<>();
			List<String> listed = new ArrayList<>();
			for (Row row : book.getSheet("Cách đọc khác")) {
				Cell first = row.getCell(0);
				if (first != null && first.getCellType() == CellType.STRING
						&& first.getStringCellValue().startsWith("Nếu đọc")) {
					sentences.add(first.getStringCellValue());
				}
				else if (first != null && first.getCellType() == CellType.NUMERIC) {
					listed.add(row.getCell(2).getStringCellValue());
				}
			}
			assertThat(sentences).anyMatch(s -> s.endsWith(sentence));
			assertThat(listed).containsAll(moved);
		}
		try (PDDocument doc = Loader.loadPDF(bytes("/api/v1/runs/" + run2025 + "/report?format=pdf").getBody())) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			assertThat(text).contains(sentence).contains(moved);
		}
	}

	@Test
	void chartsDecodeAsImagesWithInkAndAsSvg() throws IOException {
		ResponseEntity<byte[]> png = bytes("/api/v1/runs/" + run2025 + "/charts/classes?format=png");
		assertThat(png.getHeaders().getContentType().toString()).isEqualTo("image/png");
		Files.write(OUT.resolve("classes-cao-bang-2025.png"), png.getBody());
		BufferedImage classes = ImageIO.read(new ByteArrayInputStream(png.getBody()));
		assertThat(classes.getWidth()).isEqualTo(Charts.WIDTH);
		assertThat(colouredPixels(classes)).isGreaterThan(5000);

		byte[] trend = bytes("/api/v1/provinces/04/charts/trend?format=png").getBody();
		Files.write(OUT.resolve("trend-cao-bang.png"), trend);
		assertThat(colouredPixels(ImageIO.read(new ByteArrayInputStream(trend)))).isGreaterThan(1000);

		ResponseEntity<byte[]> svg = bytes("/api/v1/provinces/04/charts/trend?format=svg");
		assertThat(svg.getHeaders().getContentType().toString()).isEqualTo("image/svg+xml");
		String text = new String(svg.getBody(), StandardCharsets.UTF_8);
		Files.writeString(OUT.resolve("trend-cao-bang.svg"), text);
		assertThat(text).startsWith("<?xml").contains("<svg", "Diễn biến phân loại theo kỳ", "2024", "2025");
		String classesSvg = new String(bytes("/api/v1/runs/" + run2025 + "/charts/classes?format=svg").getBody(),
				StandardCharsets.UTF_8);
		assertThat(classesSvg).contains("Không ma túy", "<rect");
	}

	private ResponseEntity<byte[]> bytes(String uri) {
		return http().get().uri(uri).retrieve().toEntity(byte[].class);
	}

	private static int darkPixels(BufferedImage image) {
		int n = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				int lum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
				if (lum < 300) {
					n++;
				}
			}
		}
		return n;
	}

	/** Pixels clearly neither white, grey nor black: the bars and lines. */
	private static int colouredPixels(BufferedImage image) {
		int n = 0;
		for (int y = 0; y < image.getHeight(); y++) {
			for (int x = 0; x < image.getWidth(); x++) {
				int rgb = image.getRGB(x, y);
				int r = (rgb >> 16) & 0xff;
				int g = (rgb >> 8) & 0xff;
				int b = rgb & 0xff;
				if (Math.max(r, Math.max(g, b)) - Math.min(r, Math.min(g, b)) > 60) {
					n++;
				}
			}
		}
		return n;
	}

}
