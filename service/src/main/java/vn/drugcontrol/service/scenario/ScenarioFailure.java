package vn.drugcontrol.service.scenario;

import java.util.List;

import vn.drugcontrol.rules.commune.Classification;

/**
 * A scenario the rules did not meet: what the analyst expected and what the rules gave.
 *
 * @param actualClassification null when the rules gave no class (see {@code error})
 * @param expectedCriteria as written in the table
 * @param actualCriteria the criteria the rules found met, of the articles the table names
 * (all of them when it names none)
 * @param error why the rules gave no single class for the row (none, or several); null
 * when they gave one
 */
public record ScenarioFailure(String file, int row, String scenario, String communeCode,
		Classification expectedClassification, Classification actualClassification, List<String> expectedCriteria,
		List<String> actualCriteria, String decidedBy, String error) {

}
