package vn.drugcontrol.service.ruleset;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.data.relational.core.mapping.Table;

import vn.drugcontrol.rules.engine.RuleSetSource;
import vn.drugcontrol.rules.law.LawBook;

/**
 * One file of a rule-set bundle as uploaded: a DRL file, the law's data (the clause
 * register {@code law/clauses.csv} and the parameters {@code law/parameters.csv}) or a
 * scenario table (CSV or XLSX).
 *
 * @param path its path in the bundle, e.g. {@code common/tally.drl}
 * @param kind what it is
 * @param content its bytes, unchanged
 */
@Table("rule_set_file")
public record BundleFile(String path, Kind kind, byte[] content) {

	/** What a bundle's file is. */
	public enum Kind {

		DRL, LAW, SCENARIO

	}

	/**
	 * The text the engine compiles: the DRL files and the law's data, by path (scenario
	 * tables are run, not compiled).
	 */
	static RuleSetSource source(String name, String label, List<BundleFile> files) {
		Map<String, String> compiled = new LinkedHashMap<>();
		files.stream()
			.filter(f -> f.kind() == Kind.DRL || f.kind() == Kind.LAW)
			.forEach(f -> compiled.put(f.path(), f.text()));
		return new RuleSetSource(name, label, compiled);
	}

	/** The kind a path names by its extension, or null for any other file. */
	static Kind kindOf(String path) {
		String p = path.toLowerCase(Locale.ROOT);
		if (LawBook.isLawFile(path)) {
			return Kind.LAW;
		}
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
