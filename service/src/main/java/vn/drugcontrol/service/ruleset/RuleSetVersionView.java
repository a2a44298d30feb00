package vn.drugcontrol.service.ruleset;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import vn.drugcontrol.rules.engine.CompileError;
import vn.drugcontrol.service.scenario.ScenarioReport;

/**
 * A rule-set version as the API shows it: what it is, where it stands, its files, why it
 * was rejected (if it was) and, when just run, its scenarios.
 */
public record RuleSetVersionView(long id, String name, String label, String author, String note, String contentHash,
		String bundleHash, VersionStatus status, int effectiveFrom, Integer effectiveTo, Instant createdAt,
		Instant activatedAt, Instant retiredAt, Long supersededBy, List<FileView> files, List<CompileError> errors,
		ScenarioReport scenarios, Map<String, String> links) {

	/** A file of the bundle, without its content. */
	public record FileView(String path, BundleFile.Kind kind, int bytes) {
	}

	public static RuleSetVersionView of(RuleSetVersion v, ScenarioReport scenarios) {
		String self = "/api/v1/rule-sets/" + v.id();
		return new RuleSetVersionView(v.id(), v.name(), v.label(), v.author(), v.note(), v.contentHash(),
				v.bundleHash(), v.status(), v.effectiveFrom(), v.effectiveTo(), v.createdAt(), v.activatedAt(),
				v.retiredAt(), v.supersededBy(),
				v.files().stream().map(f -> new FileView(f.path(), f.kind(), f.content().length)).toList(),
				v.problems().stream().map(p -> new CompileError(p.filePath(), p.lineNumber(), p.message())).toList(),
				scenarios, Map.of("self", self, "activation", self + "/activation", "retirement", self + "/retirement",
						"scenarios", self + "/scenarios", "simulation", self + "/simulation?run={runId}"));
	}

}
