package vn.drugcontrol.service.run;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.service.DatabaseTest;
import vn.drugcontrol.service.ruleset.Bundles;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every run evaluates the other readings of the interpretation ledger: per switch, the
 * communes that would change class with that one switch flipped, counted when the run is
 * stored — and the same count as the flipped rules simulated over the run independently,
 * through the API, as an analyst would upload them.
 */
class RunReadingsIntegrationTest extends DatabaseTest {

	/** A shipped file's text, read here from the classpath, not through the ledger. */
	private static String shippedFile(String path) {
		try (InputStream in = RunReadingsIntegrationTest.class.getClassLoader()
			.getResourceAsStream("vn/drugcontrol/rules/" + path)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** A shipped bundle with one file swapped for another, uploaded as a version. */
	private long uploadSwapped(String reading, String remove, String add, String name) {
		Map<String, String> files = new LinkedHashMap<>(ShippedRuleSets.source(reading).files());
		assertThat(files.remove(remove)).as(remove).isNotNull();
		files.put(add, shippedFile(add));
		ResponseEntity<JsonNode> uploaded = postMultipart("/api/v1/rule-sets", Bundles.form(files, "name", name));
		assertThat(uploaded.getStatusCode().is2xxSuccessful()).as("%s", uploaded.getBody()).isTrue();
		return uploaded.getBody().get("id").asLong();
	}

	private String pdfText(String uri) {
		byte[] pdf = http().get().uri(uri).retrieve().body(byte[].class);
		try (PDDocument doc = Loader.loadPDF(pdf)) {
			return new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static JsonNode flip(JsonNode readings, String switchId) {
		for (JsonNode s : readings.get("switches")) {
			if (s.get("id").asString().equals(switchId)) {
				return s;
			}
		}
		throw new AssertionError("no switch " + switchId + " in " + readings);
	}

	private static Map<String, String> moves(JsonNode communes) {
		Map<String, String> moves = new TreeMap<>();
		communes.forEach(c -> moves.put(c.get("communeCode").asString(),
				c.get("from").asString() + ">" + c.get("to").asString()));
		return moves;
	}

	private static Map<String, String> classMoves(JsonNode simulation) {
		Map<String, String> moves = new TreeMap<>();
		simulation.get("changes").forEach(c -> {
			if (!c.get("from").asString().equals(c.get("to").asString())) {
				moves.put(c.get("communeCode").asString(), c.get("from").asString() + ">" + c.get("to").asString());
			}
		});
		return moves;
	}

	/** The simulation's matrix without its diagonal, as the ledger keeps it. */
	private static Map<String, Integer> offDiagonal(JsonNode matrix) {
		Map<String, Integer> cells = new TreeMap<>();
		matrix.properties().forEach(row -> row.getValue().properties().forEach(cell -> {
			if (!row.getKey().equals(cell.getKey()) && cell.getValue().asInt() > 0) {
				cells.put(row.getKey() + ">" + cell.getKey(), cell.getValue().asInt());
			}
		}));
		return cells;
	}

	private static Map<String, Integer> cells(JsonNode matrix) {
		Map<String, Integer> cells = new TreeMap<>();
		matrix.properties()
			.forEach(row -> row.getValue()
				.properties()
				.forEach(cell -> cells.put(row.getKey() + ">" + cell.getKey(), cell.getValue().asInt())));
		return cells;
	}

	@Test
	void aCaoBangRunUnderTheDefaultReadingCountsForBandsWhatTheFlippedRulesSimulatedOverItChange() {
		long run = upload(sample("cao-bang-2025.csv"), "ruleSet", "default").getBody().get("id").asLong();

		JsonNode readings = get("/api/v1/runs/" + run + "/readings");

		assertThat(readings.get("ruleSetName").asString()).isEqualTo("default");
		assertThat(readings.get("switches")).hasSize(6);
		JsonNode bands = flip(readings, "bands");
		assertThat(bands.get("option").asString()).isEqualTo("cumulative");
		assertThat(bands.get("decidedBy").asString()).isNotBlank();
		JsonNode exclusive = bands.get("alternatives").get(0);
		assertThat(exclusive.get("option").asString()).isEqualTo("exclusive");
		assertThat(exclusive.get("notEvaluated").isNull()).as("%s", exclusive).isTrue();

		// counted independently: default with the literal reading's type II file,
		// uploaded
		// as an analyst would and simulated over the same run
		long bandsFlipped = uploadSwapped("default", "default-reading/criteria-type-ii.drl",
				"literal-reading/criteria-type-ii.drl", "default-exclusive-bands");
		JsonNode simulation = get("/api/v1/rule-sets/" + bandsFlipped + "/simulation?run=" + run);

		assertThat(exclusive.get("changed").asInt()).isEqualTo(simulation.get("classChanged").asInt());
		assertThat(cells(exclusive.get("matrix"))).isEqualTo(offDiagonal(simulation.get("matrix")));
		assertThat(exclusive.get("alternativeHash").asString())
			.isEqualTo(simulation.get("candidate").get("contentHash").asString());
		JsonNode listed = get("/api/v1/runs/" + run + "/readings/bands");
		assertThat(moves(listed.get("alternatives").get(0).get("communes"))).isEqualTo(classMoves(simulation))
			.hasSize(exclusive.get("changed").asInt());
		// the run itself is as it was: 56 decisions, and the counts are all the ledger
		// keeps
		assertThat(count("decision")).isEqualTo(56);
		assertThat(count("run_reading_alternative")).isEqualTo(2);
	}

	@Test
	void aLiteralRunCountsForTypeIIIZeroWhatTheFlippedRulesSimulatedOverItChange() {
		long run = upload(sample("cao-bang-2025.csv"), "ruleSet", "literal").getBody().get("id").asLong();

		JsonNode type3 = flip(get("/api/v1/runs/" + run + "/readings"), "type3-zero");
		long flipped = uploadSwapped("literal", "literal-reading/criteria-type-iii.drl",
				"default-reading/criteria-type-iii.drl", "literal-no-presence-needed");
		JsonNode simulation = get("/api/v1/rule-sets/" + flipped + "/simulation?run=" + run);

		assertThat(type3.get("option").asString()).isEqualTo("below-band-zero-included");
		JsonNode alternative = type3.get("alternatives").get(0);
		assertThat(alternative.get("option").asString()).isEqualTo("no-presence-needed");
		assertThat(alternative.get("changed").asInt()).isEqualTo(simulation.get("classChanged").asInt());
		assertThat(cells(alternative.get("matrix"))).isEqualTo(offDiagonal(simulation.get("matrix")));
	}

	@Test
	void rulesWhoseFilesTakeNoOptionStillRunAndSayWhyTheSwitchIsNotEvaluated() {
		Map<String, String> files = new HashMap<>(ShippedRuleSets.source("default").files());
		files.put("mine/criteria-type-ii.drl", files.remove("default-reading/criteria-type-ii.drl"));
		long version = postMultipart("/api/v1/rule-sets", Bundles.form(files, "name", "own-files")).getBody()
			.get("id")
			.asLong();

		ResponseEntity<JsonNode> started = upload(sample("cao-bang-2025.csv"), "ruleSetVersion",
				String.valueOf(version));

		assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		long run = started.getBody().get("id").asLong();
		JsonNode bands = flip(get("/api/v1/runs/" + run + "/readings"), "bands");
		assertThat(bands.get("option").isNull()).isTrue();
		JsonNode alternative = bands.get("alternatives").get(0);
		assertThat(alternative.get("changed").isNull()).isTrue();
		assertThat(alternative.get("notEvaluated").asString()).contains("take no one option of this switch");
		assertThat(flip(get("/api/v1/runs/" + run + "/readings"), "type3-zero").get("alternatives")
			.get(0)
			.get("changed")
			.isNull()).isFalse();
	}

	@Test
	void anUnknownSwitchIsNotFound() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();

		ResponseEntity<JsonNode> answer = http().get()
			.uri("/api/v1/runs/" + run + "/readings/zero-counts")
			.retrieve()
			.toEntity(JsonNode.class);

		assertThat(answer.getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
		assertThat(answer.getBody().get("detail").asString()).contains("no switch 'zero-counts'");
	}

}
