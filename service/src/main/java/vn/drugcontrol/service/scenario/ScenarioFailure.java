package vn.drugcontrol.service.scenario;

import java.util.List;

import vn.drugcontrol.rules.commune.Classification;

/**
 * A scenario the rules did not meet: what the analyst expected and what the rules gave.
 *
 * @param expectedCriteria as written in the table
 * @param actualCriteria the criteria the rules found met, of the articles the table names
 * (all of them when it names none)
 */
public record ScenarioFailure(String file, int row, String scenario, String communeCode,
		Classification expectedClassification, Classification actualClassification, List<String> expectedCriteria,
		List<String> actualCriteria, String decidedBy) {

}
