package vn.drugcontrol.service.ruleset;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.core.io.ByteArrayResource;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

import vn.drugcontrol.rules.engine.ShippedRuleSets;

/**
 * Test fixtures: bundles as an analyst would upload them.
 */
public final class Bundles {

	private Bundles() {
	}

	/** The DRL files and scenario tables of a shipped rule set, by path. */
	public static Map<String, String> shipped(String name) {
		Map<String, String> files = new LinkedHashMap<>(ShippedRuleSets.source(name).files());
		files.putAll(ShippedRuleSets.scenarios(name));
		return files;
	}

	/** A multipart upload of these files with these form fields. */
	public static MultiValueMap<String, Object> form(Map<String, String> files, String... fields) {
		MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
		files.forEach((path, text) -> parts.add("files", file(path, text.getBytes(StandardCharsets.UTF_8))));
		for (int i = 0; i + 1 < fields.length; i += 2) {
			parts.add(fields[i], fields[i + 1]);
		}
		return parts;
	}

	public static ByteArrayResource file(String name, byte[] content) {
		return new ByteArrayResource(content) {
			@Override
			public String getFilename() {
				return name;
			}
		};
	}

}
