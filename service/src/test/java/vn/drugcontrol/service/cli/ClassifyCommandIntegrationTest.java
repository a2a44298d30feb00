package vn.drugcontrol.service.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

import vn.drugcontrol.service.ClassifierApplication;
import vn.drugcontrol.service.RealDatabase;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The main job as a user runs it: {@code classify FILE} prints the summary, writes the
 * XLSX list and leaves the run in the database; a malformed file prints every problem and
 * stores nothing.
 */
@ExtendWith(RealDatabase.class)
class ClassifyCommandIntegrationTest {

	@TempDir
	Path out;

	@Test
	void classifiesCaoBangPrintsTheSummaryAndWritesTheList() throws Exception {
		Run result = classify("../data-samples/cao-bang-2025.csv");

		assertThat(result.exitCode()).isZero();
		assertThat(result.output()).contains("Cao Bằng (04), period 2025")
			.containsPattern("Drug-free / Không ma túy\\s+14")
			.contains("Total / Tổng", "01360  Sơn Lộ");
		try (var files = Files.list(out)) {
			assertThat(files.map(p -> p.getFileName().toString()))
				.anyMatch(n -> n.matches("phan-loai-04-2025-run-\\d+\\.xlsx"));
		}
		assertThat(result.runs()).isGreaterThanOrEqualTo(1);
	}

	@Test
	void aMalformedFileIsRejectedWithEveryProblemAndNothingStored() throws Exception {
		Run result = classify("../data-samples/cao-bang-2025-bad.csv");

		assertThat(result.exitCode()).isEqualTo(2);
		assertThat(result.output()).contains("REJECTED").contains("row ").contains("nothing was stored");
		assertThat(result.runsAdded()).isZero();
	}

	private static int runs(JdbcTemplate jdbc) {
		try {
			return jdbc.queryForObject("SELECT COUNT(*) FROM classification_run", Integer.class);
		}
		catch (org.springframework.dao.DataAccessException noTableYet) {
			return 0;
		}
	}

	record Run(int exitCode, String output, int runs, int runsAdded) {
	}

	private Run classify(String file) {
		RealDatabase.Connection db = RealDatabase.connection();
		PrintStream original = System.out;
		ByteArrayOutputStream captured = new ByteArrayOutputStream();
		JdbcTemplate jdbc = new JdbcTemplate(new DriverManagerDataSource(db.url(), db.user(), db.password()));
		// whatever an earlier test left (the same facts, already classified and
		// overridden,
		// would be "identical facts")
		RealDatabase.emptyTables(jdbc);
		int before = runs(jdbc);
		System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
		int exit;
		try (ConfigurableApplicationContext context = ClassifierApplication.start("classify", file, "--out=" + out,
				"--user=test", "--spring.datasource.url=" + db.url(), "--spring.datasource.username=" + db.user(),
				"--spring.datasource.password=" + db.password())) {
			exit = SpringApplication.exit(context);
		}
		finally {
			System.setOut(original);
		}
		int after = runs(jdbc);
		return new Run(exit, captured.toString(StandardCharsets.UTF_8), after, after - before);
	}

}
