package vn.drugcontrol.benchmark;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;

import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The service as users run it: {@code java -jar classifier.jar} in a process of its own,
 * on the benchmark database; its start-up time and resident memory (RSS, from
 * {@code /proc}).
 */
final class ServiceProcess implements AutoCloseable {

	private static final Pattern STARTED = Pattern.compile("Started ClassifierApplication in ([0-9.]+) seconds");

	private final Process process;

	private final Path log;

	private final int port;

	/** From launching java to the first healthy answer. */
	private final double startupMs;

	/** The JDK's {@code jcmd}, next to the {@code java} that runs the service. */
	private final Path jcmd;

	private ServiceProcess(Process process, Path log, int port, double startupMs, Path jcmd) {
		this.jcmd = jcmd;
		this.process = process;
		this.log = log;
		this.port = port;
		this.startupMs = startupMs;
	}

	/**
	 * How to launch the service: which {@code java}, its options, which jar.
	 */
	record Launch(String java, List<String> jvmOptions, Path jar, String description) {

		/** The jar as built ({@code java -jar classifier.jar}), on this JVM's java. */
		static Launch fatJar(Path jar, List<String> jvmOptions) {
			String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
			return new Launch(java, jvmOptions, jar,
					"java -jar classifier.jar on Java " + System.getProperty("java.specification.version"));
		}

	}

	/**
	 * The production recipe of docs/operations.md: the jar extracted
	 * ({@code -Djarmode=tools extract}), and an AOT cache of the classes the start-up
	 * loads, recorded by a training start that stops once the context is up (JDK 24 and
	 * later: {@code -XX:AOTCacheOutput}, then {@code -XX:AOTCache}).
	 */
	static Launch release(Path jar, String java, List<String> jvmOptions, Database database, Path directory)
			throws IOException, InterruptedException {
		run(List.of(java, "-Djarmode=tools", "-jar", jar.toString(), "extract", "--force", "--destination",
				directory.toString()));
		Path extracted = directory.resolve(jar.getFileName());
		Path cache = directory.resolve("classifier.aot");
		List<String> training = new ArrayList<>(List.of(java, "-XX:AOTCacheOutput=" + cache,
				"-Dspring.context.exit=onRefresh", "-jar", extracted.toString()));
		training.addAll(databaseArguments(database));
		run(training);
		List<String> options = new ArrayList<>(jvmOptions);
		options.add("-XX:AOTCache=" + cache);
		return new Launch(java, options, extracted, "extracted jar with an AOT cache, " + java);
	}

	private static void run(List<String> command) throws IOException, InterruptedException {
		Path log = Files.createTempFile("classifier-release", ".log");
		Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		if (p.waitFor() != 0) {
			throw new IllegalStateException(String.join(" ", command) + " failed; its log: " + log);
		}
		Files.delete(log);
	}

	private static List<String> databaseArguments(Database database) {
		return List.of("--spring.datasource.url=" + database.jdbcUrl(),
				"--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password());
	}

	static ServiceProcess start(Launch launch, Database database, HttpClient http)
			throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = Files.createTempFile("classifier-service", ".log");
		List<String> command = new ArrayList<>();
		command.add(launch.java());
		command.addAll(launch.jvmOptions());
		command.addAll(List.of("-jar", launch.jar().toString(), "--server.port=" + port));
		command.addAll(databaseArguments(database));
		command.addAll(List.of(
				// one local user for the benchmark's calls, with a password made for this
				// start only
				"--classifier.security.local-users[0].name=" + USER,
				"--classifier.security.local-users[0].password={bcrypt}"
						+ new BCryptPasswordEncoder(4).encode(PASSWORD),
				"--classifier.security.local-users[0].roles[0]=OFFICER",
				// to make the API token the evaluations are sent with
				"--classifier.security.local-users[0].roles[1]=ADMIN",
				"--classifier.security.local-users[0].province=*",
				// the reads' benchmark: approvals of the People's Committee, and a second
				// approver for the overrides (dual control) and the Ministry's approval
				"--classifier.security.local-users[0].roles[2]=APPROVER",
				"--classifier.security.local-users[1].name=" + SECOND_APPROVER,
				"--classifier.security.local-users[1].password={bcrypt}"
						+ new BCryptPasswordEncoder(4).encode(PASSWORD),
				"--classifier.security.local-users[1].roles[0]=APPROVER",
				"--classifier.security.local-users[1].roles[1]=MINISTRY",
				"--classifier.security.local-users[1].province=*"));
		long started = System.nanoTime();
		Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
		URI health = URI.create("http://127.0.0.1:" + port + "/actuator/health");
		while (true) {
			if (!process.isAlive()) {
				throw new IllegalStateException("the service stopped at start-up; its log: " + log);
			}
			try {
				HttpResponse<Void> r = http.send(HttpRequest.newBuilder(health).timeout(Duration.ofSeconds(2)).build(),
						HttpResponse.BodyHandlers.discarding());
				if (r.statusCode() == 200) {
					break;
				}
			}
			catch (IOException ex) {
				// not listening yet
			}
			if (System.nanoTime() - started > Duration.ofMinutes(10).toNanos()) {
				process.destroyForcibly();
				throw new IllegalStateException("the service did not start in 10 minutes; its log: " + log);
			}
			Thread.sleep(20);
		}
		return new ServiceProcess(process, log, port, (System.nanoTime() - started) / 1e6,
				Path.of(launch.java()).resolveSibling("jcmd"));
	}

	static final String USER = "benchmark";

	/** A second approver (and the Ministry): dual control of overrides. */
	static final String SECOND_APPROVER = "benchmark-approver";

	private static final String PASSWORD = java.util.UUID.randomUUID().toString();

	/** The value of an {@code Authorization} header for the benchmark's user. */
	static String authorization() {
		return basic(USER);
	}

	/** The same for the second approver. */
	static String secondApproverAuthorization() {
		return basic(SECOND_APPROVER);
	}

	private static String basic(String user) {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((user + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}

	/** The benchmark users' password, made for this run (the console's sign-in form). */
	static String password() {
		return PASSWORD;
	}

	/**
	 * A new API token ({@code Authorization: Bearer cls_…}), as other systems call the
	 * API: looked up by its SHA-256. HTTP Basic checks a BCrypt hash on every request
	 * (tens of milliseconds of CPU at the recommended cost), which is for people, not for
	 * 200 requests a second.
	 */
	String apiToken(HttpClient http) throws IOException, InterruptedException {
		return apiToken(http, "[\"API_CLIENT\"]", null);
	}

	/** A new API token with these roles (a JSON array) and province scope. */
	String apiToken(HttpClient http, String roles, String province) throws IOException, InterruptedException {
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(uri("/api/v1/api-tokens"))
			.header("Authorization", authorization())
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"clientName\":\"benchmark\",\"roles\":" + roles
					+ (province == null ? "" : ",\"provinceCode\":\"" + province + "\"") + "}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher m = Pattern.compile("\"token\"\\s*:\\s*\"(cls_[^\"]+)\"").matcher(r.body());
		if (r.statusCode() != 201 || !m.find()) {
			throw new IllegalStateException("no API token: " + r.statusCode() + " " + r.body());
		}
		return "Bearer " + m.group(1);
	}

	URI uri(String path) {
		return URI.create("http://127.0.0.1:" + port + path);
	}

	double startupMs() {
		return startupMs;
	}

	/** Spring Boot's own figure ("Started … in 6.1 seconds"), in milliseconds. */
	double reportedStartupMs() {
		try {
			Matcher m = STARTED.matcher(Files.readString(log));
			return m.find() ? Double.parseDouble(m.group(1)) * 1000 : Double.NaN;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** Resident set size of the service's JVM, in bytes. */
	long rssBytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
				if (line.startsWith("VmRSS:")) {
					return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
				}
			}
			return -1;
		}
		catch (IOException ex) {
			return -1; // not Linux
		}
	}

	private static final Pattern HEAP_USED = Pattern
		// the generations' lines of each collector, as JDK 17 and JDK 25 name them
		.compile("^\\s*(?:def new|defnew|tenured|garbage-first|psyounggen|paroldgen)[^\\n]*?used (\\d+)K",
				Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);

	/**
	 * The heap in use right after a full collection ({@code jcmd GC.run}, then
	 * {@code GC.heap_info}), in bytes: what the service keeps alive. Growing from step to
	 * step would be a leak; resident memory alone hides it behind the heap's size.
	 */
	long heapAfterFullGc() throws IOException, InterruptedException {
		String pid = String.valueOf(process.pid());
		jcmd(pid, "GC.run");
		Matcher m = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
		long used = 0;
		while (m.find()) {
			used += Long.parseLong(m.group(1)) * 1024;
		}
		return used;
	}

	private String jcmd(String pid, String command) throws IOException, InterruptedException {
		Process p = new ProcessBuilder(jcmd.toString(), pid, command).redirectErrorStream(true).start();
		String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
		if (p.waitFor() != 0) {
			throw new IllegalStateException("jcmd " + command + " failed: " + out);
		}
		return out;
	}

	@Override
	public void close() throws InterruptedException {
		process.destroy();
		if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
			process.destroyForcibly();
		}
		try {
			Files.deleteIfExists(log);
		}
		catch (IOException ex) {
			// a temporary file
		}
	}

}
