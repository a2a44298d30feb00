package vn.drugcontrol.service.ruleset;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.service.DatabaseTest;

class ScratchProbeIntegrationTest extends DatabaseTest {

	@Test
	void probe() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		Map<String, String> drlOnly = new LinkedHashMap<>(ShippedRuleSets.source("default").files());
		report("drl-only", drlOnly, run);
		Map<String, String> partial = new LinkedHashMap<>();
		partial.put("common/criteria-type-i.drl", drlOnly.get("common/criteria-type-i.drl"));
		report("partial", partial, run);
		Map<String, String> mine = new LinkedHashMap<>();
		mine.put("mine.drl", "package x\nimport vn.drugcontrol.rules.commune.CommuneFacts;\nrule \"r\" when CommuneFacts() then end\n");
		report("mine", mine, run);
	}

	private void report(String name, Map<String, String> files, long run) {
		ResponseEntity<JsonNode> up = http().post().uri("/api/v1/rule-sets").contentType(MediaType.MULTIPART_FORM_DATA)
			.body(Bundles.form(files, "name", name)).retrieve().toEntity(JsonNode.class);
		System.out.println("PROBE " + name + " upload " + up.getStatusCode() + " " + up.getBody());
		long id = up.getBody().has("id") ? up.getBody().get("id").asLong() : up.getBody().get("version").get("id").asLong();
		ResponseEntity<String> sim = http().get().uri("/api/v1/rule-sets/" + id + "/simulation?run=" + run).retrieve().toEntity(String.class);
		System.out.println("PROBE " + name + " simulation " + sim.getStatusCode() + " " + sim.getBody());
	}

}
