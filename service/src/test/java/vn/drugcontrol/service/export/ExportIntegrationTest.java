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

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A run exported as the province's list, read back as a spreadsheet program would.
 */
class ExportIntegrationTest extends DatabaseTest {

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
	void formulaLikeTextIsNeutralised() {
		assertThat(SpreadsheetText.neutralise("=HYPERLINK(\"x\")")).isEqualTo("'=HYPERLINK(\"x\")");
		assertThat(SpreadsheetText.neutralise("Sơn Lộ")).isEqualTo("Sơn Lộ");
	}

}
