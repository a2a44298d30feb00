package vn.drugcontrol.service.approval;

import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.drugcontrol.service.security.ProvinceScope;

/**
 * Overrides across runs, counted by the rule that made the recommendation and by each
 * criterion the commune met: where people disagree with the rules most.
 */
@Component
public class OverrideReport {

	private final JdbcClient jdbc;

	private final ProvinceScope scope;

	OverrideReport(JdbcClient jdbc, ProvinceScope scope) {
		this.jdbc = jdbc;
		this.scope = scope;
	}

	public record Line(long overrideId, long runId, String provinceCode, int period, String communeCode,
			String communeName, String recommendedClass, String approvedClass, String rule, String criteriaMet,
			String reason, String proposedBy, String confirmedBy) {
	}

	public record Count(String key, int overrides, int confirmed) {
	}

	public record Summary(int overrides, int confirmed, List<Count> byRule, List<Count> byCriterion, List<Line> lines) {
	}

	/** The overrides of the provinces the caller may read ({@link ProvinceScope}). */
	public Summary summary() {
		List<Line> lines = jdbc.sql("""
				SELECT o.id AS override_id, o.run_id AS run_id, r.province_code AS province_code, r.period AS period,
				       o.commune_code AS commune_code, d.commune_name AS commune_name,
				       o.recommended_class AS recommended_class, o.approved_class AS approved_class,
				       d.decided_by AS rule, d.criteria_met AS criteria_met, o.reason AS reason,
				       o.proposed_by AS proposed_by, o.confirmed_by AS confirmed_by
				FROM classification_override o
				JOIN decision d ON d.id = o.decision_id
				JOIN classification_run r ON r.id = o.run_id
				ORDER BY r.period DESC, r.province_code, o.commune_code, o.id
				""").query(Line.class).list().stream().filter(line -> scope.mayRead(line.provinceCode())).toList();
		Map<String, int[]> byRule = new TreeMap<>();
		Map<String, int[]> byCriterion = new TreeMap<>();
		int confirmed = 0;
		for (Line line : lines) {
			int c = line.confirmedBy() == null ? 0 : 1;
			confirmed += c;
			add(byRule, line.rule(), c);
			if (!line.criteriaMet().isBlank()) {
				for (String criterion : line.criteriaMet().split(",\\s*")) {
					add(byCriterion, criterion, c);
				}
			}
		}
		return new Summary(lines.size(), confirmed, counts(byRule), counts(byCriterion), lines);
	}

	void writeXlsx(Summary summary, OutputStream out) throws IOException {
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			Sheet all = book.createSheet("Overrides");
			// string cells only: text such as "=1+1" is shown, never evaluated
			row(all, 0, "override", "run", "province", "period", "commune", "name", "recommended", "approved", "rule",
					"criteria met", "reason", "proposed by", "confirmed by");
			int r = 1;
			for (Line l : summary.lines()) {
				row(all, r++, String.valueOf(l.overrideId()), String.valueOf(l.runId()), l.provinceCode(),
						String.valueOf(l.period()), l.communeCode(), l.communeName(), l.recommendedClass(),
						l.approvedClass(), l.rule(), l.criteriaMet(), l.reason(), l.proposedBy(), l.confirmedBy());
			}
			counts(book.createSheet("By rule"), "rule", summary.byRule());
			counts(book.createSheet("By criterion"), "criterion", summary.byCriterion());
			book.write(out);
		}
	}

	private static void counts(Sheet sheet, String heading, List<Count> counts) {
		row(sheet, 0, heading, "overrides", "confirmed");
		int r = 1;
		for (Count c : counts) {
			row(sheet, r++, c.key(), String.valueOf(c.overrides()), String.valueOf(c.confirmed()));
		}
	}

	private static void row(Sheet sheet, int index, String... values) {
		Row row = sheet.createRow(index);
		for (int i = 0; i < values.length; i++) {
			row.createCell(i).setCellValue(values[i] == null ? "" : values[i]);
		}
	}

	private static void add(Map<String, int[]> counts, String key, int confirmed) {
		int[] c = counts.computeIfAbsent(key, k -> new int[2]);
		c[0]++;
		c[1] += confirmed;
	}

	private static List<Count> counts(Map<String, int[]> counts) {
		List<Count> out = new ArrayList<>();
		counts.forEach((k, v) -> out.add(new Count(k, v[0], v[1])));
		out.sort((a, b) -> Integer.compare(b.overrides(), a.overrides()));
		return out;
	}

}
