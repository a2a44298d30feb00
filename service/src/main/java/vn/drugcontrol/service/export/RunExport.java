package vn.drugcontrol.service.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.ApprovedClasses.Basis;
import vn.drugcontrol.service.facts.AdminUnit;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.run.Run;
import vn.drugcontrol.service.run.RunQueries;
import vn.drugcontrol.service.run.RunQueries.DecisionSummary;
import vn.drugcontrol.service.system.DisplayFormat;

/**
 * A run as the province's list: communes of type I, II and III and drug-free communes
 * (then any left for review), with Vietnamese headings and the criteria each met. Once
 * the People's Committee approved the run it is the approved list — approved classes, the
 * decision's number and date, the rules' recommendation and the override's reason where
 * they differ; before, every file says it is a draft.
 */
@Component
public class RunExport {

	/** The list's sections, in the order the province publishes them. */
	static final List<Classification> SECTIONS = List.of(Classification.TYPE_I, Classification.TYPE_II,
			Classification.TYPE_III, Classification.DRUG_FREE, Classification.UNCLASSIFIED);

	private static final Map<Classification, String> SECTION_TITLES = Map.of(Classification.TYPE_I,
			"I. ĐỊA BÀN TRỌNG ĐIỂM PHỨC TẠP VỀ MA TÚY LOẠI I", Classification.TYPE_II,
			"II. ĐỊA BÀN TRỌNG ĐIỂM PHỨC TẠP VỀ MA TÚY LOẠI II", Classification.TYPE_III,
			"III. ĐỊA BÀN TRỌNG ĐIỂM PHỨC TẠP VỀ MA TÚY LOẠI III", Classification.DRUG_FREE, "IV. ĐỊA BÀN KHÔNG MA TÚY",
			Classification.UNCLASSIFIED, "V. CHƯA PHÂN LOẠI — CẦN XEM XÉT");

	static final List<String> HEADINGS = List.of("STT", "Mã đơn vị", "Tên đơn vị", "Phân loại", "Tiêu chí đáp ứng",
			"Quy tắc quyết định", "Loại theo quy tắc (đề xuất)", "Lý do điều chỉnh");

	private final RunQueries queries;

	private final AdminUnits units;

	private final DisplayFormat format;

	RunExport(RunQueries queries, AdminUnits units, DisplayFormat format) {
		this.format = format;
		this.queries = queries;
		this.units = units;
	}

	public void writeXlsx(Run run, Basis basis, OutputStream out) throws IOException {
		Map<Classification, List<DecisionSummary>> bySection = sections(run);
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			CellStyle bold = book.createCellStyle();
			Font font = book.createFont();
			font.setBold(true);
			bold.setFont(font);
			Sheet sheet = book.createSheet("Danh sách");
			int r = 0;
			cells(sheet.createRow(r++), bold, title(run, basis));
			cells(sheet.createRow(r++), null, subtitle(run, basis));
			r++;
			cells(sheet.createRow(r++), bold, HEADINGS.toArray(String[]::new));
			for (Classification section : SECTIONS) {
				List<DecisionSummary> rows = bySection.getOrDefault(section, List.of());
				if (rows.isEmpty() && section == Classification.UNCLASSIFIED) {
					continue;
				}
				cells(sheet.createRow(r++), bold, SECTION_TITLES.get(section) + " (" + rows.size() + ")");
				int n = 1;
				for (DecisionSummary d : rows) {
					Row row = sheet.createRow(r++);
					row.createCell(0).setCellValue(n++);
					String[] rest = line(d);
					for (int c = 1; c < rest.length; c++) {
						row.createCell(c).setCellValue(rest[c]);
					}
				}
			}
			Sheet summary = book.createSheet("Tổng hợp");
			cells(summary.createRow(0), bold, "Phân loại", "Số đơn vị");
			int s = 1;
			for (Classification section : SECTIONS) {
				Row row = summary.createRow(s++);
				row.createCell(0).setCellValue(section.labelVi());
				row.createCell(1).setCellValue(bySection.getOrDefault(section, List.of()).size());
			}
			Row total = summary.createRow(s++);
			total.createCell(0).setCellValue("Tổng số");
			total.createCell(1).setCellValue(run.communeCount());
			cells(summary.createRow(++s), null, basis.statementVi());
			for (int c = 0; c < HEADINGS.size(); c++) {
				sheet.setColumnWidth(c,
						c == 4 || c == 7 ? 40 * 256 : c == 5 ? 70 * 256 : c == 2 || c == 6 ? 28 * 256 : 14 * 256);
			}
			summary.setColumnWidth(0, 36 * 256);
			book.write(out);
		}
	}

	public void writeCsv(Run run, Basis basis, OutputStream out) throws IOException {
		Map<Classification, List<DecisionSummary>> bySection = sections(run);
		Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
		writer.write('\uFEFF'); // so spreadsheet programs read the Vietnamese text as
								// UTF-8
		CSVPrinter csv = new CSVPrinter(writer, CSVFormat.DEFAULT);
		List<String> headings = new java.util.ArrayList<>(HEADINGS);
		headings.add(0, "Nhóm");
		// a CSV has no title rows: each line says what list it belongs to
		headings.add("Căn cứ");
		csv.printRecord(headings);
		for (Classification section : SECTIONS) {
			int n = 1;
			for (DecisionSummary d : bySection.getOrDefault(section, List.of())) {
				String[] rest = line(d);
				rest[0] = Integer.toString(n++);
				List<String> record = new java.util.ArrayList<>();
				record.add(SECTION_TITLES.get(section));
				for (String v : rest) {
					record.add(SpreadsheetText.neutralise(v));
				}
				record.add(SpreadsheetText.neutralise(basis.statementVi()));
				csv.printRecord(record);
			}
		}
		csv.flush();
	}

	private Map<Classification, List<DecisionSummary>> sections(Run run) {
		return queries.decisionsOf(run.id(), null)
			.stream()
			.collect(Collectors.groupingBy(DecisionSummary::classification));
	}

	private String[] line(DecisionSummary d) {
		String name = units.find(d.communeCode())
			.map(AdminUnit::type)
			.map(t -> t + " " + d.communeName())
			.orElse(d.communeName());
		return new String[] { "", d.communeCode(), name, d.classification().labelVi(), d.criteriaOfItsClass(),
				format.ruleName(d.decidedBy(), DisplayFormat.VIETNAMESE),
				d.overridden() ? d.recommendedClassification().labelVi() : "",
				d.overrideReason() == null ? "" : d.overrideReason() };
	}

	private String title(Run run, Basis basis) {
		String province = units.provinceName(run.provinceCode()).orElse(run.provinceCode());
		return (basis.approved() ? "" : "DỰ THẢO — ") + "DANH SÁCH PHÂN LOẠI ĐỊA BÀN CẤP XÃ VỀ MA TÚY — TỈNH/THÀNH PHỐ "
				+ province.toUpperCase() + " — KỲ ĐÁNH GIÁ " + run.period()
				+ (basis.approved() ? " (ĐÃ PHÊ DUYỆT)" : "");
	}

	private String subtitle(Run run, Basis basis) {
		// for people: the reading's name, the run, when and who; the content hash and the
		// engine's version are in the API's machine formats
		String source = "bộ quy tắc " + format.ruleSetName(run.ruleSetName(), DisplayFormat.VIETNAMESE)
				+ ", lượt phân loại #" + run.id() + " lúc " + DisplayFormat.formatTime(run.startedAt()) + " bởi "
				+ run.startedBy();
		return basis.approved()
				? "Theo Quyết định 28/2025/QĐ-TTg. " + basis.statementVi()
						+ ": loại được phê duyệt; loại theo quy tắc ghi bên cạnh nơi khác. Đề xuất của " + source + "."
				: "Theo Quyết định 28/2025/QĐ-TTg. Kết quả đề xuất của " + source + "; " + basis.statementVi() + ".";
	}

	private static void cells(Row row, CellStyle style, String... values) {
		for (int i = 0; i < values.length; i++) {
			var cell = row.createCell(i);
			cell.setCellValue(values[i]);
			if (style != null) {
				cell.setCellStyle(style);
			}
		}
	}

}
