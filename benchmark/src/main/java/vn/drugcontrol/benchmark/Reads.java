package vn.drugcontrol.benchmark;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.HdrHistogram.Histogram;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.service.samples.SyntheticFacts;

/**
 * National and province reads over years of stored data: {@code periods} periods of every
 * unit of the 2025 list (34 province runs a period) uploaded to the service as officers
 * do, submitted, an override per run proposed and confirmed by a second approver,
 * approved by the People's Committee's approver, and for a few provinces a period's
 * report sent to the Ministry and approved there. Then each console page (a form-login
 * session, as people use it) and each API read (an API token, as other systems call it)
 * is requested one after the other, {@code requests} times after a warm-up, its latencies
 * in an HdrHistogram.
 */
final class Reads {

	/** One read and what it measured; latencies in microseconds. */
	record Measured(String kind, String path, int status, Histogram latencies) {

		double ms(double percentile) {
			return latencies.getValueAtPercentile(percentile) / 1000.0;
		}

		double maxMs() {
			return latencies.getMaxValue() / 1000.0;
		}

	}

	/** What the seeding stored and what it cost. */
	record Seeded(int periods, int runs, int overrides, int ministryApproved, int ministryRefused, double seconds) {
	}

	/** The data the reads are about: the latest period's run of one province. */
	record Subject(String province, int period, long run, long decision, String commune) {
	}

	/** The first period the importer takes (its check: 2020 to 2100). */
	static final int FIRST_PERIOD = 2020;

	private static final Pattern ID = Pattern.compile("\"id\"\\s*:\\s*(\\d+)");

	private static final Pattern DECISION = Pattern
		.compile("\"communeCode\"\\s*:\\s*\"(\\w+)\"[^{}]*?\"classification\"\\s*:\\s*\"(\\w+)\"");

	private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

	private final ServiceProcess service;

	private final HttpClient http;

	private final Database database;

	Reads(ServiceProcess service, HttpClient http, Database database) {
		this.service = service;
		this.http = http;
		this.database = database;
	}

	/**
	 * Ten periods (up to 2025) of national data, or fewer ({@code provinces} limits each
	 * period to the first provinces of the list).
	 */
	Seeded seed(int periods, int provinces, int ministryProvinces, Duration budget) throws Exception {
		long started = System.nanoTime();
		int seeded = 0;
		int runs = 0;
		int overrides = 0;
		int ministryApproved = 0;
		int ministryRefused = 0;
		// the latest period first: a seeding cut short by its budget still has the latest
		// periods, whole. The importer takes periods from 2020 on, so ten periods end in
		// 2029, not 2025
		int latest = Math.max(Communes.PERIOD, FIRST_PERIOD + periods - 1);
		for (int period = latest; period > latest - periods; period--) {
			if (System.nanoTime() - started > budget.toNanos()) {
				break;
			}
			seeded++;
			if (storedRuns(period) >= Math.min(provinces, 34)) {
				// stored by an earlier run of the benchmark (--reuse): seeded already
				continue;
			}
			List<CommuneFacts> national = SyntheticFacts.generate(Communes.SEED + period, period);
			int p = 0;
			for (Map.Entry<String, byte[]> file : EndToEnd.provinceFiles(national).entrySet()) {
				if (p++ >= provinces) {
					break;
				}
				long run = upload(file.getKey().replace("-" + Communes.PERIOD, "-" + period), file.getValue());
				runs++;
				post("/api/v1/runs/" + run + "/submission", null, ServiceProcess.authorization(), 200);
				Matcher d = DECISION.matcher(get("/api/v1/runs/" + run + "/decisions", ServiceProcess.authorization()));
				if (d.find()) {
					String other = "DRUG_FREE".equals(d.group(2)) ? "TYPE_III" : "DRUG_FREE";
					String made = post("/api/v1/runs/" + run + "/overrides",
							"{\"communeCode\":\"" + d.group(1) + "\",\"approvedClass\":\"" + other
									+ "\",\"reason\":\"Benchmark: the commune's verified figures\"}",
							ServiceProcess.authorization(), 201);
					Matcher id = ID.matcher(made);
					id.find();
					post("/api/v1/overrides/" + id.group(1) + "/confirmation", null,
							ServiceProcess.secondApproverAuthorization(), 200);
					overrides++;
				}
				post("/api/v1/runs/" + run + "/approval", "{\"decisionNumber\":\"" + run
						+ "/QĐ-UBND\",\"decisionDate\":\"" + LocalDate.of(period, 12, 20) + "\"}",
						ServiceProcess.authorization(), 200);
				if (p <= ministryProvinces) {
					String province = file.getKey().replaceAll(".*-(\\d\\d)-\\d+\\.csv", "$1");
					String report = "/api/v1/ministry-reports/" + province + "/" + period;
					if (postStatus(report + "/submission", null, ServiceProcess.authorization()) == 200
							&& postStatus(report + "/approval",
									"{\"decisionNumber\":\"" + period + "/BCA\",\"decisionDate\":\""
											+ LocalDate.of(period, 12, 28) + "\"}",
									ServiceProcess.secondApproverAuthorization()) == 200) {
						ministryApproved++;
					}
					else {
						ministryRefused++;
					}
				}
			}
		}
		return new Seeded(seeded, runs, overrides, ministryApproved, ministryRefused,
				(System.nanoTime() - started) / 1e9);
	}

	/** The latest approved run of the province with the most communes. */
	Subject subject() throws SQLException {
		try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
				Statement s = c.createStatement();
				ResultSet r = s.executeQuery("""
						SELECT r.id, r.province_code, r.period FROM classification_run r
						JOIN run_approval a ON a.run_id = r.id AND a.status = 'APPROVED'
						ORDER BY r.period DESC, (SELECT COUNT(*) FROM decision d WHERE d.run_id = r.id) DESC, r.id
						LIMIT 1
						""")) {
			if (!r.next()) {
				throw new IllegalStateException("no approved run: nothing to read");
			}
			long run = r.getLong(1);
			try (PreparedStatement d = c
				.prepareStatement("SELECT id, commune_code FROM decision WHERE run_id = ? ORDER BY id LIMIT 1")) {
				d.setLong(1, run);
				try (ResultSet dr = d.executeQuery()) {
					dr.next();
					return new Subject(r.getString(2), r.getInt(3), run, dr.getLong(1), dr.getString(2));
				}
			}
		}
	}

	/** The province runs stored for a period. */
	private long storedRuns(int period) throws SQLException {
		try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
				PreparedStatement s = c.prepareStatement(
						"SELECT COUNT(DISTINCT province_code) FROM classification_run WHERE period = ?")) {
			s.setInt(1, period);
			try (ResultSet r = s.executeQuery()) {
				r.next();
				return r.getLong(1);
			}
		}
	}

	/** Runs stored (to reuse a seeded database). */
	long storedRuns() throws SQLException {
		try (Connection c = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
				Statement s = c.createStatement();
				ResultSet r = s.executeQuery("SELECT COUNT(*) FROM classification_run")) {
			r.next();
			return r.getLong(1);
		}
	}

	/**
	 * The console's pages and the API's reads about {@code s}, national ones included.
	 */
	static List<String[]> endpoints(Subject s) {
		String p = s.province();
		int y = s.period();
		return List.of(new String[] { "page", "/" }, new String[] { "page", "/runs/" + s.run() },
				new String[] { "page", "/decisions/" + s.decision() }, new String[] { "page", "/provinces" },
				new String[] { "page", "/provinces/" + p }, new String[] { "page", "/communes/" + s.commune() },
				new String[] { "page", "/overrides" }, new String[] { "page", "/ministry" },
				new String[] { "page", "/ministry/list" },
				new String[] { "page", "/ministry/list?period=" + y + "&province=" + p },
				new String[] { "page", "/ministry/reports/" + p + "/" + y },
				new String[] { "page", "/provinces/" + p + "/assessments" }, new String[] { "page", "/rule-sets" },
				new String[] { "page", "/rule-sets/default" }, new String[] { "api", "/api/v1/runs" },
				new String[] { "api", "/api/v1/runs?province=" + p }, new String[] { "api", "/api/v1/runs/" + s.run() },
				new String[] { "api", "/api/v1/runs/" + s.run() + "/decisions" },
				new String[] { "api", "/api/v1/runs/" + s.run() + "/approval" },
				new String[] { "api", "/api/v1/runs/" + s.run() + "/province" },
				new String[] { "api", "/api/v1/decisions/" + s.decision() },
				new String[] { "api", "/api/v1/communes/" + s.commune() + "/classifications" },
				new String[] { "api", "/api/v1/communes/" + s.commune() + "/approved-class?period=" + y },
				new String[] { "api", "/api/v1/communes/" + s.commune() + "/changes?from=" + (y - 1) + "&to=" + y },
				new String[] { "api", "/api/v1/provinces/" + p + "/classifications" },
				new String[] { "api", "/api/v1/provinces/" + p + "/transitions?from=" + (y - 1) + "&to=" + y },
				new String[] { "api", "/api/v1/provinces/" + p + "/progress" },
				new String[] { "api", "/api/v1/provinces/" + p + "/assessments?period=" + y },
				new String[] { "api", "/api/v1/ministry-reports/" + p + "/" + y },
				new String[] { "api", "/api/v1/national-board?period=" + y },
				new String[] { "api", "/api/v1/national-list?period=" + y },
				// the files people download: the national list (3,321 communes) and the
				// province's report
				new String[] { "api", "/api/v1/national-list?period=" + y + "&format=xlsx" },
				new String[] { "api", "/api/v1/national-list?period=" + y + "&format=pdf" },
				new String[] { "api", "/api/v1/provinces/" + p + "/report?period=" + y + "&format=xlsx" },
				new String[] { "api", "/api/v1/provinces/" + p + "/report?period=" + y + "&format=pdf" },
				new String[] { "api", "/api/v1/approved-classes?period=" + y },
				new String[] { "api", "/api/v1/funding-priority?period=" + y },
				new String[] { "api", "/api/v1/approval-events" }, new String[] { "api", "/api/v1/overrides/report" },
				new String[] { "api", "/api/v1/targets" }, new String[] { "api", "/api/v1/rule-sets" });
	}

	/**
	 * Each endpoint in turn: {@code warmUp} requests, then {@code requests} measured, one
	 * after the other.
	 */
	List<Measured> measure(List<String[]> endpoints, int warmUp, int requests,
			java.util.function.Consumer<Measured> each) throws Exception {
		HttpClient console = signIn();
		String token = service.apiToken(http, "[\"VIEWER\",\"OFFICER\",\"ANALYST\",\"MINISTRY\"]", "*");
		List<Measured> measured = new ArrayList<>();
		for (String[] e : endpoints) {
			boolean page = e[0].equals("page");
			HttpClient client = page ? console : http;
			HttpRequest.Builder b = HttpRequest.newBuilder(service.uri(e[1])).timeout(Duration.ofSeconds(30));
			if (!page) {
				b.header("Authorization", token).header("Accept", "application/json");
			}
			HttpRequest request = b.build();
			int status = client.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
			Histogram latencies = new Histogram(TimeUnit.MINUTES.toMicros(1), 3);
			if (status == 200) {
				for (int i = 0; i < warmUp + requests; i++) {
					long t = System.nanoTime();
					HttpResponse<byte[]> r = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
					long micros = (System.nanoTime() - t) / 1000;
					if (r.statusCode() != 200) {
						status = r.statusCode();
						break;
					}
					if (i >= warmUp) {
						latencies.recordValue(Math.min(micros, latencies.getHighestTrackableValue()));
					}
				}
			}
			measured.add(new Measured(e[0], e[1], status, latencies));
			each.accept(measured.get(measured.size() - 1));
		}
		return measured;
	}

	/** A console session: the login form, as a person signs in. */
	private HttpClient signIn() throws IOException, InterruptedException {
		HttpClient console = HttpClient.newBuilder()
			.version(HttpClient.Version.HTTP_1_1)
			.cookieHandler(new CookieManager())
			.followRedirects(HttpClient.Redirect.NEVER)
			.connectTimeout(Duration.ofSeconds(5))
			.build();
		String form = console
			.send(HttpRequest.newBuilder(service.uri("/login")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		Matcher csrf = CSRF.matcher(form);
		if (!csrf.find()) {
			throw new IllegalStateException("no CSRF token on the sign-in page");
		}
		String body = "username=" + enc(ServiceProcess.USER) + "&password=" + enc(ServiceProcess.password()) + "&_csrf="
				+ enc(csrf.group(1));
		HttpResponse<String> r = console.send(HttpRequest.newBuilder(service.uri("/login"))
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(HttpRequest.BodyPublishers.ofString(body))
			.build(), HttpResponse.BodyHandlers.ofString());
		String location = r.headers().firstValue("Location").orElse("");
		if (r.statusCode() != 302 || location.contains("error")) {
			throw new IllegalStateException("console sign-in refused: " + r.statusCode() + " " + location);
		}
		return console;
	}

	private static String enc(String s) {
		return URLEncoder.encode(s, StandardCharsets.UTF_8);
	}

	private long upload(String name, byte[] csv) throws Exception {
		String boundary = "----benchmark" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + name
				+ "\"\r\nContent-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		HttpResponse<String> r = http.send(HttpRequest.newBuilder(service.uri("/api/v1/runs"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Authorization", ServiceProcess.authorization())
			.POST(HttpRequest.BodyPublishers.ofByteArrays(List.of(head, csv, tail)))
			.build(), HttpResponse.BodyHandlers.ofString());
		Matcher id = ID.matcher(r.body());
		if (r.statusCode() != 201 || !id.find()) {
			throw new IllegalStateException(name + ": " + r.statusCode() + " " + r.body());
		}
		return Long.parseLong(id.group(1));
	}

	private String get(String path, String authorization) throws IOException, InterruptedException {
		HttpResponse<String> r = http.send(
				HttpRequest.newBuilder(service.uri(path)).header("Authorization", authorization).build(),
				HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException("GET " + path + ": " + r.statusCode() + " " + r.body());
		}
		return r.body();
	}

	private String post(String path, String json, String authorization, int expected)
			throws IOException, InterruptedException {
		HttpResponse<String> r = send(path, json, authorization);
		if (r.statusCode() != expected) {
			throw new IllegalStateException("POST " + path + ": " + r.statusCode() + " " + r.body());
		}
		return r.body();
	}

	private int postStatus(String path, String json, String authorization) throws IOException, InterruptedException {
		return send(path, json, authorization).statusCode();
	}

	private HttpResponse<String> send(String path, String json, String authorization)
			throws IOException, InterruptedException {
		return http.send(HttpRequest.newBuilder(service.uri(path))
			.header("Authorization", authorization)
			.header("Content-Type", "application/json")
			.POST(json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
			.build(), HttpResponse.BodyHandlers.ofString());
	}

}
