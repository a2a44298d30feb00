package vn.drugcontrol.service.scenario;

import java.util.List;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;

/**
 * One row of a scenario table: a commune's facts and what the analyst expects of them.
 *
 * @param file the table's path in the bundle
 * @param row the row's number as a spreadsheet shows it (the header is row 1)
 * @param description the {@code scenario} column, if any
 * @param expectedCriteria criteria ids such as {@code 4.2.a}; empty when not checked
 */
public record Scenario(String file, int row, String description, CommuneFacts facts,
		Classification expectedClassification, List<String> expectedCriteria) {

}
