package vn.drugcontrol.service.export;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.approval.ApprovalSteps;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run exported as the province's list, read back as a spreadsheet program would.
 */
class ExportIntegrationTest extends DatabaseTest {

	private final ApprovalSteps steps = new ApprovalSteps(this::http);

	@Test
	void xlsxListsTheCommunesByClassWithVietnameseHeadings() throws Exception {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();

		ResponseEntity<byte[]> file = http().get()
			.uri("/api/v1/runs/" + run + "/export?format=xlsx")
			.retrieve()
			.toEntity(byte[].class);

		assertThat(file.getHeaders().getContentDisposition().getFilename())
			.isEqualTo("phan-loai-04-2025-run-" + run + ".xlsx");
		try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.getBody()))) {
			Sheet sheet = book.getSheet("Danh sách");
			List<String> firstColumn = new ArrayList<>();
			for (Row row : sheet) {
				firstColumn.add(row.getCell(0).toString());
			}
			assertThat(firstColumn.get(0)).contains("CAO BẰNG").contains("2025");
			assertThat(firstColumn).contains("IV. ĐỊA BÀN KHÔNG MA TÚY (14)");
			assertThat(sheet.getRow(3).getCell(4).getStringCellValue()).isEqualTo("Tiêu chí đáp ứng");
			assertThat(book.getSheet("Tổng hợp").getRow(6).getCell(1).getNumericCellValue()).isEqualTo(56);
		}
	}

	@Test
	void csvHasOneLinePerCommuneAndABomForSpreadsheets() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();

		byte[] csv = http().get().uri("/api/v1/runs/" + run + "/export?format=csv").retrieve().body(byte[].class);

		String text = new String(csv, StandardCharsets.UTF_8);
		assertThat(text).startsWith("\uFEFFNhóm,STT,Mã đơn vị,Tên đơn vị,Phân loại,Tiêu chí đáp ứng");
		assertThat(text.lines().count()).isEqualTo(1 + 56);
		assertThat(text).contains("Xã Sơn Lộ");
	}

	@Test
	void theXlsxOfAnApprovedRunIsTheApprovedListWithTheDecisionsNumberAndDate() throws Exception {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		try (XSSFWorkbook draft = xlsx(run)) {
			String title = draft.getSheet("Danh sách").getRow(0).getCell(0).getStringCellValue();
			assertThat(title).startsWith("DỰ THẢO");
			assertThat(draft.getSheet("Danh sách").getRow(1).getCell(0).getStringCellValue())
				.contains("BẢN DỰ THẢO — chưa được UBND tỉnh phê duyệt");
		}
		steps.approveWithOverride(run, ApprovalSteps.SON_LO, "TYPE_III");

		try (XSSFWorkbook book = xlsx(run)) {
			Sheet sheet = book.getSheet("Danh sách");
			assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).doesNotContain("DỰ THẢO")
				.endsWith("(ĐÃ PHÊ DUYỆT)");
			assertThat(sheet.getRow(1).getCell(0).getStringCellValue()).contains("phê duyệt theo Quyết định số "
					+ ApprovalSteps.DECISION_NUMBER + " ngày " + ApprovalSteps.DECISION_DATE);
			List<String> firstColumn = new ArrayList<>();
			Row sonLo = null;
			String sectionOfSonLo = null;
			String section = null;
			for (Row row : sheet) {
				String first = row.getCell(0).toString();
				firstColumn.add(first);
				if (first.matches("[IV]+\\. .*")) {
					section = first;
				}
				if (row.getCell(1) != null && ApprovalSteps.SON_LO.equals(row.getCell(1).toString())) {
					sonLo = row;
					sectionOfSonLo = section;
				}
			}
			assertThat(firstColumn).contains("IV. ĐỊA BÀN KHÔNG MA TÚY (13)");
			assertThat(sectionOfSonLo).startsWith("III. ĐỊA BÀN TRỌNG ĐIỂM PHỨC TẠP VỀ MA TÚY LOẠI III");
			assertThat(sonLo.getCell(3).getStringCellValue()).isEqualTo("Loại III");
			assertThat(sheet.getRow(3).getCell(6).getStringCellValue()).isEqualTo("Loại theo quy tắc (đề xuất)");
			assertThat(sonLo.getCell(6).getStringCellValue()).isEqualTo("Không ma túy");
			assertThat(sonLo.getCell(7).getStringCellValue()).isEqualTo(ApprovalSteps.REASON);
			assertThat(book.getSheet("Tổng hợp").getRow(4).getCell(1).getNumericCellValue()).as("drug-free")
				.isEqualTo(13);
		}
	}

	@Test
	void theCsvOfAnApprovedRunIsTheApprovedListAndADraftSaysItIsOne() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		assertThat(csv(run).lines().skip(1)).allSatisfy(line -> assertThat(line).contains("BẢN DỰ THẢO"));
		steps.approveWithOverride(run, ApprovalSteps.SON_LO, "TYPE_III");

		String text = csv(run);
		assertThat(text.lines().count()).isEqualTo(1 + 56);
		assertThat(text.lines().skip(1)).allSatisfy(line -> assertThat(line).doesNotContain("DỰ THẢO")
			.contains("Quyết định số " + ApprovalSteps.DECISION_NUMBER + " ngày " + ApprovalSteps.DECISION_DATE));
		assertThat(text.lines().filter(line -> line.contains("," + ApprovalSteps.SON_LO + ","))).singleElement()
			.satisfies(line -> assertThat(line).startsWith("III. ĐỊA BÀN TRỌNG ĐIỂM PHỨC TẠP VỀ MA TÚY LOẠI III")
				.contains(",Loại III,")
				.contains(",Không ma túy,")
				.contains(ApprovalSteps.REASON));
		assertThat(text.lines().filter(line -> line.startsWith("IV. ĐỊA BÀN KHÔNG MA TÚY"))).hasSize(13);
	}

	private XSSFWorkbook xlsx(long run) throws java.io.IOException {
		return new XSSFWorkbook(new ByteArrayInputStream(
				http().get().uri("/api/v1/runs/" + run + "/export?format=xlsx").retrieve().body(byte[].class)));
	}

	private String csv(long run) {
		return new String(http().get().uri("/api/v1/runs/" + run + "/export?format=csv").retrieve().body(byte[].class),
				StandardCharsets.UTF_8);
	}

	@Test
	void formulaLikeTextIsNeutralised() {
		assertThat(SpreadsheetText.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(SpreadsheetText.neutralise("Sơn Lộ")).isEqualTo("Sơn Lộ");
	}

}
