package vn.drugcontrol.distribution;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The release archive as an operator gets it: unpacked with {@code tar}, configured from
 * its example configuration, started with {@code bin/classifier} as a real process, and
 * stopped with SIGTERM as systemd stops it. The production database is replaced by an
 * in-memory H2 through the environment ({@code SPRING_DATASOURCE_*}), which wins over
 * {@code config/application.yml}, so the example itself is what the service reads.
 */
class DistributionIT {

	private static final Duration START_UP = Duration.ofMinutes(10);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	@TempDir
	static Path unpacked;

	static Path home;

	private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

	@BeforeAll
	static void unpackTheArchive() throws Exception {
		Path archive = Path.of(System.getProperty("distribution.archive"));
		assertThat(archive).exists();
		Process tar = new ProcessBuilder("tar", "-xzf", archive.toString(), "-C", unpacked.toString())
			.redirectErrorStream(true)
			.start();
		String output = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
		assertThat(tar.waitFor()).as("tar: %s", output).isZero();
		home = unpacked.resolve(System.getProperty("distribution.name"));
	}

	@Test
	void theArchiveHoldsTheJarScriptConfigurationUnitAndSbom() {
		assertThat(home.resolve("bin/classifier")).isExecutable();
		assertThat(home.resolve("lib/classifier.jar")).isRegularFile();
		assertThat(home.resolve("config/application.yml.example")).content()
			.contains("active: prod", "jdbc:mariadb://", "issuer-uri:", "{bcrypt}");
		assertThat(home.resolve("systemd/classifier.service")).content()
			.contains("User=classifier", "ExecStart=/opt/classifier/bin/classifier start", "Restart=on-failure",
					"NoNewPrivileges=yes", "ProtectSystem=strict");
		assertThat(home.resolve("README.md")).content().contains(System.getProperty("distribution.name") + ".tar.gz");
	}

	@Test
	void theSbomListsTheServiceAndWhatItRunsOn() throws IOException {
		JsonNode bom = JSON.readTree(home.resolve("sbom/classifier-bom.json").toFile());
		assertThat(bom.path("bomFormat").asString()).isEqualTo("CycloneDX");
		assertThat(bom.path("metadata").path("component").path("name").asString()).isEqualTo("service");
		List<String> components = new ArrayList<>();
		bom.path("components")
			.forEach((component) -> components.add(component.path("group").asString() + ":"
					+ component.path("name").asString() + ":" + component.path("version").asString()));
		assertThat(components).contains("org.drools:drools-core:" + System.getProperty("drools.version"),
				"vn.drugcontrol:rules:" + bom.path("metadata").path("component").path("version").asString());
		assertThat(components).anyMatch((c) -> c.startsWith("org.springframework.boot:spring-boot:"))
			.anyMatch((c) -> c.startsWith("org.mariadb.jdbc:mariadb-java-client:"))
			.noneMatch((c) -> c.startsWith("org.junit.jupiter:"));
	}

	/** Java 17, as CI builds and tests it: no AOT cache, the jar as it is in lib/. */
	@Test
	void theServiceStartsFromTheArchiveWithTheExampleConfigurationAndStopsOnSigterm() throws Exception {
		configureFromTheExample();
		// as unpacked: not trained (the other test may have trained it on JDK 25)
		deleteRecursively(home.resolve("app"));
		Service service = start(Path.of(System.getProperty("java.home")), "");
		try {
			service.awaitHealthUp();
			// the example's prod profile: no quick-start admin, every API call needs a
			// user
			assertThat(service.get("/api/v1/runs").statusCode()).isEqualTo(401);
			assertThat(service.log()).contains("profile is active: \"prod\"").doesNotContain("Quick start:");
			assertThat(commandLine(service.process)).contains("-XX:+ExitOnOutOfMemoryError",
					"-Dspring.config.additional-location=optional:file:" + home.resolve("config") + "/",
					home.resolve("lib/classifier.jar").toString());
		}
		finally {
			service.stop();
		}
		assertThat(service.process.exitValue()).as("exit status after SIGTERM; log:%n%s", service.log()).isEqualTo(143);
	}

	/**
	 * JDK 25 or later, where there is one: {@code train} extracts the jar and records the
	 * AOT cache; {@code start} then runs the extracted jar with the cache, which the JVM
	 * must use ({@code -XX:AOTMode=on} makes an unusable cache an error).
	 */
	@Test
	void onJdk25TrainRecordsAnAotCacheThatStartUses() throws Exception {
		Optional<Path> jdk = jdk25OrLater();
		assumeTrue(jdk.isPresent(), "no JDK 25 or later under /usr/lib/jvm");
		configureFromTheExample();
		Path work = Files.createTempDirectory(unpacked, "train");
		Process train = process(jdk.get(), "", work, "train").start();
		assertThat(train.waitFor(START_UP.toSeconds(), TimeUnit.SECONDS)).as("train finished").isTrue();
		String trainLog = Files.readString(work.resolve("classifier.log"));
		assertThat(train.exitValue()).as("train; log:%n%s", trainLog).isZero();
		assertThat(home.resolve("app/classifier.jar")).isRegularFile();
		assertThat(home.resolve("app/classifier.aot")).isRegularFile();

		Service service = start(jdk.get(), "-XX:AOTMode=on");
		try {
			service.awaitHealthUp();
			assertThat(commandLine(service.process)).contains("-XX:AOTCache=" + home.resolve("app/classifier.aot"),
					home.resolve("app/classifier.jar").toString());
		}
		finally {
			service.stop();
		}
		assertThat(service.process.exitValue()).as("exit status after SIGTERM; log:%n%s", service.log()).isEqualTo(143);
	}

	/** What the operator does first: config/application.yml from the example. */
	private static void configureFromTheExample() throws IOException {
		Files.copy(home.resolve("config/application.yml.example"), home.resolve("config/application.yml"),
				StandardCopyOption.REPLACE_EXISTING);
	}

	private static void deleteRecursively(Path directory) throws IOException {
		if (Files.exists(directory)) {
			try (Stream<Path> paths = Files.walk(directory)) {
				for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
					Files.delete(path);
				}
			}
		}
	}

	private Service start(Path javaHome, String javaOpts) throws IOException {
		Path work = Files.createTempDirectory(unpacked, "work");
		int port;
		try (ServerSocket socket = new ServerSocket(0)) {
			port = socket.getLocalPort();
		}
		Process process = process(javaHome, javaOpts, work, "start", "--server.port=" + port).start();
		return new Service(process, port, work.resolve("classifier.log"));
	}

	/**
	 * bin/classifier as systemd runs it, on an in-memory H2 instead of the example's
	 * MariaDB.
	 */
	private static ProcessBuilder process(Path javaHome, String javaOpts, Path work, String... arguments) {
		List<String> command = new ArrayList<>(List.of(home.resolve("bin/classifier").toString()));
		command.addAll(List.of(arguments));
		ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile())
			.redirectErrorStream(true)
			.redirectOutput(work.resolve("classifier.log").toFile());
		Map<String, String> environment = builder.environment();
		environment.put("JAVA_HOME", javaHome.toString());
		environment.put("JAVA_OPTS", javaOpts);
		environment.put("CLASSIFIER_DUMP_DIR", work.toString());
		environment.put("SPRING_DATASOURCE_URL", "jdbc:h2:mem:" + work.getFileName()
				+ ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;CASE_INSENSITIVE_IDENTIFIERS=TRUE");
		environment.put("SPRING_DATASOURCE_USERNAME", "sa");
		environment.put("SPRING_DATASOURCE_PASSWORD", "");
		return builder;
	}

	private static String commandLine(Process process) {
		return process.info().arguments().map((arguments) -> String.join(" ", arguments)).orElse("");
	}

	private static Optional<Path> jdk25OrLater() throws IOException {
		Path jvms = Path.of("/usr/lib/jvm");
		if (!Files.isDirectory(jvms)) {
			return Optional.empty();
		}
		try (Stream<Path> jdks = Files.list(jvms)) {
			return jdks.filter((jdk) -> Files.isExecutable(jdk.resolve("bin/java")))
				.filter((jdk) -> featureVersion(jdk) >= 25)
				.findFirst();
		}
	}

	/** From the JDK's {@code release} file: JAVA_VERSION="25.0.1". */
	private static int featureVersion(Path jdk) {
		try {
			return Files.readAllLines(jdk.resolve("release"))
				.stream()
				.filter((line) -> line.startsWith("JAVA_VERSION="))
				.map((line) -> line.replaceAll("JAVA_VERSION=\"(\\d+).*", "$1"))
				.filter((version) -> version.matches("\\d+"))
				.mapToInt(Integer::parseInt)
				.findFirst()
				.orElse(0);
		}
		catch (IOException ex) {
			return 0;
		}
	}

	private final class Service {

		final Process process;

		final int port;

		final Path log;

		Service(Process process, int port, Path log) {
			this.process = process;
			this.port = port;
			this.log = log;
		}

		void awaitHealthUp() throws Exception {
			Instant deadline = Instant.now().plus(START_UP);
			while (Instant.now().isBefore(deadline)) {
				if (!this.process.isAlive()) {
					fail("the service stopped (status %d) before it was up; its log:%n%s", this.process.exitValue(),
							log());
				}
				try {
					HttpResponse<String> health = get("/actuator/health");
					if (health.statusCode() == 200
							&& JSON.readTree(health.body()).path("status").asString().equals("UP")) {
						return;
					}
				}
				catch (IOException notListeningYet) {
					// not listening yet
				}
				Thread.sleep(500);
			}
			fail("the service was not up within %s; its log:%n%s", START_UP, log());
		}

		HttpResponse<String> get(String path) throws IOException, InterruptedException {
			return DistributionIT.this.http
				.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + this.port + path))
					.timeout(Duration.ofSeconds(10))
					.build(), HttpResponse.BodyHandlers.ofString());
		}

		/** SIGTERM, as systemd stops it; then it must end by itself. */
		void stop() throws InterruptedException {
			this.process.destroy();
			if (!this.process.waitFor(2, TimeUnit.MINUTES)) {
				this.process.destroyForcibly().waitFor();
				fail("the service did not stop within 2 minutes of SIGTERM");
			}
		}

		String log() {
			try {
				return Files.readString(this.log);
			}
			catch (IOException ex) {
				return "(no log: " + ex.getMessage() + ")";
			}
		}

	}

}
