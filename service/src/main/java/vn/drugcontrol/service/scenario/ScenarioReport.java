package vn.drugcontrol.service.scenario;

import java.util.List;

/**
 * The outcome of a bundle's scenario tables against its rules.
 *
 * @param files the tables run
 * @param total scenarios run
 * @param passed scenarios whose class and criteria were as expected
 * @param failures the others, row by row
 */
public record ScenarioReport(List<String> files, int total, int passed, List<ScenarioFailure> failures) {

	public static final ScenarioReport NONE = new ScenarioReport(List.of(), 0, 0, List.of());

	public boolean allPassed() {
		return failures.isEmpty();
	}

}
