package vn.drugcontrol.service.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.MediaType;

import tools.jackson.databind.JsonNode;
import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.RealDatabase;

/**
 * Issue 16.7: the approved classes of a period (the national list, {@code
 * /api/v1/approved-classes}) read that period's decisions, not every approved run's of
 * every period and keep a tenth of them. Measured as the rows the database reads for
 * {@link ApprovedClasses#OF_PERIOD} — MariaDB's {@code ANALYZE FORMAT=JSON} (loops × rows
 * of each table), H2's {@code EXPLAIN ANALYZE} (each table's scan count) — with one
 * period stored, then three: never timed.
 */
class ApprovedClassesOfPeriodIntegrationTest extends DatabaseTest {

	@TempDir
	Path dir;

	@Test
	void aPeriodsApprovedClassesReadOnlyThatPeriodsDecisions() throws IOException {
		approvedCaoBang(2025);
		long onePeriod = rowsRead(2025);
		approvedCaoBang(2024);
		approvedCaoBang(2023);
		long threePeriods = rowsRead(2025);

		assertThat(get("/api/v1/approved-classes?period=2025").get("totalItems").asLong())
			.as("the period's 56 communes")
			.isEqualTo(56);
		// the decisions of 2024 and 2023 (112 rows, each joined to its approval, override
		// and event) are not read; a few rows of run_approval's index may be
		assertThat(threePeriods).as("rows read with three periods stored, against one period's " + onePeriod)
			.isLessThanOrEqualTo(onePeriod + 10);
	}

	/** The rows the database reads to answer the period's approved classes. */
	private long rowsRead(int period) {
		String sql = ApprovedClasses.OF_PERIOD.replace(":period", String.valueOf(period))
			.replace(":since", "0")
			.replace(":limit", "100000")
			.replace(":offset", "0");
		long rows = 0;
		if (RealDatabase.H2) {
			String plan = jdbc.queryForList("EXPLAIN ANALYZE " + sql, String.class).get(0);
			Matcher scans = Pattern.compile("scanCount: (\\d+)").matcher(plan);
			while (scans.find()) {
				rows += Long.parseLong(scans.group(1));
			}
			assertThat(rows).as(plan).isPositive();
			return rows;
		}
		String plan = jdbc.queryForList("ANALYZE FORMAT=JSON " + sql, String.class).get(0);
		Matcher tables = Pattern.compile("\"r_loops\":\\s*([\\d.]+),[^{}]*?\"r_rows\":\\s*([\\d.]+)").matcher(plan);
		while (tables.find()) {
			rows += Math.round(Double.parseDouble(tables.group(1)) * Double.parseDouble(tables.group(2)));
		}
		assertThat(rows).as(plan).isPositive();
		return rows;
	}

	/** Cao Bằng's facts of 2025 stored as {@code period}'s run and approved. */
	private void approvedCaoBang(int period) throws IOException {
		Path file = dir.resolve("cao-bang-" + period + ".csv");
		Files.writeString(file, Files.readString(sample("cao-bang-2025.csv"), StandardCharsets.UTF_8)
			.replace(",04,2025,", ",04," + period + ","), StandardCharsets.UTF_8);
		long run = upload(file).getBody().get("id").asLong();
		new ApprovalSteps(this::http).submitWithOverride(run, ApprovalSteps.SON_LO, "TYPE_III");
		assertThat(http("approver-04").post()
			.uri("/api/v1/runs/" + run + "/approval")
			.contentType(MediaType.APPLICATION_JSON)
			.body(Map.of("decisionNumber", period + "/QĐ-UBND", "decisionDate", period + "-12-15"))
			.retrieve()
			.toEntity(JsonNode.class)
			.getStatusCode()
			.value()).isEqualTo(200);
	}

}
