package vn.drugcontrol.service.ruleset;

import java.util.List;

import vn.drugcontrol.rules.engine.CompileError;
import vn.drugcontrol.service.scenario.ScenarioReport;

/**
 * The exceptions of rule-set versions, each carrying what the API shows.
 */
public final class RuleSetVersionProblems {

	private RuleSetVersionProblems() {
	}

	/** An upload that does not compile or whose scenario tables cannot be read. */
	public static class BundleRejectedException extends RuntimeException {

		private final RuleSetVersion version;

		private final boolean created;

		BundleRejectedException(RuleSetVersion version, boolean created) {
			super("rule set version " + version.id() + " was rejected: " + version.problems().size()
					+ " problem(s); it is kept as REJECTED and can never be activated");
			this.version = version;
			this.created = created;
		}

		public RuleSetVersion version() {
			return version;
		}

		public boolean created() {
			return created;
		}

		public List<CompileError> errors() {
			return version.problems()
				.stream()
				.map(p -> new CompileError(p.filePath(), p.lineNumber(), p.message()))
				.toList();
		}

	}

	/** A version that cannot be activated or used as asked. */
	public static class VersionStateException extends RuntimeException {

		public VersionStateException(String message) {
			super(message);
		}

	}

	/**
	 * Activation refused while a scenario fails, a class the rules can give is untested,
	 * or the rules cannot classify every probe commune.
	 */
	public static class ScenariosFailedException extends RuntimeException {

		private final ScenarioReport report;

		ScenariosFailedException(long versionId, ScenarioReport report) {
			super("rule set version " + versionId + " is not validated: " + report.refusal()
					+ "; it was not activated");
			this.report = report;
		}

		public ScenarioReport report() {
			return report;
		}

	}

	/**
	 * Activation refused: the version's exhaustive check found a commune with more of a
	 * measure given a better class, and no analyst gave a reason to activate it anyway.
	 */
	public static class NotMonotoneException extends RuntimeException {

		private final transient RuleSetProofs.Summary proof;

		NotMonotoneException(long versionId, RuleSetProofs.Summary proof, boolean reasonGiven) {
			super("rule set version " + versionId + " breaks monotonicity: its exhaustive check found "
					+ proof.counterexamples() + " commune(s) given a better class with more of a measure than another"
					+ (reasonGiven ? "; only an analyst may activate it anyway"
							: "; an analyst may activate it anyway with a reason (\"overrideMonotonicity\"), which is audited")
					+ "; it was not activated");
			this.proof = proof;
		}

		public RuleSetProofs.Summary proof() {
			return proof;
		}

	}

}
