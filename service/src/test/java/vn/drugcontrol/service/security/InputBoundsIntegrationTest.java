package vn.drugcontrol.service.security;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.SequenceInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Inputs bounded by what is read, not by what they declare (issue 13, item 2): each
 * attack that ran the service out of memory gets a 413 or 422 problem, stores nothing,
 * and the service answers its health check after it (the tests' limits: 1 MB bodies,
 * 1,000 communes).
 */
class InputBoundsIntegrationTest extends DatabaseTest {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private static final String AUTH = "Basic "
			+ Base64.getEncoder().encodeToString((TESTER + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));

	private static final HttpClient CLIENT = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

	@TempDir
	Path dir;

	@AfterEach
	void theServiceIsStillHealthy() {
		ResponseEntity<JsonNode> health = http(null).get().uri("/actuator/health").retrieve().toEntity(JsonNode.class);
		assertThat(health.getStatusCode().value()).isEqualTo(200);
		assertThat(health.getBody().get("status").asString()).isEqualTo("UP");
	}

	/**
	 * 1,048,576 one-cell rows in a file of a few hundred KB (rows without references, so
	 * they compress to nothing; random text keeps the zip above POI's inflate ratio). The
	 * whole workbook in memory ran the service out of it; streamed, reading stops at the
	 * batch limit.
	 */
	@Test
	void aWorkbookOfAMillionRowsStopsAtTheRowLimit() throws Exception {
		Path huge = dir.resolve("million-rows.xlsx");
		Files.write(huge, millionRowWorkbook());
		assertThat(Files.size(huge)).as("under the tests' 1 MB upload limit").isLessThan(1_000_000);

		ResponseEntity<JsonNode> refused = upload(huge);

		assertThat(refused.getStatusCode().value()).isEqualTo(422);
		assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(refused.getBody().get("detail").asString()).contains("million-rows.xlsx")
			.contains("more than 1000 communes")
			.contains("classifier.limits.max-rows");
		assertThat(count("classification_run")).isZero();
	}

	/**
	 * The console's upload, signed in as a viewer: it read every row, with no batch
	 * limit; now it stops at the limit and says so in Vietnamese.
	 */
	@Test
	void aWorkbookOfAMillionRowsStopsAtTheRowLimitInTheConsole() throws Exception {
		byte[] workbook = millionRowWorkbook();
		HttpClient browser = signedInConsole("viewer");
		String base = "http://localhost:" + port;
		String home = browser
			.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString())
			.body();
		String boundary = "bounds" + System.nanoTime();
		ByteArrayOutputStream body = new ByteArrayOutputStream();
		body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf(home)
				+ "\r\n--" + boundary
				+ "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"million-rows.xlsx\"\r\n"
				+ "Content-Type: application/vnd.openxmlformats-officedocument.spreadsheetml.sheet\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8));
		body.write(workbook);
		body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

		HttpResponse<String> refused = browser.send(HttpRequest.newBuilder(URI.create(base + "/upload"))
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.header("Accept-Language", "vi")
			.POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
			.build(), HttpResponse.BodyHandlers.ofString());

		assertThat(refused.statusCode()).isEqualTo(422);
		assertThat(refused.body()).contains("million-rows.xlsx")
			.contains("đã dừng đọc tệp")
			.contains("more than 1000 communes");
		assertThat(count("classification_run")).isZero();
	}

	private static String csrf(String html) {
		java.util.regex.Matcher m = java.util.regex.Pattern
			.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"")
			.matcher(html);
		assertThat(m.find()).as("a CSRF token in the page").isTrue();
		return (m.group(1) != null) ? m.group(1) : m.group(2);
	}

	/** A chunked JSON body declares no length: it is counted as it is read. */
	@Test
	void aChunkedJsonBodyPastTheLimitIs413() throws Exception {
		byte[] commune = "{\"commune_code\": \"01273\", \"commune_name\": \"Thục Phán\"},"
			.getBytes(StandardCharsets.UTF_8);
		long repeats = 3_000_000 / commune.length;
		InputStream body = new SequenceInputStream(
				new java.io.ByteArrayInputStream("{\"provinceCode\": \"04\", \"period\": 2025, \"communes\": ["
					.getBytes(StandardCharsets.UTF_8)),
				new SequenceInputStream(new Repeated(commune, repeats),
						new java.io.ByteArrayInputStream("{}]}".getBytes(StandardCharsets.UTF_8))));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/runs"))
			.header("Authorization", AUTH)
			.header("Content-Type", "application/json")
			// no known length: sent chunked
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
			.build();

		HttpResponse<String> refused = send(request);

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(JSON.readTree(refused.body()).get("detail").asString()).contains("max-json-size");
		assertThat(count("classification_run")).isZero();
	}

	/** Uploads are counted as they are read too, chunked or not. */
	@Test
	void aChunkedUploadPastTheLimitIs413() throws Exception {
		String boundary = "bounds" + System.nanoTime();
		byte[] head = ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"big.csv\"\r\n"
				+ "Content-Type: text/csv\r\n\r\n")
			.getBytes(StandardCharsets.UTF_8);
		byte[] tail = ("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8);
		InputStream body = new SequenceInputStream(new java.io.ByteArrayInputStream(head),
				new SequenceInputStream(new Repeated("01273,x\n".getBytes(StandardCharsets.UTF_8), 400_000),
						new java.io.ByteArrayInputStream(tail)));
		HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/runs"))
			.header("Authorization", AUTH)
			.header("Content-Type", "multipart/form-data; boundary=" + boundary)
			.POST(HttpRequest.BodyPublishers.ofInputStream(() -> body))
			.build();

		HttpResponse<String> refused = send(request);

		assertThat(refused.statusCode()).isEqualTo(413);
		assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
		assertThat(count("classification_run")).isZero();
	}

	/**
	 * A bundle of a few hundred KB whose files, each under the 20 MB a file may hold,
	 * expand to far more than a bundle may: refused at the entry that crosses it.
	 */
	@Test
	void aZipBombBundleIs413NamingTheEntry() throws Exception {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("rules/a.drl"));
			out.write("package bomb;\n".getBytes(StandardCharsets.UTF_8));
			byte[] zeros = new byte[1 << 20];
			for (int i = 1; i <= 4; i++) {
				out.putNextEntry(new ZipEntry("scenarios/zeros-" + i + ".csv"));
				for (int mb = 0; mb < 15; mb++) {
					out.write(zeros);
				}
			}
		}
		assertThat(zip.size()).isLessThan(1_000_000);

		ResponseEntity<JsonNode> refused = uploadBundle("bomb.zip", zip.toByteArray());

		assertThat(refused.getStatusCode().value()).isEqualTo(413);
		assertThat(refused.getHeaders().getContentType()).hasToString("application/problem+json");
		assertThat(refused.getBody().get("detail").asString()).contains("scenarios/zeros-4.csv").contains("50 MB");
		assertThat(refused.getBody().get("entry").asString()).isEqualTo("scenarios/zeros-4.csv");
		assertNoBombStored();
	}

	/** One entry expanding past 20 MB: reading stops there, whatever size it declares. */
	@Test
	void aZipEntryExpandingPastItsLimitIs413() throws Exception {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			out.putNextEntry(new ZipEntry("rules/a.drl"));
			out.write("package bomb;\n".getBytes(StandardCharsets.UTF_8));
			out.putNextEntry(new ZipEntry("rules/big.drl"));
			byte[] spaces = new byte[1 << 20];
			java.util.Arrays.fill(spaces, (byte) ' ');
			for (int mb = 0; mb < 30; mb++) {
				out.write(spaces);
			}
		}

		ResponseEntity<JsonNode> refused = uploadBundle("bomb.zip", zip.toByteArray());

		assertThat(refused.getStatusCode().value()).isEqualTo(413);
		assertThat(refused.getBody().get("detail").asString()).contains("rules/big.drl").contains("20 MB");
		assertNoBombStored();
	}

	@Test
	void aZipOfTooManyEntriesIs413() throws Exception {
		ByteArrayOutputStream zip = new ByteArrayOutputStream();
		try (ZipOutputStream out = new ZipOutputStream(zip)) {
			for (int i = 0; i < 1001; i++) {
				out.putNextEntry(new ZipEntry("rules/r" + i + ".drl"));
				out.write(("package r" + i + ";\n").getBytes(StandardCharsets.UTF_8));
			}
		}

		ResponseEntity<JsonNode> refused = uploadBundle("many.zip", zip.toByteArray());

		assertThat(refused.getStatusCode().value()).isEqualTo(413);
		assertThat(refused.getBody().get("detail").asString()).contains("more than 1000 entries")
			.contains("rules/r1000.drl");
		assertNoBombStored();
	}

	private ResponseEntity<JsonNode> uploadBundle(String fileName, byte[] content) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		parts.add("files", new ByteArrayResource(content) {

			@Override
			public String getFilename() {
				return fileName;
			}

		});
		parts.add("name", "bomb");
		return http().post()
			.uri("/api/v1/rule-sets")
			.contentType(MediaType.MULTIPART_FORM_DATA)
			.body(parts)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	private void assertNoBombStored() {
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM rule_set_version WHERE name = 'bomb'", Integer.class))
			.isZero();
	}

	private static HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
		return CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
	}

	/**
	 * An XLSX whose first sheet has the facts header and 1,048,575 rows of one number,
	 * written by hand: rows without references compress to almost nothing.
	 */
	private static byte[] millionRowWorkbook() throws IOException {
		ByteArrayOutputStream bytes = new ByteArrayOutputStream();
		try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
			entry(zip, "[Content_Types].xml",
					"""
							<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
							<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">\
							<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>\
							<Default Extension="xml" ContentType="application/xml"/>\
							<Override PartName="/xl/workbook.xml" \
							ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>\
							<Override PartName="/xl/worksheets/sheet1.xml" \
							ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>""");
			entry(zip, "_rels/.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" \
					Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" \
					Target="xl/workbook.xml"/></Relationships>""");
			entry(zip, "xl/workbook.xml", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" \
					xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">\
					<sheets><sheet name="Facts" sheetId="1" r:id="rId1"/></sheets></workbook>""");
			entry(zip, "xl/_rels/workbook.xml.rels", """
					<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
					<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">\
					<Relationship Id="rId1" \
					Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" \
					Target="worksheets/sheet1.xml"/></Relationships>""");
			zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
			OutputStream out = zip;
			out.write(("<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n"
					+ "<worksheet xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\"><!-- ")
				.getBytes(StandardCharsets.UTF_8));
			byte[] noise = new byte[400_000];
			new Random(13).nextBytes(noise);
			out.write(Base64.getEncoder().encode(noise));
			out.write(" --><sheetData><row r=\"1\">".getBytes(StandardCharsets.UTF_8));
			List<String> header = List.of(Files.readAllLines(sample("cao-bang-2025.csv")).get(0).split(","));
			for (String column : header) {
				out.write(("<c t=\"inlineStr\"><is><t>" + column + "</t></is></c>").getBytes(StandardCharsets.UTF_8));
			}
			out.write("</row>".getBytes(StandardCharsets.UTF_8));
			byte[] row = "<row><c><v>1</v></c></row>".getBytes(StandardCharsets.UTF_8);
			for (int i = 1; i < 1_048_576; i++) {
				out.write(row);
			}
			out.write("</sheetData></worksheet>".getBytes(StandardCharsets.UTF_8));
			zip.closeEntry();
		}
		return bytes.toByteArray();
	}

	private static void entry(ZipOutputStream zip, String name, String text) throws IOException {
		zip.putNextEntry(new ZipEntry(name));
		zip.write(text.getBytes(StandardCharsets.UTF_8));
		zip.closeEntry();
	}

	/** The same bytes, so many times, never all in memory. */
	private static final class Repeated extends InputStream {

		private final byte[] unit;

		private long left;

		private int at;

		Repeated(byte[] unit, long times) {
			this.unit = unit;
			this.left = times;
		}

		@Override
		public int read() {
			if (left == 0) {
				return -1;
			}
			int b = unit[at++] & 0xff;
			if (at == unit.length) {
				at = 0;
				left--;
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) {
			if (left == 0) {
				return -1;
			}
			int n = 0;
			while (n < length && left > 0) {
				int chunk = Math.min(length - n, unit.length - at);
				System.arraycopy(unit, at, buffer, offset + n, chunk);
				n += chunk;
				at += chunk;
				if (at == unit.length) {
					at = 0;
					left--;
				}
			}
			return n;
		}

	}

}
