package vn.drugcontrol.service.facts;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSetMetaData;
import java.sql.Types;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Collectors;

import io.swagger.v3.oas.annotations.media.Schema;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.web.util.HtmlUtils;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.FactsColumn;
import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.rules.law.ClauseRegister;
import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.run.FactsSnapshot;
import vn.drugcontrol.service.scenario.ScenarioTable;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Adding a fact is its declaration ({@link FactsColumn}) plus a migration plus the rules
 * that use it ({@code docs/adding-a-fact.md}): this test walks the declaration and checks
 * that every consumer covers every fact — the CSV, XLSX and JSON readers accept it, the
 * scenario tables read it, the self-assessment form shows it with a label and a help text
 * and saves it, a run stores it in the {@code decision} table and reads it back, and the
 * places that must stay explicit (the table's columns, the snapshot Spring Data maps, the
 * API body's schema, the message bundles) agree with the declaration. Each commune here
 * has a different value in every column, so a column a consumer drops or swaps shows.
 */
class FactsDeclaredOnceIntegrationTest extends DatabaseTest {

	private static final FactsImporter IMPORTER = new FactsImporter(AdminUnits.load());

	/** Thục Phán (01273, Cao Bằng), with a value of its own in every column. */
	static CommuneFacts everyColumnSet() {
		return FactsColumn.facts((column) -> switch (column) {
			case COMMUNE_CODE -> "01273";
			case COMMUNE_NAME -> "Thục Phán";
			case PROVINCE_CODE -> "04";
			case PERIOD -> 2025;
			// the one check across columns: the exempt groups are part of these
			case MANAGED_USERS -> 1000;
			default -> switch (column.kind()) {
				case WHOLE_NUMBER -> 10L * column.ordinal() + 1;
				case DECIMAL -> new BigDecimal(column.ordinal() + ".5");
				case BOOLEAN -> true;
				case TEXT -> "text " + column.ordinal();
			};
		});
	}

	private static String text(Object value) {
		return (value instanceof BigDecimal d) ? d.toPlainString() : String.valueOf(value);
	}

	@Test
	void theCsvXlsxAndJsonReadersAcceptEveryColumn() throws IOException {
		CommuneFacts facts = everyColumnSet();
		String csv = FactsColumns.csvHeaderLine() + "\n"
				+ FactsColumn.ALL.stream().map((c) -> text(c.valueOf(facts))).collect(Collectors.joining(",")) + "\n";
		assertThat(read(FactsFormat.CSV, csv.getBytes(StandardCharsets.UTF_8))).isEqualTo(facts);

		ByteArrayOutputStream xlsx = new ByteArrayOutputStream();
		try (XSSFWorkbook book = new XSSFWorkbook()) {
			XSSFSheet sheet = book.createSheet("facts");
			XSSFRow header = sheet.createRow(0);
			XSSFRow row = sheet.createRow(1);
			for (FactsColumn column : FactsColumn.ALL) {
				header.createCell(column.ordinal()).setCellValue(column.header());
				Object value = column.valueOf(facts);
				switch (column.kind()) {
					case WHOLE_NUMBER, DECIMAL ->
						row.createCell(column.ordinal()).setCellValue(new BigDecimal(text(value)).doubleValue());
					case BOOLEAN -> row.createCell(column.ordinal()).setCellValue((Boolean) value);
					case TEXT -> row.createCell(column.ordinal()).setCellValue((String) value);
				}
			}
			book.write(xlsx);
		}
		assertThat(read(FactsFormat.XLSX, xlsx.toByteArray())).isEqualTo(facts);

		Map<String, Object> json = new LinkedHashMap<>();
		FactsColumn.ALL.forEach((c) -> json.put(c.field(), c.valueOf(facts)));
		byte[] body = JsonMapper.builder().build().writeValueAsBytes(List.of(json));
		assertThat(read(FactsFormat.JSON, body)).isEqualTo(facts);
	}

	@Test
	void scenarioTablesReadEveryColumn() {
		CommuneFacts facts = everyColumnSet();
		String table = "scenario," + FactsColumns.csvHeaderLine() + ",expected_classification\n" + "every column,"
				+ FactsColumn.ALL.stream().map((c) -> text(c.valueOf(facts))).collect(Collectors.joining(","))
				+ ",TYPE_I\n";
		ScenarioTable.Read read = ScenarioTable.read("every-column.csv", table.getBytes(StandardCharsets.UTF_8));
		assertThat(read.problems()).isEmpty();
		assertThat(read.scenarios()).singleElement().extracting((s) -> s.facts()).isEqualTo(facts);
	}

	@Test
	void aRunStoresEveryColumnAndReadsItBack(@TempDir Path dir) throws IOException {
		CommuneFacts facts = everyColumnSet();
		Path file = dir.resolve("every-column.csv");
		Files.writeString(file, FactsColumns.csvHeaderLine() + "\n"
				+ FactsColumn.ALL.stream().map((c) -> text(c.valueOf(facts))).collect(Collectors.joining(",")) + "\n");
		ResponseEntity<JsonNode> run = upload(file);
		assertThat(run.getStatusCode().value()).as(String.valueOf(run.getBody())).isEqualTo(201);
		long decisionId = get("/api/v1/runs/" + run.getBody().get("id").asLong() + "/decisions").get(0)
			.get("id")
			.asLong();

		// the snapshot as Spring Data reads it, through the API
		JsonNode stored = get("/api/v1/decisions/" + decisionId).get("facts");
		for (FactsColumn column : FactsColumn.MEASURES) {
			JsonNode value = stored.get(column.field());
			assertThat(value).as(column.field()).isNotNull();
			if (column.kind() == FactsColumn.Kind.BOOLEAN) {
				assertThat(value.asBoolean()).as(column.field()).isEqualTo(column.valueOf(facts));
			}
			else {
				assertThat(new BigDecimal(value.asString())).as(column.field())
					.isEqualByComparingTo(new BigDecimal(text(column.valueOf(facts))));
			}
		}
		// the table as replay reads it
		CommuneFacts read = jdbc
			.query("SELECT " + StoredFacts.allColumns(null) + " FROM decision WHERE id = ?",
					(rs, i) -> StoredFacts.read(rs), decisionId)
			.get(0);
		assertThat(read).isEqualTo(facts);
	}

	@Test
	void theFormShowsEveryFactWithItsLabelAndHelpAndSavesIt() throws IOException, InterruptedException {
		CommuneFacts facts = everyColumnSet();
		HttpClient browser = signedInConsole(COMMUNE_THUC_PHAN);
		String page = browser
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/assessments/01273/2025")).build(),
					HttpResponse.BodyHandlers.ofString())
			.body();
		String shown = HtmlUtils.htmlUnescape(page);
		Properties vi = bundle("messages.properties");
		for (FactsColumn column : FactsColumn.ALL) {
			assertThat(page).as(column.field()).contains("id=\"fact-" + column.field() + "\"");
			assertThat(shown).as(column.labelKey()).contains(vi.getProperty(column.labelKey()));
			assertThat(shown).as(column.helpKey()).contains(vi.getProperty(column.helpKey()));
		}
		for (FactsColumn column : FactsColumn.MEASURES) {
			assertThat(page).as(column.field()).contains("name=\"" + column.field() + "\"");
		}

		Map<String, String> values = new LinkedHashMap<>();
		FactsColumn.MEASURES.forEach((c) -> values.put(c.field(), text(c.valueOf(facts))));
		ResponseEntity<JsonNode> draft = http(COMMUNE_THUC_PHAN).method(HttpMethod.PUT)
			.uri("/api/v1/communes/01273/assessments/2025")
			.contentType(MediaType.APPLICATION_JSON)
			.body(values)
			.retrieve()
			.toEntity(JsonNode.class);
		assertThat(draft.getStatusCode().value()).as(String.valueOf(draft.getBody())).isEqualTo(200);
		assertThat(draft.getBody().get("problems")).isEmpty();
		for (FactsColumn column : FactsColumn.MEASURES) {
			assertThat(draft.getBody().at("/assessment/values/" + column.field()).asString()).as(column.field())
				.isEqualTo(values.get(column.field()));
		}
	}

	@Test
	void everyColumnHasAVietnameseAndAnEnglishLabelAndHelpCitingClausesTheRegisterHolds() throws IOException {
		for (String name : List.of("messages.properties", "messages_en.properties")) {
			Properties messages = bundle(name);
			for (FactsColumn column : FactsColumn.ALL) {
				assertThat(messages.getProperty(column.labelKey())).as(name + " " + column.labelKey()).isNotBlank();
				assertThat(messages.getProperty(column.helpKey())).as(name + " " + column.helpKey()).isNotBlank();
			}
		}
		ClauseRegister register = ShippedRuleSets.defaultReading().law().orElseThrow().register();
		for (FactsColumn column : FactsColumn.ALL) {
			assertThat(column.clauses()).as(column.field()).allMatch(register::contains);
		}
	}

	/**
	 * The decision table holds every column of the contract, named as its header, of a
	 * type its kind fits (on MySQL/MariaDB and on H2).
	 */
	@Test
	void theDecisionTableHasAColumnForEveryFact() {
		Map<String, Integer> types = jdbc.execute((ConnectionCallback<Map<String, Integer>>) connection -> {
			Map<String, Integer> columns = new HashMap<>();
			try (var s = connection.createStatement(); var rs = s.executeQuery("SELECT * FROM decision WHERE 1 = 0")) {
				ResultSetMetaData meta = rs.getMetaData();
				for (int i = 1; i <= meta.getColumnCount(); i++) {
					columns.put(meta.getColumnLabel(i).toLowerCase(Locale.ROOT), meta.getColumnType(i));
				}
			}
			return columns;
		});
		for (FactsColumn column : FactsColumn.ALL) {
			assertThat(types).as("decision columns").containsKey(column.header());
			int type = types.get(column.header());
			List<Integer> fitting = switch (column.kind()) {
				case TEXT -> List.of(Types.VARCHAR, Types.CHAR, Types.NVARCHAR, Types.NCHAR);
				case WHOLE_NUMBER -> List.of(Types.BIGINT, Types.INTEGER, Types.SMALLINT);
				case DECIMAL -> List.of(Types.DECIMAL, Types.NUMERIC);
				case BOOLEAN -> List.of(Types.BOOLEAN, Types.BIT, Types.TINYINT);
			};
			assertThat(fitting).as("%s's SQL type %s", column.header(), type).contains(type);
		}
	}

	/**
	 * What must stay explicit: the snapshot Spring Data maps onto the decision table and
	 * the API body's OpenAPI schema list the declaration's columns, in its order, with
	 * its bounds.
	 */
	@Test
	void theSnapshotAndTheApiBodyListTheDeclaredColumns() throws NoSuchFieldException {
		assertThat(Arrays.stream(FactsSnapshot.class.getRecordComponents()).map(RecordComponent::getName).toList())
			.containsExactlyElementsOf(FactsColumn.MEASURES.stream().map(FactsColumn::field).toList());
		RecordComponent[] input = CommuneFactsInput.class.getRecordComponents();
		assertThat(Arrays.stream(input).map(RecordComponent::getName).toList())
			.containsExactlyElementsOf(FactsColumn.ALL.stream().map(FactsColumn::field).toList());
		for (RecordComponent component : input) {
			FactsColumn column = FactsColumns.byField(component.getName()).orElseThrow();
			// @Schema reaches the record's field, not its component
			Schema schema = component.getAccessor()
				.getDeclaringClass()
				.getDeclaredField(component.getName())
				.getAnnotation(Schema.class);
			assertThat(schema).as(column.field()).isNotNull();
			assertThat(schema.requiredMode() == Schema.RequiredMode.REQUIRED).as(column.field() + " required")
				.isEqualTo(column.required());
			if (column.min() != null) {
				assertThat(Long.parseLong(schema.minimum())).as(column.field() + " minimum").isEqualTo(column.min());
				assertThat(Long.parseLong(schema.maximum())).as(column.field() + " maximum").isEqualTo(column.max());
			}
		}
	}

	@Test
	void theFactsContractDocumentNamesEveryColumn() throws IOException {
		String doc = Files.readString(Path.of("..", "docs", "facts-contract.md"));
		for (FactsColumn column : FactsColumn.ALL) {
			assertThat(doc).as(column.header()).contains(column.header());
		}
	}

	private static CommuneFacts read(FactsFormat format, byte[] content) {
		try (InputStream in = new ByteArrayInputStream(content)) {
			List<CommuneFacts> communes = IMPORTER.read("every-column", in, format, null, null, null).communes();
			assertThat(communes).hasSize(1);
			return communes.get(0);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static Properties bundle(String name) throws IOException {
		Properties properties = new Properties();
		try (InputStream in = FactsDeclaredOnceIntegrationTest.class.getResourceAsStream("/" + name)) {
			properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
		}
		return properties;
	}

}
