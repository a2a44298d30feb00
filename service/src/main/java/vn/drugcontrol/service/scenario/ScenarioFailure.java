package vn.drugcontrol.service.scenario;

import java.util.List;

/**
 * A scenario the rules did not meet: what the analyst expected and what the rules gave.
 *
 * @param communeCode the commune's code (a province's, in a province table)
 * @param expectedClassification a commune's class ({@code TYPE_II}), or a province's
 * ({@code KEY_AREA}) in a province table
 * @param actualClassification null when the rules gave no class (see {@code error})
 * @param expectedCriteria as written in the table
 * @param actualCriteria the criteria the rules found met, of the articles the table names
 * (all of them when it names none)
 * @param error why the rules gave no single class for the row (none, or several); null
 * when they gave one
 */
public record ScenarioFailure(String file, int row, String scenario, String communeCode, String expectedClassification,
		String actualClassification, List<String> expectedCriteria, List<String> actualCriteria, String decidedBy,
		String error) {

}
