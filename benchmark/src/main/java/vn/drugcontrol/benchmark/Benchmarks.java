package vn.drugcontrol.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.engine.RuleSetSource;
import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.rules.proof.ExhaustiveCheck;
import vn.drugcontrol.rules.proof.Proof;

/**
 * All the benchmarks in one run, one report (Markdown, on standard output and in
 * {@code --out}): what {@code ./benchmark/run} starts. Options, all optional:
 * <ul>
 * <li>{@code --smoke}: each benchmark once, tiny, to show that they work (the build's
 * test); no figure of a smoke means anything;</li>
 * <li>{@code --only=builds,rules,proofs,runs,service,reads}: a part of them;</li>
 * <li>{@code --periods=10}, {@code --requests=200}, {@code --warm-up=20}: the reads over
 * years of national data; {@code --seed-for=10m} starts no new period after that time;
 * {@code --reuse} reads what a previous {@code reads} left in the database (it keeps its
 * data with {@code --keep}), seeding only the periods it lacks; ten periods are 2020 to
 * 2029, the importer taking no period before 2020;</li>
 * <li>{@code --communes=100000}, {@code --factor=20}, {@code --rate=200},
 * {@code --latency=30s}, {@code --soak=10m}, {@code --clients=8};</li>
 * <li>{@code --jar=service/target/classifier.jar}, {@code --service-jvm="-Xmx256m ..."}
 * (default {@value #PRODUCTION_JVM}), {@code --release-java=/path/to/jdk-25/bin/java}:
 * the service also started as production does (extracted jar, AOT cache), which needs JDK
 * 24 or later;</li>
 * <li>{@code --out=benchmark/target/report.md}.</li>
 * </ul>
 * The database: {@code BENCH_DB_URL} (default {@value Database#DEFAULT_URL}),
 * {@code BENCH_DB_USER}, {@code BENCH_DB_PASSWORD} (default {@code classifier}).
 */
public final class Benchmarks {

	/**
	 * The JVM options docs/operations.md gives for production: a heap sized for RSS ≤ 512
	 * MiB.
	 */
	static final String PRODUCTION_JVM = "-Xmx256m -XX:+UseSerialGC";

	private final Map<String, String> options;

	private final boolean smoke;

	private final List<String> report = new ArrayList<>();

	private final HttpClient http = HttpClient.newBuilder()
		.version(HttpClient.Version.HTTP_1_1)
		.connectTimeout(Duration.ofSeconds(5))
		.build();

	Benchmarks(Map<String, String> options) {
		this.options = options;
		this.smoke = options.containsKey("smoke");
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> options = new HashMap<>();
		for (String arg : args) {
			String a = arg.replaceFirst("^--", "");
			int eq = a.indexOf('=');
			options.put(eq < 0 ? a : a.substring(0, eq), eq < 0 ? "" : a.substring(eq + 1));
		}
		Database database = Database.fromEnvironment("BENCH_DB_URL", "BENCH_DB_USER", "BENCH_DB_PASSWORD",
				Database.DEFAULT_URL);
		List<String> report = new Benchmarks(options).run(database);
		Path out = Path.of(options.getOrDefault("out", "benchmark/target/report.md"));
		Files.createDirectories(out.toAbsolutePath().getParent());
		Files.write(out, report, StandardCharsets.UTF_8);
		System.out.println("\nreport written to " + out);
		System.exit(0);
	}

	/** Runs the benchmarks asked for; with no database, those that need none. */
	List<String> run(Database database) throws Exception {
		Set<String> parts = Set.of(options.getOrDefault("only", "builds,rules,proofs,runs,service,reads").split(","));
		line("# Benchmarks" + (smoke ? " (smoke: these figures mean nothing)" : ""));
		line("");
		line("%s · %s · %d cores · %s · Java %s · load average %s",
				OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS), cpuModel(),
				Runtime.getRuntime().availableProcessors(), memTotal(), System.getProperty("java.version"),
				loadAverage());
		line("");
		if (parts.contains("builds")) {
			builds();
		}
		if (parts.contains("rules")) {
			rules();
		}
		if (parts.contains("proofs")) {
			proofs();
		}
		if (database != null && parts.contains("runs")) {
			runs(database);
		}
		if (database != null && parts.contains("service")) {
			service(database);
		}
		if (database != null && parts.contains("reads")) {
			reads(database);
		}
		return report;
	}

	/** Rule-set builds from DRL: first, so that the first build is as at start-up. */
	private void builds() {
		int factor = integer("factor", smoke ? 2 : 20);
		List<RuleSetSource> sources = List.of(ShippedRuleSets.source(ShippedRuleSets.DEFAULT),
				ShippedRuleSets.source(ShippedRuleSets.LITERAL), RuleSetBuilds.generated(factor));
		List<RuleSetBuilds.Build> builds = RuleSetBuilds.measure(sources, smoke ? 0 : 3);
		section("Rule-set build from DRL text");
		line("| rule set | files | rules | DRL | first build in this JVM | best of 3 more | heap kept |");
		line("|---|---|---|---|---|---|---|");
		for (RuleSetBuilds.Build b : builds) {
			line("| %s | %d | %d | %.0f KiB | %.0f ms | %.0f ms | %.1f MiB |", b.name(), b.files(), b.rules(),
					b.drlBytes() / 1024.0, b.firstMs(), b.bestMs(), b.retainedBytes() / 1048576.0);
		}
	}

	/** Drools against plain Java, JMH. */
	private void rules() throws Exception {
		int communes = integer("communes", smoke ? 500 : 100_000);
		ChainedOptionsBuilder jmh = new OptionsBuilder().include(ClassificationBenchmark.class.getName())
			.param("communes", String.valueOf(communes))
			.shouldFailOnError(true);
		if (smoke) {
			jmh.forks(0)
				.warmupIterations(0)
				.measurementIterations(1)
				.measurementTime(TimeValue.milliseconds(10))
				.param("sessionSize", "100");
		}
		Collection<RunResult> results = new Runner(jmh.build()).run();
		Map<String, RunResult> byName = results.stream()
			.collect(Collectors.toMap(r -> r.getParams().getBenchmark().replaceFirst(".*\\.", ""), r -> r));
		RunResult drools = byName.get("drools");
		RunResult plain = byName.get("plainJava");
		double droolsMs = drools.getPrimaryResult().getScore();
		double plainMs = plain.getPrimaryResult().getScore();
		section("Classification: Drools vs plain Java (JMH, same communes, same JVM)");
		line("| classifier | %,d communes | ± (99.9%%) | per commune | communes/s |", communes);
		line("|---|---|---|---|---|");
		for (RunResult r : List.of(drools, plain)) {
			double ms = r.getPrimaryResult().getScore();
			line("| %s | %.1f ms | %.1f ms | %.2f µs | %,.0f |",
					r == drools ? "Drools, default rule set, sessions of " + r.getParams().getParam("sessionSize")
							+ " communes" : "plain-Java baseline",
					ms, r.getPrimaryResult().getScoreError(), ms * 1000 / communes, communes / (ms / 1000));
		}
		line("");
		line("**Ratio: Drools takes %.1f× the plain-Java time per commune** (target ≤ 20×). Load average %s.",
				droolsMs / plainMs, loadAverage());
	}

	/**
	 * The exhaustive check of each shipped rule set (issue 15: within 10 s on two cores):
	 * first in this JVM (as on the first upload after start-up), then the best of 3 more.
	 */
	private void proofs() {
		section("Exhaustive check of a rule set (every combination of bands, rules' sessions of 100 on every core)");
		line("Wall time, and the process's CPU time over it (on a machine shared with other work the wall time "
				+ "grows with the load; the CPU time over the cores is what two idle cores need).");
		line("");
		line("| rule set | cells | first in this JVM: wall (CPU) | best of 3 more: wall (CPU) | proven | unclassified | counterexamples | load average |");
		line("|---|---|---|---|---|---|---|---|");
		for (String name : ShippedRuleSets.names()) {
			vn.drugcontrol.rules.engine.RuleSet rules = ShippedRuleSets.compiled(name);
			long cpu = processCpuNanos();
			long started = System.nanoTime();
			Proof proof = ExhaustiveCheck.of(rules);
			String first = String.format("%.0f ms (%.0f ms)", (System.nanoTime() - started) / 1e6,
					(processCpuNanos() - cpu) / 1e6);
			double best = Double.MAX_VALUE;
			double bestCpu = Double.MAX_VALUE;
			for (int i = 0; i < (smoke ? 0 : 3); i++) {
				long c = processCpuNanos();
				long again = System.nanoTime();
				ExhaustiveCheck.of(rules);
				best = Math.min(best, (System.nanoTime() - again) / 1e6);
				bestCpu = Math.min(bestCpu, (processCpuNanos() - c) / 1e6);
			}
			line("| %s | %,d | %s | %s | %s | %,d | %,d | %s |", name, proof.cells(), first,
					smoke ? "—" : String.format("%.0f ms (%.0f ms)", best, bestCpu), proof.proven() ? "yes" : "no",
					proof.unclassifiedCells(), proof.counterexampleCount(), loadAverage());
		}
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
			.getOperatingSystemMXBean()).getProcessCpuTime();
	}

	/** Runs end to end in-process: national and synthetic single batch. */
	private void runs(Database database) {
		int communes = integer("communes", smoke ? 500 : 100_000);
		List<CommuneFacts> national = SyntheticFacts2025.national();
		Map<String, byte[]> files = EndToEnd.provinceFiles(national);
		if (smoke) {
			files = files.entrySet()
				.stream()
				.limit(2)
				.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a,
						java.util.LinkedHashMap::new));
		}
		List<CommuneFacts> synthetic = Communes.generate(communes);
		section("Runs end to end: import → rules → stored with evidence (in-process, MariaDB on loopback)");
		line("| run | communes | import | rules (Drools sessions) | total | per commune | decisions stored | evidence rows | load average |");
		line("|---|---|---|---|---|---|---|---|---|");
		try (EndToEnd e2e = new EndToEnd(database)) {
			List<EndToEnd.Timed> timed = new ArrayList<>();
			timed.add(e2e.national("national, first (cold JVM): " + files.size() + " province runs", files));
			if (!smoke) {
				timed.add(e2e.national("national, again (warm): " + files.size() + " province runs", files));
			}
			timed.add(e2e.single("synthetic, one run", synthetic));
			for (EndToEnd.Timed t : timed) {
				line("| %s | %,d | %s | %.2f s | **%.2f s** | %.1f µs | %,d | %,d | %s |", t.what(), t.communes(),
						t.importMs() > 0 ? String.format(Locale.ROOT, "%.2f s", t.importMs() / 1000) : "not imported",
						t.rulesMs() / 1000, t.totalMs() / 1000, t.totalMs() * 1000 / t.communes(), t.decisions(),
						t.evidence(), t.loadAverage());
			}
		}
		database.empty();
	}

	/** The service as a process: start-up, memory, API latency, soak. */
	private void service(Database database) throws Exception {
		Path jar = Path.of(options.getOrDefault("jar", "service/target/classifier.jar"));
		if (!Files.exists(jar)) {
			throw new IllegalStateException(jar.toAbsolutePath() + " is missing: build it (./mvnw package)");
		}
		List<String> jvm = Arrays.asList(options.getOrDefault("service-jvm", PRODUCTION_JVM).trim().split("\\s+"));
		int rate = integer("rate", smoke ? 20 : 200);
		Duration latency = duration("latency", smoke ? "1s" : "30s");
		Duration soak = duration("soak", smoke ? "1s" : "10m");
		int clients = integer("clients", 8);
		database.empty();
		ServiceProcess.Launch quickStart = ServiceProcess.Launch.fatJar(jar, jvm);
		ServiceProcess.Launch launch = options.containsKey("release-java") ? ServiceProcess.release(jar,
				options.get("release-java"), jvm, database, Path.of("benchmark/target/release")) : quickStart;
		section("The service as a process (" + String.join(" ", jvm) + ", MariaDB on loopback)");
		line("| figure | value | target | load average |");
		line("|---|---|---|---|");
		if (launch != quickStart) {
			try (ServiceProcess service = ServiceProcess.start(quickStart, database, http)) {
				startup(service, quickStart);
			}
		}
		try (ServiceProcess service = ServiceProcess.start(launch, database, http)) {
			startup(service, launch);
			line("| RSS after start-up | %.0f MiB | | |", service.rssBytes() / 1048576.0);
			Map<String, byte[]> files = EndToEnd.provinceFiles(SyntheticFacts2025.national());
			if (smoke) {
				files = Map.of(files.keySet().iterator().next(), files.values().iterator().next());
			}
			long started = System.nanoTime();
			for (Map.Entry<String, byte[]> file : files.entrySet()) {
				upload(service, file.getKey(), file.getValue());
			}
			line("| national run over HTTP: %d CSV uploads, one after the other | **%.2f s** | ≤ 2 s | %s |",
					files.size(), (System.nanoTime() - started) / 1e9, loadAverage());
			line("| RSS after the national run | **%.0f MiB** | ≤ 512 MiB | |", service.rssBytes() / 1048576.0);
			Load load = new Load(http, service.uri("/api/v1/evaluations"), SyntheticFacts2025.national().get(0),
					service.apiToken(http));
			load.check();
			load.fixedRate("warm-up", rate, smoke ? Duration.ofSeconds(1) : Duration.ofSeconds(10));
			Load.Result fixed = load.fixedRate("fixed rate", rate, latency);
			line("| single evaluation at %d req/s for %ds: p50 / p99 / max | %.1f / **%.1f** / %.1f ms (%d errors) | p99 ≤ 25 ms | %s |",
					rate, latency.toSeconds(), fixed.p50Ms(), fixed.p99Ms(), fixed.maxMs(), fixed.errors(),
					loadAverage());
			Load.Result max = load.closedLoop("max", clients, latency);
			line("| maximum throughput, %d clients for %ds | **%,.0f req/s** (p50 %.1f ms, p99 %.1f ms, %d errors) | | %s |",
					clients, latency.toSeconds(), max.perSecond(), max.p50Ms(), max.p99Ms(), max.errors(),
					loadAverage());
			line("| RSS after the load | %.0f MiB | ≤ 512 MiB | |", service.rssBytes() / 1048576.0);
			soak(service, load, rate, soak);
		}
		database.empty();
	}

	/**
	 * Every national and province read, console and API, over {@code --periods} periods
	 * of national data stored with their approvals and overrides: p95 ≤ 200 ms each.
	 */
	private void reads(Database database) throws Exception {
		Path jar = Path.of(options.getOrDefault("jar", "service/target/classifier.jar"));
		List<String> jvm = Arrays.asList(options.getOrDefault("service-jvm", PRODUCTION_JVM).trim().split("\\s+"));
		int periods = integer("periods", smoke ? 2 : 10);
		int requests = integer("requests", smoke ? 3 : 200);
		int warmUp = integer("warm-up", smoke ? 1 : 20);
		ServiceProcess.Launch launch = options.containsKey("release-java") ? ServiceProcess.release(jar,
				options.get("release-java"), jvm, database, Path.of("benchmark/target/release"))
				: ServiceProcess.Launch.fatJar(jar, jvm);
		section("Reads over " + periods + " periods of national data (" + launch.description() + ", "
				+ String.join(" ", jvm) + ")");
		boolean reuse = options.containsKey("reuse");
		if (!reuse) {
			database.empty();
		}
		try (ServiceProcess service = ServiceProcess.start(launch, database, http)) {
			Reads reads = new Reads(service, http, database);
			long before = reuse ? reads.storedRuns() : 0;
			// every province of a period reports to the Ministry, which approves it: the
			// national list and its reads at full size (3,321 communes a period). With
			// --reuse, only the periods an earlier run did not store are seeded
			Reads.Seeded seeded = reads.seed(periods, smoke ? 2 : Integer.MAX_VALUE, smoke ? 1 : Integer.MAX_VALUE,
					duration("seed-for", "24h"));
			if (before > 0) {
				line("Data: reused from an earlier run (%,d runs stored), %,d province runs added in %.0f s; %d periods.",
						before, seeded.runs(), seeded.seconds(), seeded.periods());
			}
			else {
				line("Data: %d periods, %,d province runs uploaded over HTTP, each submitted, with one override proposed and confirmed by a second approver, and approved; Ministry reports approved for %d province-periods (%d refused); seeded in %.0f s (load average %s).",
						seeded.periods(), seeded.runs(), seeded.ministryApproved(), seeded.ministryRefused(),
						seeded.seconds(), loadAverage());
			}
			Reads.Subject subject = reads.subject();
			line("");
			line("Read about province %s, period %d (run %d, decision %d, commune %s); %d requests each after %d of warm-up, one after the other; console pages with a form-login session, the API with an API token. Load average before: %s.",
					subject.province(), subject.period(), subject.run(), subject.decision(), subject.commune(),
					requests, warmUp, loadAverage());
			line("");
			line("| read | path | p50 | p95 | p99 | max | p95 ≤ 200 ms |");
			line("|---|---|---|---|---|---|---|");
			int[] met = { 0 };
			List<Reads.Measured> measured = reads.measure(Reads.endpoints(subject), warmUp, requests, m -> {
				if (m.status() != 200) {
					line("| %s | `%s` | HTTP %d | | | | **not measured** |", m.kind(), m.path(), m.status());
					return;
				}
				boolean ok = m.ms(95) <= 200;
				met[0] += ok ? 1 : 0;
				line("| %s | `%s` | %.1f ms | %s%.1f ms%s | %.1f ms | %.1f ms | %s |", m.kind(), m.path(), m.ms(50),
						ok ? "" : "**", m.ms(95), ok ? "" : "**", m.ms(99), m.maxMs(), ok ? "yes" : "**no**");
			});
			line("");
			line("**%d of %d reads met p95 ≤ 200 ms.** Load average after: %s.", met[0], measured.size(),
					loadAverage());
		}
		if (!options.containsKey("keep")) {
			database.empty();
		}
	}

	private void startup(ServiceProcess service, ServiceProcess.Launch launch) {
		line("| start-up, %s: java launched → /actuator/health UP | **%.1f s** (Spring Boot's \"Started … in\": %.1f s) | ≤ 8 s | %s |",
				launch.description(), service.startupMs() / 1000, service.reportedStartupMs() / 1000, loadAverage());
	}

	/**
	 * Evaluations at a fixed rate and a new province run every step, RSS sampled after
	 * each step: does memory grow?
	 */
	private void soak(ServiceProcess service, Load load, int rate, Duration soak) throws Exception {
		Duration step = smoke ? Duration.ofSeconds(1) : Duration.ofSeconds(30);
		long steps = Math.max(1, soak.toSeconds() / step.toSeconds());
		List<Long> rss = new ArrayList<>();
		List<Long> heap = new ArrayList<>();
		double worstP99 = 0;
		long errors = 0;
		String province = "04";
		for (long i = 0; i < steps; i++) {
			List<CommuneFacts> facts = vn.drugcontrol.service.samples.SyntheticFacts.generate(1000 + i, Communes.PERIOD)
				.stream()
				.filter(c -> c.provinceCode().equals(province))
				.toList();
			upload(service, "soak-" + i + ".csv", EndToEnd.provinceFiles(facts).values().iterator().next());
			Load.Result r = load.fixedRate("soak", rate, step);
			worstP99 = Math.max(worstP99, r.p99Ms());
			errors += r.errors();
			rss.add(service.rssBytes());
			heap.add(service.heapAfterFullGc());
		}
		long first = rss.get(0);
		long last = rss.get(rss.size() - 1);
		long peak = rss.stream().mapToLong(Long::longValue).max().orElse(0);
		line("| soak %s: %d req/s and one province run every %ds | RSS %.0f MiB after the first step → %.0f MiB at the end (peak %.0f MiB, %+.0f MiB); worst step p99 %.1f ms; %d errors | no growth | %s |",
				soak, rate, step.toSeconds(), first / 1048576.0, last / 1048576.0, peak / 1048576.0,
				(last - first) / 1048576.0, worstP99, errors, loadAverage());
		line("");
		line("RSS after each step (MiB): %s", mebibytes(rss));
		line("");
		line("Heap in use after a full collection, after each step (MiB; the collection is forced with jcmd GC.run): %s",
				mebibytes(heap));
	}

	private static String mebibytes(List<Long> bytes) {
		return bytes.stream()
			.map(b -> String.format(Locale.ROOT, "%.1f", b / 1048576.0))
			.collect(Collectors.joining(", "));
	}

	private void upload(ServiceProcess service, String name, byte[] csv) throws Exception {
		String boundary = "----benchmark" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpRequest request = HttpRequest.newBuilder(service.uri("/api/v1/runs"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("X-User", "benchmark")
			.header("Authorization", ServiceProcess.authorization())
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, csv, tail)))
			.build();
		HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 201) {
			throw new IllegalStateException(name + ": " + r.statusCode() + " " + r.body());
		}
	}

	private void section(String title) {
		line("");
		line("## " + title);
		line("");
	}

	private void line(String format, Object... args) {
		String text = args.length == 0 ? format : String.format(Locale.ROOT, format, args);
		report.add(text);
		System.out.println(text);
	}

	private int integer(String name, int fallback) {
		return options.containsKey(name) ? Integer.parseInt(options.get(name)) : fallback;
	}

	private Duration duration(String name, String fallback) {
		String v = options.getOrDefault(name, fallback).strip().toLowerCase(Locale.ROOT);
		long n = Long.parseLong(v.replaceAll("[a-z]+$", ""));
		return v.endsWith("m") ? Duration.ofMinutes(n) : v.endsWith("h") ? Duration.ofHours(n) : Duration.ofSeconds(n);
	}

	static String loadAverage() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
			return f[0] + " " + f[1] + " " + f[2];
		}
		catch (IOException ex) {
			return String.format(Locale.ROOT, "%.2f",
					ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		}
	}

	private static String cpuModel() {
		try {
			return Files.readAllLines(Path.of("/proc/cpuinfo"))
				.stream()
				.filter(l -> l.startsWith("model name"))
				.findFirst()
				.map(l -> l.replaceFirst(".*:\\s*", ""))
				.orElse("?");
		}
		catch (IOException ex) {
			return System.getProperty("os.arch");
		}
	}

	private static String memTotal() {
		try {
			return Files.readAllLines(Path.of("/proc/meminfo"))
				.stream()
				.filter(l -> l.startsWith("MemTotal"))
				.findFirst()
				.map(l -> Math.round(Long.parseLong(l.replaceAll("[^0-9]", "")) / 1048576.0) + " GiB RAM")
				.orElse("?");
		}
		catch (IOException ex) {
			return "?";
		}
	}

}
