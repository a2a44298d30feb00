package vn.drugcontrol.service.ruleset;

import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.springframework.data.relational.core.mapping.Table;

/**
 * One file of a rule-set bundle as uploaded: a DRL file or a scenario table (CSV or
 * XLSX).
 *
 * @param path its path in the bundle, e.g. {@code common/tally.drl}
 * @param kind what it is
 * @param content its bytes, unchanged
 */
@Table("rule_set_file")
public record BundleFile(String path, Kind kind, byte[] content) {

	/** What a bundle's file is. */
	public enum Kind {

		DRL, SCENARIO

	}

	/** The kind a path names by its extension, or null for any other file. */
	static Kind kindOf(String path) {
		String p = path.toLowerCase(Locale.ROOT);
		if (p.endsWith(".drl")) {
			return Kind.DRL;
		}
		if (p.endsWith(".csv") || p.endsWith(".xlsx")) {
			return Kind.SCENARIO;
		}
		return null;
	}

	String text() {
		return new String(content, StandardCharsets.UTF_8);
	}

}
