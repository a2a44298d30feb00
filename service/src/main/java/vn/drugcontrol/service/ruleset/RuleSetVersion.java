package vn.drugcontrol.service.ruleset;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import vn.drugcontrol.rules.engine.RuleSetSource;

/**
 * A version of the rules: an immutable bundle of DRL files and scenario tables, who made
 * it and why, and the evaluation periods it is effective for. Its status changes through
 * {@link RuleSetVersionRepository}'s updates, never its files.
 */
@Table("rule_set_version")
public record RuleSetVersion(@Id Long id, String name, String label, String author, String note, String contentHash,
		String bundleHash, VersionStatus status, int effectiveFrom, Integer effectiveTo, Instant createdAt,
		Instant activatedAt, Instant retiredAt, Long supersededBy,
		@MappedCollection(idColumn = "version_id", keyColumn = "position") List<BundleFile> files,
		@MappedCollection(idColumn = "version_id", keyColumn = "position") List<Problem> problems) {

	/** Why the bundle was rejected: the file, the line (0 when none) and the message. */
	@Table("rule_set_problem")
	public record Problem(String filePath, int lineNumber, String message) {
	}

	/** The DRL text and the law's data of the bundle, as the engine compiles them. */
	public RuleSetSource source() {
		return BundleFile.source(name, label, files);
	}

	public List<BundleFile> scenarios() {
		return files.stream().filter(f -> f.kind() == BundleFile.Kind.SCENARIO).toList();
	}

	/** Whether the version is effective for the evaluation period (inclusive bounds). */
	public boolean covers(int period) {
		return effectiveFrom <= period && (effectiveTo == null || period <= effectiveTo);
	}

}
