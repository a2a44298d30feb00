package vn.drugcontrol.benchmark;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.service.ClassifierApplication;
import vn.drugcontrol.service.facts.FactsBatch;
import vn.drugcontrol.service.facts.FactsFormat;
import vn.drugcontrol.service.facts.FactsImporter;
import vn.drugcontrol.service.run.RunService;
import vn.drugcontrol.service.run.RunService.StartRun;
import vn.drugcontrol.service.samples.SyntheticFacts;

/**
 * Runs end to end in the service's own beans, without HTTP: import (CSV) → rules → the
 * run, its decisions, their evidence and warnings stored in one transaction.
 * <ul>
 * <li>national: one run per province, as provinces submit them — 34 CSV files, all 3,321
 * units of the 2025 list, one after the other;</li>
 * <li>synthetic: {@code count} communes in one run through {@link RunService} (their
 * synthetic codes are in no list, so no importer accepts them: the import is left out,
 * and its cost per commune is the national run's).</li>
 * </ul>
 */
final class EndToEnd implements AutoCloseable {

	/** One timed run (or set of runs). */
	record Timed(String what, int communes, double importMs, double rulesMs, double totalMs, long decisions,
			long evidence, String loadAverage) {
	}

	private final Database database;

	private final ConfigurableApplicationContext context;

	private final RunService runs;

	private final FactsImporter importer;

	private final MeterRegistry meters;

	EndToEnd(Database database) {
		this.database = database;
		// arguments, not default properties: they must win over application.yml's H2
		this.context = new SpringApplicationBuilder(ClassifierApplication.class).web(WebApplicationType.NONE)
			.run("--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.user(),
					"--spring.datasource.password=" + database.password(), "--spring.main.banner-mode=off",
					"--logging.level.root=WARN");
		this.runs = context.getBean(RunService.class);
		this.importer = context.getBean(FactsImporter.class);
		this.meters = context.getBean(MeterRegistry.class);
	}

	/** Time spent in rule sessions so far, from the service's own timer. */
	private double rulesMs() {
		return meters.find("classifier.rules.evaluation")
			.timers()
			.stream()
			.mapToDouble(t -> t.totalTime(TimeUnit.MILLISECONDS))
			.sum();
	}

	/** The 2025 list's communes as one CSV file per province, in memory. */
	static Map<String, byte[]> provinceFiles(List<CommuneFacts> national) {
		Map<String, List<CommuneFacts>> byProvince = national.stream()
			.collect(Collectors.groupingBy(CommuneFacts::provinceCode, LinkedHashMap::new, Collectors.toList()));
		Map<String, byte[]> files = new LinkedHashMap<>();
		try {
			Path tmp = Files.createTempFile("province", ".csv");
			try {
				for (Map.Entry<String, List<CommuneFacts>> p : byProvince.entrySet()) {
					SyntheticFacts.writeCsv(p.getValue(), tmp);
					files.put("synthetic-" + p.getKey() + "-" + Communes.PERIOD + ".csv", Files.readAllBytes(tmp));
				}
			}
			finally {
				Files.delete(tmp);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return files;
	}

	/** Every province's file imported and run, one after the other, on empty tables. */
	Timed national(String what, Map<String, byte[]> files) {
		database.empty();
		long importNanos = 0;
		int communes = 0;
		double rulesBefore = rulesMs();
		long started = System.nanoTime();
		for (Map.Entry<String, byte[]> file : files.entrySet()) {
			long t = System.nanoTime();
			FactsBatch batch = importer.read(file.getKey(), new ByteArrayInputStream(file.getValue()), FactsFormat.CSV,
					null, null, null);
			importNanos += System.nanoTime() - t;
			communes += batch.communes().size();
			require(runs.start(new StartRun(batch, null, file.getKey(), "CSV", "benchmark")).created());
		}
		double totalMs = (System.nanoTime() - started) / 1e6;
		return new Timed(what, communes, importNanos / 1e6, rulesMs() - rulesBefore, totalMs,
				database.count("decision"), database.count("decision_evidence"), Benchmarks.loadAverage());
	}

	/** {@code communes} in one run, on empty tables. */
	Timed single(String what, List<CommuneFacts> communes) {
		database.empty();
		FactsBatch batch = new FactsBatch("00", Communes.PERIOD, new ArrayList<>(communes));
		double rulesBefore = rulesMs();
		long started = System.nanoTime();
		require(runs.start(new StartRun(batch, null, "synthetic-" + communes.size(), "JSON", "benchmark")).created());
		double totalMs = (System.nanoTime() - started) / 1e6;
		return new Timed(what, communes.size(), 0, rulesMs() - rulesBefore, totalMs, database.count("decision"),
				database.count("decision_evidence"), Benchmarks.loadAverage());
	}

	private static void require(boolean created) {
		if (!created) {
			throw new IllegalStateException("the run was found already stored: the tables were not empty");
		}
	}

	@Override
	public void close() {
		context.close();
	}

}
