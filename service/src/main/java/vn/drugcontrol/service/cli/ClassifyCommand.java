package vn.drugcontrol.service.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.ExitCodeGenerator;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.export.RunExport;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.facts.FactsBatch;
import vn.drugcontrol.service.facts.FactsFormat;
import vn.drugcontrol.service.facts.FactsImporter;
import vn.drugcontrol.service.facts.FactsRejectedException;
import vn.drugcontrol.service.facts.ImportProblem;
import vn.drugcontrol.service.run.Run;
import vn.drugcontrol.service.run.RunQueries;
import vn.drugcontrol.service.run.RunQueries.DecisionSummary;
import vn.drugcontrol.service.run.RunService;
import vn.drugcontrol.service.run.RunService.StartRun;
import vn.drugcontrol.service.run.RunService.Started;

/**
 * The main job from the command line: import a province's facts file, classify every
 * commune, store the run, print a summary and write the XLSX list.
 *
 * <pre>
 * classify FILE [--province=04] [--period=2025] [--rule-set=default|literal] [--out=DIR] [--user=NAME]
 * </pre>
 */
@Component
@ConditionalOnProperty(name = "classifier.cli.command", havingValue = "classify")
class ClassifyCommand implements ApplicationRunner, ExitCodeGenerator {

	private final FactsImporter importer;

	private final RunService runs;

	private final RunQueries queries;

	private final RunExport export;

	private final AdminUnits units;

	private final PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

	private int exitCode;

	private final ApprovedClasses approved;

	private final AuditTrail audit;

	ClassifyCommand(FactsImporter importer, RunService runs, RunQueries queries, RunExport export, AdminUnits units,
			ApprovedClasses approved, AuditTrail audit) {
		this.audit = audit;
		this.approved = approved;
		this.importer = importer;
		this.runs = runs;
		this.queries = queries;
		this.export = export;
		this.units = units;
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (args.getNonOptionArgs().size() != 1) {
			out.println("usage: classify FILE [--province=04] [--period=2025] [--rule-set=default|literal] "
					+ "[--out=DIR] [--user=NAME]");
			exitCode = 64;
			return;
		}
		Path file = Path.of(args.getNonOptionArgs().get(0));
		String province = option(args, "province");
		String period = option(args, "period");
		FactsFormat format = FactsFormat.fromFileName(file.getFileName().toString());
		FactsBatch batch;
		try (InputStream in = Files.newInputStream(file)) {
			batch = importer.read(file.toString(), in, format, province,
					period == null ? null : Integer.valueOf(period),
					rows -> System.err.print("\rĐang đọc / reading… " + rows + " rows"));
			System.err.print("\r");
		}
		catch (FactsRejectedException ex) {
			System.err.println();
			out.println("REJECTED: " + ex.problems().size() + " problem(s) in " + file
					+ "; nothing was stored. Fix them and run again:");
			for (ImportProblem p : ex.problems()) {
				out.println("  " + p.file() + (p.row() == null ? "" : ", row " + p.row())
						+ (p.column() == null ? "" : ", column " + p.column()) + ": " + p.reason());
			}
			exitCode = 2;
			return;
		}
		String user = option(args, "user") != null ? option(args, "user") : System.getProperty("user.name", "cli");
		Started started = runs
			.start(new StartRun(batch, option(args, "rule-set"), file.getFileName().toString(), format.name(), user));
		Run run = started.run();
		printSummary(run, started.created());
		Path dir = Path.of(option(args, "out") != null ? option(args, "out") : "out");
		Files.createDirectories(dir);
		Path xlsx = dir.resolve("phan-loai-" + run.provinceCode() + "-" + run.period() + "-run-" + run.id() + ".xlsx");
		try (OutputStream o = Files.newOutputStream(xlsx)) {
			export.writeXlsx(run, approved.basisOf(run.id()), o);
		}
		audit.record(user, AuditTrail.Action.EXPORT, "run:" + run.id(), Map.of("kind", "run-list", "format", "xlsx",
				"run", run.id(), "province", run.provinceCode(), "period", run.period(), "via", "cli"));
		out.println();
		out.println("XLSX list written to " + xlsx.toAbsolutePath());
		out.println("Run #" + run.id() + " is stored in the database; serve the API (./classifier serve) and see "
				+ "/api/v1/runs/" + run.id());
	}

	private void printSummary(Run run, boolean created) {
		String province = units.provinceName(run.provinceCode()).orElse(run.provinceCode());
		out.println();
		out.printf("%s run #%d — %s (%s), period %d — rule set '%s' (%s), %s%n",
				created ? "Classified:" : "Identical facts were already classified in", run.id(), province,
				run.provinceCode(), run.period(), run.ruleSetName(), run.ruleSetHash().substring(0, 12),
				run.engineVersion());
		out.println();
		out.printf("  %-34s %6s%n", "Class / Phân loại", "Count");
		// an existing run may be approved: its counts are then the approved list's
		ApprovedClasses.RunClasses classes = approved.ofRun(run);
		row("Type I / Loại I", classes.count(Classification.TYPE_I));
		row("Type II / Loại II", classes.count(Classification.TYPE_II));
		row("Type III / Loại III", classes.count(Classification.TYPE_III));
		row("Drug-free / Không ma túy", classes.count(Classification.DRUG_FREE));
		if (classes.count(Classification.UNCLASSIFIED) > 0) {
			row("Unclassified, review / Cần xem xét", classes.count(Classification.UNCLASSIFIED));
		}
		out.printf("  %-34s %6d%n", "Total / Tổng", run.communeCount());
		List<DecisionSummary> decisions = queries.decisionsOf(run.id(), null);
		for (Classification k : List.of(Classification.TYPE_I, Classification.TYPE_II, Classification.TYPE_III,
				Classification.DRUG_FREE, Classification.UNCLASSIFIED)) {
			List<DecisionSummary> of = decisions.stream().filter(d -> d.classification() == k).toList();
			if (of.isEmpty()) {
				continue;
			}
			out.println();
			out.println(k.labelEn() + " / " + k.labelVi() + " (" + of.size() + ")");
			for (DecisionSummary d : of) {
				out.printf("  %s  %-22s %s%n", d.communeCode(), d.communeName(),
						d.criteriaOfItsClass().isEmpty() ? "" : "criteria met: " + d.criteriaOfItsClass());
			}
		}
	}

	private void row(String label, int n) {
		out.printf("  %-34s %6d%n", label, n);
	}

	private static String option(ApplicationArguments args, String name) {
		List<String> values = args.getOptionValues(name);
		return values == null || values.isEmpty() ? null : values.get(0);
	}

	@Override
	public int getExitCode() {
		return exitCode;
	}

}
