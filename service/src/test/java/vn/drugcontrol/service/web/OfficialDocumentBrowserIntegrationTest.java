package vn.drugcontrol.service.web;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.text.Normalizer;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.Select;

import org.springframework.http.HttpStatus;

import vn.drugcontrol.service.approval.ApprovalSteps;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The official documents' print views (issue 17, item 4) in a real browser: reached from
 * the run page, its approval block and a decision page; the draft marked "DỰ THẢO"
 * without number, date or signature; the approved list with the decision the approver
 * entered in the console (number, date, signer); printed (print media emulated through
 * Chrome's DevTools), only the document, without the console's navigation. Screenshots of
 * screen and print under {@code target/screenshots/official-*}.
 */
class OfficialDocumentBrowserIntegrationTest extends ConsoleBrowserTest {

	static final String SIGNER = "Trần Thị Bình";

	private long run;

	@BeforeEach
	void aRunOfCaoBang2025() {
		run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
	}

	@Test
	void theDraftListIsMarkedAsADraftAndPrintsWithoutTheConsolesNavigation() {
		signIn("officer-04");
		open("/runs/" + run);
		assertThat(text(By.id("official-list-link"))).isEqualTo("Dự thảo danh sách (bản in)");
		assertThat(browser.findElement(By.id("official-list-pdf")).getDomAttribute("href"))
			.isEqualTo("/api/v1/runs/" + run + "/official-list");
		go(By.id("official-list-link"));

		assertThat(browser.getCurrentUrl()).endsWith("/runs/" + run + "/official-list");
		assertThat(text(By.tagName("h1"))).isEqualTo("Dự thảo danh sách của lượt #" + run + " — bản in");
		assertThat(text(By.id("draft-mark"))).isEqualTo("DỰ THẢO");
		assertThat(text(By.id("doc-issuer"))).isEqualTo("TỈNH CAO BẰNG");
		assertThat(text(By.id("doc-number")).replaceAll("\\s+", " ")).isEqualTo("Số: /QĐ-UBND");
		assertThat(text(By.id("doc-place-date"))).isEqualTo("Cao Bằng, ngày …… tháng …… năm ……");
		assertThat(text(By.id("doc-signer"))).startsWith("……");
		assertGroupedLists("24", "14");
		assertAccessible();
		Chromium.screenshot(browser, "official-list-draft-screen");
		// shown to be printed: an export of the audit trail, as the PDF is
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_entry WHERE action = 'EXPORT' AND actor = 'officer-04' AND details LIKE ?",
				Integer.class, "%\"draft\":true,\"format\":\"print\",\"kind\":\"official-list\"%"))
			.isEqualTo(1);

		printedWithoutNavigation("official-list-draft-print", true);
	}

	@Test
	void theApprovedListCarriesTheDecisionTheApproverEnteredAndPrintsWithoutNavigation() throws IOException {
		new ApprovalSteps(this::http).submitWithOverride(run, ApprovalSteps.SON_LO, "TYPE_III");
		// the approver approves in the console, with who signed the decision
		signIn("approver-04");
		open("/runs/" + run);
		browser.findElement(By.id("decisionNumber")).sendKeys(ApprovalSteps.DECISION_NUMBER);
		((JavascriptExecutor) browser).executeScript("arguments[0].value = '2025-12-20'",
				browser.findElement(By.id("decisionDate")));
		browser.findElement(By.id("signerName")).sendKeys(SIGNER);
		new Select(browser.findElement(By.id("signerPosition"))).selectByValue("VICE_CHAIRMAN");
		assertAccessible();
		go(By.id("approve-run"));
		assertThat(text(By.id("approval-state"))).isEqualTo("Đã phê duyệt");
		assertThat(text(By.id("signer"))).isEqualTo(SIGNER + " — Phó Chủ tịch (ký thay Chủ tịch)");
		assertThat(text(By.id("official-list-link"))).isEqualTo("Danh sách được phê duyệt (bản in)");

		// from the approval block
		go(By.id("approval-official-list"));
		assertThat(text(By.tagName("h1"))).isEqualTo("Danh sách được phê duyệt của lượt #" + run + " — bản in");
		assertThat(browser.findElements(By.id("draft-mark"))).isEmpty();
		assertThat(browser.findElements(By.id("draft-note"))).isEmpty();
		assertThat(text(By.id("doc-number"))).isEqualTo("Số: " + ApprovalSteps.DECISION_NUMBER);
		assertThat(text(By.id("doc-place-date"))).isEqualTo("Cao Bằng, ngày 20 tháng 12 năm 2025");
		assertThat(text(By.id("doc-attached")))
			.isEqualTo("(Kèm theo Quyết định số 125/QĐ-UBND ngày 20/12/2025 của Ủy ban nhân dân tỉnh Cao Bằng)");
		assertThat(text(By.id("doc-signature")).replaceAll("\\s+", " "))
			.isEqualTo("TM. ỦY BAN NHÂN DÂN KT. CHỦ TỊCH PHÓ CHỦ TỊCH " + SIGNER);
		assertGroupedLists("25", "13");
		assertThat(text(By.id("part-class-type-iii"))).contains("01360", "Xã Sơn Lộ",
				"Phê duyệt khác đề xuất (đề xuất: địa bàn không ma túy). Lý do: " + ApprovalSteps.REASON);
		// the issuer beside the national motto, as the Decree lays them out
		WebElement issuer = browser.findElement(By.cssSelector(".masthead .issuer"));
		WebElement motto = browser.findElement(By.cssSelector(".masthead .motto"));
		assertThat(issuer.getRect().getX()).isLessThan(motto.getRect().getX());
		assertThat(Math.abs(issuer.getRect().getY() - motto.getRect().getY())).isLessThan(5);
		Chromium.screenshot(browser, "official-list-approved-screen");
		printedWithoutNavigation("official-list-approved-print", false);
		printedByChromium("official-list-approved-printed");

		// the PDF behind the page's link is the same list
		var pdf = http("approver-04").get()
			.uri(browser.findElement(By.id("official-pdf")).getDomAttribute("href"))
			.retrieve()
			.toEntity(byte[].class);
		assertThat(pdf.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(new String(pdf.getBody(), 0, 5)).isEqualTo("%PDF-");
	}

	@Test
	void aDecisionSheetIsReachedFromItsDecisionPageAndPrintsWithoutNavigation() {
		long thucPhan = jdbc.queryForObject("SELECT id FROM decision WHERE run_id = ? AND commune_code = '01273'",
				Long.class, run);
		signIn("officer-04");
		open("/decisions/" + thucPhan);
		go(By.id("official-sheet-link"));
		assertThat(browser.getCurrentUrl()).endsWith("/decisions/" + thucPhan + "/official-sheet");
		assertThat(text(By.id("doc-title")).replaceAll("\\s+", " "))
			.isEqualTo("KẾT QUẢ PHÂN LOẠI ĐỊA BÀN VỀ MA TÚY NĂM 2025 PHƯỜNG THỤC PHÁN, TỈNH CAO BẰNG");
		assertThat(text(By.id("draft-mark"))).isEqualTo("DỰ THẢO");
		assertThat(text(By.id("part-result"))).contains("Địa bàn trọng điểm, phức tạp về ma túy loại I.");
		assertThat(text(By.id("part-reason"))).contains("Loại I: đáp ứng 4/5 tiêu chí loại I (a, b, c, đ).", "4.1.a",
				"0,521% (192/36.850)");
		assertAccessible();
		Chromium.screenshot(browser, "official-sheet-draft-screen");
		printedWithoutNavigation("official-sheet-draft-print", true);
		assertThat(browser.findElement(By.id("official-pdf")).getDomAttribute("href"))
			.isEqualTo("/api/v1/decisions/" + thucPhan + "/official-sheet");
		go(By.id("official-back"));
		assertThat(browser.getCurrentUrl()).endsWith("/decisions/" + thucPhan);
	}

	/**
	 * The lists by class, each numbered from 1, Thục Phán first of type I; with the
	 * counts of type III and drug-free.
	 */
	private static void assertGroupedLists(String typeIII, String drugFree) {
		List<String> headings = browser.findElements(By.cssSelector("#official-document h3"))
			.stream()
			.map(WebElement::getText)
			.toList();
		assertThat(headings).containsExactly("I. ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY LOẠI I (5 đơn vị)",
				"II. ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY LOẠI II (13 đơn vị)",
				"III. ĐỊA BÀN TRỌNG ĐIỂM, PHỨC TẠP VỀ MA TÚY LOẠI III (" + typeIII + " đơn vị)",
				"IV. ĐỊA BÀN KHÔNG MA TÚY (" + drugFree + " đơn vị)");
		List<WebElement> first = browser.findElements(By.cssSelector("#part-class-type-i tbody tr"));
		assertThat(first).hasSize(5);
		assertThat(first.get(0).getText()).startsWith("1 01273 Phường Thục Phán Đáp ứng 4/5 tiêu chí loại I");
		assertThat(browser.findElements(By.cssSelector("#part-class-drug-free tbody tr")))
			.hasSize(Integer.parseInt(drugFree));
	}

	/**
	 * Printed by Chromium itself (DevTools' {@code Page.printToPDF}, the page's own
	 * {@code @page} size and margins): A4 pages holding the document and none of the
	 * console's navigation; the first page kept as PNG under {@code target/screenshots/}.
	 */
	private static void printedByChromium(String name) throws IOException {
		Map<String, Object> printed = ((ChromeDriver) browser).executeCdpCommand("Page.printToPDF",
				Map.of("preferCSSPageSize", true, "printBackground", true));
		byte[] pdf = Base64.getDecoder().decode((String) printed.get("data"));
		Files.createDirectories(Chromium.SCREENSHOTS);
		Files.write(Chromium.SCREENSHOTS.resolve(name + ".pdf"), pdf);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			PDRectangle a4 = doc.getPage(0).getMediaBox();
			assertThat(a4.getWidth()).as("A4 wide").isCloseTo(595f, within(2f));
			assertThat(a4.getHeight()).as("A4 high").isCloseTo(842f, within(2f));
			BufferedImage page = new PDFRenderer(doc).renderImageWithDPI(0, 96);
			ImageIO.write(page, "png", Chromium.SCREENSHOTS.resolve(name + "-page-1.png").toFile());
			String text = Normalizer.normalize(new PDFTextStripper().getText(doc), Normalizer.Form.NFC)
				.replaceAll("\\s+", " ");
			assertThat(text)
				.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Số: " + ApprovalSteps.DECISION_NUMBER,
						"TM. ỦY BAN NHÂN DÂN")
				.doesNotContain("Các lượt phân loại", "Đăng xuất", "Đang đăng nhập", "Tải PDF", "Quay lại",
						"Kết quả là đề xuất của bộ quy tắc");
		}
	}

	/**
	 * Shown as printed: the document only — no header, navigation, footer or toolbar — on
	 * a white page; a draft still marked.
	 */
	private static void printedWithoutNavigation(String screenshot, boolean draft) {
		Chromium.printed(browser, () -> {
			for (String hidden : List.of(".site-header", "nav", ".site-footer", "#doc-toolbar", "#official-pdf",
					"#language-switch", "#logout")) {
				assertThat(browser.findElements(By.cssSelector(hidden))).as(hidden + " is not printed")
					.allSatisfy(e -> assertThat(e.isDisplayed()).as(hidden).isFalse());
			}
			assertThat(browser.findElement(By.id("official-document")).isDisplayed()).isTrue();
			assertThat(browser.findElement(By.id("doc-issuer")).isDisplayed()).isTrue();
			assertThat(browser.findElements(By.id("draft-mark"))).hasSize(draft ? 1 : 0);
			String font = (String) ((JavascriptExecutor) browser)
				.executeScript("return getComputedStyle(document.getElementById('official-document')).fontFamily");
			assertThat(font).contains("serif");
			Chromium.screenshot(browser, screenshot);
		});
	}

}
