package vn.drugcontrol.service.scenario;

import java.util.List;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.province.ProvinceClassification;
import vn.drugcontrol.rules.province.ProvinceFacts;

/**
 * One row of a scenario table: a commune's facts (or, in a province table, a province's)
 * and what the analyst expects of them.
 *
 * @param file the table's path in the bundle
 * @param row the row's number as a spreadsheet shows it (the header is row 1)
 * @param description the {@code scenario} column, if any
 * @param facts the commune's facts; null in a province table
 * @param expectedCriteria criteria ids such as {@code 4.2.a}; empty when not checked
 * @param province the province's facts; null in a commune table
 * @param expectedProvinceClassification what Art. 5 and 6 should make of the province
 */
public record Scenario(String file, int row, String description, CommuneFacts facts,
		Classification expectedClassification, List<String> expectedCriteria, ProvinceFacts province,
		ProvinceClassification expectedProvinceClassification) {

	/** A commune's row. */
	public Scenario(String file, int row, String description, CommuneFacts facts, Classification expectedClassification,
			List<String> expectedCriteria) {
		this(file, row, description, facts, expectedClassification, expectedCriteria, null, null);
	}

	static Scenario ofProvince(String file, int row, String description, ProvinceFacts province,
			ProvinceClassification expected, List<String> expectedCriteria) {
		return new Scenario(file, row, description, null, null, expectedCriteria, province, expected);
	}

	/** The commune's or the province's code. */
	public String unitCode() {
		return facts != null ? facts.communeCode() : province.provinceCode();
	}

	/** The class expected, by name. */
	public String expected() {
		return facts != null ? expectedClassification.name() : expectedProvinceClassification.name();
	}

}
