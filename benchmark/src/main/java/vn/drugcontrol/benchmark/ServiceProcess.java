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

	private ServiceProcess(Process process, Path log, int port, double startupMs) {
		this.process = process;
		this.log = log;
		this.port = port;
		this.startupMs = startupMs;
	}

	static ServiceProcess start(Path jar, Database database, List<String> jvmOptions, HttpClient http)
			throws IOException, InterruptedException {
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Path log = Files.createTempFile("classifier-service", ".log");
		List<String> command = new ArrayList<>();
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(jvmOptions);
		command.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
				"--spring.datasource.url=" + database.jdbcUrl(), "--spring.datasource.username=" + database.user(),
				"--spring.datasource.password=" + database.password(),
				// one local user for the benchmark's calls, with a password made for this
				// start only
				"--classifier.security.local-users[0].name=" + USER,
				"--classifier.security.local-users[0].password={bcrypt}"
						+ new BCryptPasswordEncoder(4).encode(PASSWORD),
				"--classifier.security.local-users[0].roles[0]=OFFICER",
				"--classifier.security.local-users[0].province=*"));
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
			if (System.nanoTime() - started > Duration.ofMinutes(3).toNanos()) {
				process.destroyForcibly();
				throw new IllegalStateException("the service did not start in 3 minutes; its log: " + log);
			}
			Thread.sleep(20);
		}
		return new ServiceProcess(process, log, port, (System.nanoTime() - started) / 1e6);
	}

	static final String USER = "benchmark";

	private static final String PASSWORD = java.util.UUID.randomUUID().toString();

	/** The value of an {@code Authorization} header for the benchmark's user. */
	static String authorization() {
		return "Basic " + java.util.Base64.getEncoder()
			.encodeToString((USER + ":" + PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8));
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
