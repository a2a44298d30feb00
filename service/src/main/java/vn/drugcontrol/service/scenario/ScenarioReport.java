package vn.drugcontrol.service.scenario;

import java.util.List;

import vn.drugcontrol.rules.commune.Classification;

/**
 * The outcome of a bundle's scenario tables against its rules, and whether they test it
 * enough to validate it.
 *
 * @param files the tables run
 * @param total scenarios run
 * @param passed scenarios whose class and criteria were as expected
 * @param failures the others, row by row
 * @param required the classes a passing scenario must show: every class of Art. 4 and 6,
 * and {@code UNCLASSIFIED} when the rules give it to a commune of the {@link ClassProbe}
 * @param missing the required classes no passing scenario shows
 * @param unusable why the rules cannot be used on facts they must take (they gave a probe
 * commune or province no class or several); null when they can
 */
public record ScenarioReport(List<String> files, int total, int passed, List<ScenarioFailure> failures,
		List<Classification> required, List<Classification> missing, String unusable) {

	public static final ScenarioReport NONE = new ScenarioReport(List.of(), 0, 0, List.of(), List.of(), List.of(),
			null);

	/** Whether every scenario row gave what its table expects. */
	public boolean allPassed() {
		return failures.isEmpty();
	}

	/**
	 * Whether the version is tested enough to be activated: every row passes, the passing
	 * rows show every required class, and the rules classify every probe commune.
	 */
	public boolean validates() {
		return allPassed() && missing.isEmpty() && unusable == null;
	}

	/** Why it does not validate, in one sentence; empty when it does. */
	public String refusal() {
		StringBuilder why = new StringBuilder();
		if (!allPassed()) {
			why.append(total - passed).append(" of ").append(total).append(" scenario(s) fail");
		}
		if (!missing.isEmpty()) {
			why.append(why.isEmpty() ? "" : "; ")
				.append("no passing scenario shows ")
				.append(missing)
				.append(" (a version is tested only when its scenario tables cover every class it can give: ")
				.append(required)
				.append(")");
		}
		if (unusable != null) {
			why.append(why.isEmpty() ? "" : "; ").append(unusable);
		}
		return why.toString();
	}

}
