package vn.drugcontrol.rules.engine;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;

/**
 * The text of a rule set: DRL files by path, as an analyst wrote them.
 *
 * @param name a short name, e.g. {@code default}
 * @param label what people call it
 * @param files DRL text by file path
 */
public record RuleSetSource(String name, String label, Map<String, String> files) {

	public RuleSetSource {
		files = Map.copyOf(files);
		if (files.isEmpty()) {
			throw new IllegalArgumentException("a rule set needs at least one DRL file");
		}
	}

	/**
	 * SHA-256 over the files' paths and texts in path order: the same files give the same
	 * hash, whatever their order or the rule set's name.
	 */
	public String contentHash() {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			new TreeMap<>(files).forEach((path, text) -> {
				sha.update(path.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
				sha.update(text.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			});
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}
