package vn.drugcontrol.service.facts;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An import problem's reason in Vietnamese, for the console's officers: each sentence the
 * readers write (in English, for the API and the logs) has its Vietnamese here, with the
 * same values. A reason without one gets a general sentence, the English kept for the
 * technical details.
 */
public final class ProblemsInVietnamese {

	private static final Map<Pattern, Function<Matcher, String>> SENTENCES = new LinkedHashMap<>();

	static {
		say("is missing; it is required\\.", m -> "bị thiếu; đây là cột bắt buộc.");
		say("is empty; it is required\\.", m -> "để trống; đây là giá trị bắt buộc.");
		say("is missing from the header; the column is required\\.",
				m -> "không có trong dòng tiêu đề; đây là cột bắt buộc.");
		say("must be a whole number greater than 0, got \"(.*)\"\\.",
				m -> "phải là số nguyên lớn hơn 0, tệp ghi \"" + m.group(1) + "\".");
		say("must be a whole number (≥ 0|greater than 0)(.*), got \"(.*)\"\\.", m -> "phải là số nguyên "
				+ (m.group(1).startsWith("≥") ? "≥ 0" : "lớn hơn 0") + ", tệp ghi \"" + m.group(3) + "\".");
		say("is too large to be a count \\(at most (\\d+)\\), got \"(.*)\"\\.",
				m -> "quá lớn để là một số đếm (tối đa " + m.group(1) + "), tệp ghi \"" + m.group(2) + "\".");
		say("must use a dot as the decimal separator, e\\.g\\. \"(.*)\", got \"(.*)\"\\.",
				m -> "phải dùng dấu chấm làm dấu thập phân trong tệp, ví dụ \"" + m.group(1) + "\", tệp ghi \""
						+ m.group(2) + "\".");
		say("must be a number ≥ 0.*, got \"(.*)\"\\.", m -> "phải là số ≥ 0, tệp ghi \"" + m.group(1) + "\".");
		say("is too large to be an area of plants \\(at most (.*) m²\\), got \"(.*)\"\\.",
				m -> "quá lớn để là diện tích trồng cây (tối đa " + m.group(1) + " m²), tệp ghi \"" + m.group(2)
						+ "\".");
		say("has more than (\\d+) decimals, got \"(.*)\"\\.",
				m -> "có quá " + m.group(1) + " chữ số thập phân, tệp ghi \"" + m.group(2) + "\".");
		say("must be true or false .*, got \"(.*)\"\\.",
				m -> "phải là có/không (hoặc 1/0, true/false), tệp ghi \"" + m.group(1) + "\".");
		say("must be a string of (\\d+) digits such as \"(.*)\", got the number (.*)\\.", m -> "phải là chuỗi "
				+ m.group(1) + " chữ số, ví dụ \"" + m.group(2) + "\", tệp ghi số " + m.group(3) + ".");
		say("must have (\\d+) digits, got \"(.*)\": write \"(.*)\" .*",
				m -> "phải có " + m.group(1) + " chữ số, tệp ghi \"" + m.group(2) + "\": hãy ghi \"" + m.group(3)
						+ "\" (bảng tính có thể đã bỏ số 0 ở đầu; hãy định dạng cột là văn bản).");
		say("must be a (\\d+)-digit code such as \"(.*)\", got \"(.*)\"\\.", m -> "phải là mã " + m.group(1)
				+ " chữ số, ví dụ \"" + m.group(2) + "\", tệp ghi \"" + m.group(3) + "\".");
		say("must be a 4-digit year such as 2025, got \"(.*)\"\\.",
				m -> "phải là năm 4 chữ số, ví dụ 2025, tệp ghi \"" + m.group(1) + "\".");
		say("must be a year from (\\d+) to (\\d+) .*, got (\\d+)\\.", m -> "phải là năm từ " + m.group(1) + " đến "
				+ m.group(2) + " (Quyết định 28/2025 áp dụng từ 2025), tệp ghi " + m.group(3) + ".");
		say("\"(.*)\" is not a province code of the 2025 list\\.",
				m -> "\"" + m.group(1) + "\" không phải mã tỉnh, thành phố trong danh mục 2025.");
		say("\"(.*)\" is not a commune-level unit of the 2025 list\\.",
				m -> "\"" + m.group(1) + "\" không phải mã đơn vị cấp xã trong danh mục 2025.");
		say("commune (\\S+) appears twice in the batch, on \\w+s (\\d+) and (\\d+); .*",
				m -> "đơn vị " + m.group(1) + " xuất hiện hai lần (dòng " + m.group(2) + " và " + m.group(3)
						+ "); mỗi đơn vị chỉ được có một dòng.");
		say("is \"(.*)\", but (\\S+) is (.*) in the 2025 list of units\\.", m -> "ghi \"" + m.group(1) + "\", nhưng mã "
				+ m.group(2) + " là " + m.group(3) + " trong danh mục 2025.");
		say("is (.*), but commune (\\S+) (.*) belongs to province (.*)\\.", m -> "ghi " + m.group(1) + ", nhưng đơn vị "
				+ m.group(2) + " " + m.group(3) + " thuộc " + m.group(4) + ".");
		say("is (\\d+), fewer than the three groups it includes: .* = (.*)\\.", m -> "ghi " + m.group(1)
				+ ", ít hơn tổng ba nhóm thuộc số này (điều trị thay thế + cai nghiện tại gia đình, cộng đồng + quản lý sau cai = "
				+ m.group(2) + ").");
		say("is not a column of the facts contract(?:; did you mean \"(.*)\"\\?|\\.) Remove the column or rename it\\.",
				m -> "không phải cột của mẫu số liệu"
						+ ((m.group(1) != null) ? "; có phải là \"" + m.group(1) + "\"?" : ".")
						+ " Hãy xóa hoặc đổi tên cột.");
		say("appears twice in the header, in columns (\\S+) and (\\S+); the second is ignored\\.",
				m -> "xuất hiện hai lần trong dòng tiêu đề, ở cột " + m.group(1) + " và " + m.group(2)
						+ "; cột sau bị bỏ qua.");
		say("has a value in column (\\S+), which has no header: \"(.*)\"\\.",
				m -> "có giá trị ở cột " + m.group(1) + " nhưng cột này không có tiêu đề: \"" + m.group(2) + "\".");
		say("This row must be the header.*",
				m -> "Dòng này phải là dòng tiêu đề với các cột của mẫu số liệu, nhưng không có cột nào.");
		say("is (.*), but this import is for province (.*)\\.",
				m -> "ghi " + m.group(1) + ", nhưng lần tải lên này dành cho " + m.group(2) + ".");
		say("is (\\d+), but this import is for period (\\d+)\\.",
				m -> "ghi " + m.group(1) + ", nhưng lần tải lên này dành cho kỳ " + m.group(2) + ".");
		say("is (.*), but (?:the batch is|this import is for) (?:for )?province (.*?)(?:, like .*)?: a batch covers one province\\.",
				m -> "ghi " + m.group(1) + ", nhưng lô số liệu thuộc " + m.group(2)
						+ ": mỗi lô chỉ gồm một tỉnh, thành phố.");
		say("is (\\d+), but .* period (\\d+).*: a batch covers one period\\.",
				m -> "ghi " + m.group(1) + ", nhưng lô số liệu thuộc kỳ " + m.group(2) + ": mỗi lô chỉ gồm một kỳ.");
		say("(\\S+) (.*) belongs to province (.*), but .* province (.*?)(?:, like .*)?\\.", m -> m.group(1) + " "
				+ m.group(2) + " thuộc " + m.group(3) + ", nhưng lô số liệu thuộc " + m.group(4) + ".");
		say("The file has no data rows under its header\\.", m -> "Tệp không có dòng số liệu nào dưới dòng tiêu đề.");
		say("The file contains no communes\\.|No communes were given\\.", m -> "Tệp không có đơn vị nào.");
		say("The file is empty\\.", m -> "Tệp rỗng.");
		say("The file is not UTF-8 text.*",
				m -> "Tệp không phải văn bản UTF-8: hãy lưu dưới dạng \"CSV UTF-8\" để giữ chữ tiếng Việt.");
		say("The file is an XLSX workbook \\(or another zip archive\\), not CSV text.*",
				m -> "Tệp là bảng tính XLSX (hoặc tệp nén), không phải CSV: hãy tải lên dưới dạng .xlsx hoặc lưu thành \"CSV UTF-8\".");
		say("The file is an Excel 97–2003 workbook.*",
				m -> "Tệp là bảng tính Excel 97–2003 (.xls), không được chấp nhận: hãy lưu thành .xlsx.");
		say("The file is not an XLSX workbook.*", m -> "Tệp không phải bảng tính XLSX.");
		say("The file could not be read as an XLSX workbook.*", m -> "Không đọc được tệp như một bảng tính XLSX.");
		say("The workbook has no sheet\\.", m -> "Bảng tính không có trang tính nào.");
		say("The first sheet of the workbook \\(\"(.*)\"\\) is empty\\.",
				m -> "Trang tính đầu tiên (\"" + m.group(1) + "\") không có dữ liệu.");
		say("The file is not valid JSON.*", m -> "Tệp không phải JSON hợp lệ.");
		say("could not be read as CSV .*", m -> "không đọc được như CSV; hãy kiểm tra dấu ngoặc kép (\") chưa đóng.");
		say("…and (\\d+) more problems? not listed", m -> "…và " + m.group(1) + " lỗi khác không liệt kê.");
	}

	private ProblemsInVietnamese() {
	}

	private static void say(String english, Function<Matcher, String> vietnamese) {
		SENTENCES.put(Pattern.compile(english), vietnamese);
	}

	/** The reason in Vietnamese; a general sentence where none is known. */
	public static String of(String reason) {
		if (reason == null) {
			return "";
		}
		for (Map.Entry<Pattern, Function<Matcher, String>> sentence : SENTENCES.entrySet()) {
			Matcher m = sentence.getKey().matcher(reason);
			if (m.matches()) {
				return sentence.getValue().apply(m);
			}
		}
		return "Giá trị không hợp lệ (xem chi tiết kỹ thuật).";
	}

	/** Whether the reason has a Vietnamese sentence of its own. */
	public static boolean known(String reason) {
		return reason != null && SENTENCES.keySet().stream().anyMatch(p -> p.matcher(reason).matches());
	}

}
