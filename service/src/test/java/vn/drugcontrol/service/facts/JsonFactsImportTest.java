package vn.drugcontrol.service.facts;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import vn.drugcontrol.rules.commune.CommuneFacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.drugcontrol.service.facts.FactsFiles.IMPORTER;
import static vn.drugcontrol.service.facts.FactsFiles.readResource;
import static vn.drugcontrol.service.facts.FactsFiles.rejected;

class JsonFactsImportTest {

	private static final String THUC_PHAN = """
			{"communeCode": "01273", "communeName": "Thục Phán", "provinceCode": "04", "period": 2025,
			 "population": 24500, "managedUsers": 130, "inSubstitutionTreatment": 40, "inCommunityRehab": 12,
			 "inPostRehabManagement": 8, "drugUsePoints": 2, "arrestedOffenders": 30, "residentViolators": 25,
			 "wantedFugitives": 1, "plantsDestroyed": 0, "plantAreaM2": 0, "onIntraProvincialRoute": true,
			 "onInterProvincialRoute": false, "heldInCentresOrPrison": 6}""";

	private static final JsonMapper MAPPER = JsonMapper.builder().build();

	@Test
	void aBatchObjectGivesTheExpectedFactsAndLendsItsProvinceAndPeriodToItsCommunes() {
		FactsBatch batch = readResource("cao-bang-2025.json", FactsFormat.JSON);
		assertThat(batch.provinceCode()).isEqualTo("04");
		assertThat(batch.period()).isEqualTo(2025);
		assertThat(batch.communes()).containsExactlyElementsOf(FactsFiles.caoBang2025());
	}

	@Test
	void aBareArrayGivesTheExpectedFacts() {
		FactsBatch batch = read("[" + THUC_PHAN + "]", null, null);
		assertThat(batch.provinceCode()).isEqualTo("04");
		assertThat(batch.period()).isEqualTo(2025);
		assertThat(batch.communes()).containsExactly(FactsFiles.caoBang2025().get(0));
	}

	@Test
	void readsAnApiBody() {
		JsonNode body = MAPPER.readTree("[" + THUC_PHAN + "]");
		FactsBatch batch = IMPORTER.readJson("request body", body, "04", 2025);
		assertThat(batch.communes()).extracting(CommuneFacts::communeName).containsExactly("Thục Phán");
	}

	@Test
	void problemsNameTheItemAndTheCamelCaseField() {
		String json = "[" + THUC_PHAN + ", "
				+ THUC_PHAN.replace("\"01273\"", "\"01360\"")
					.replace("Thục Phán", "Sơn Lộ")
					.replace("24500", "-1")
					.replace("\"plantAreaM2\": 0", "\"plantAreaM2\": \"12,5\"")
					.replace("\"onIntraProvincialRoute\": true", "\"onIntraProvincialRoute\": \"maybe\"")
				+ "]";
		List<ImportProblem> problems = rejected(() -> read(json, "04", 2025));
		assertThat(problems).extracting(ImportProblem::file).containsOnly("facts.json");
		assertThat(problems).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.containsExactly(tuple(2, "population", "must be a whole number greater than 0, got \"-1\"."),
					tuple(2, "plantAreaM2", "must use a dot as the decimal separator, e.g. \"12.5\", got \"12,5\"."),
					tuple(2, "onIntraProvincialRoute",
							"must be true or false (or 1/0, yes/no, có/không), got \"maybe\"."));
	}

	@Test
	void anUnknownOrMissingFieldIsAProblemOfItsItem() {
		String json = "[" + THUC_PHAN.replace("\"managedUsers\"", "\"managed_users\"") + "]";
		assertThat(rejected(() -> read(json, null, null)))
			.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.containsExactly(tuple(1, "managedUsers", "is missing; it is required."),
					tuple(1, "managed_users", "is not a field of the facts contract; did you mean \"managedUsers\"?"));
	}

	@Test
	void aCodeGivenAsANumberIsAProblem() {
		String json = "[" + THUC_PHAN.replace("\"01273\"", "1273") + "]";
		assertThat(rejected(() -> read(json, null, null)))
			.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.containsExactly(
					tuple(1, "communeCode", "must be a string of 5 digits such as \"01273\", got the number 1273."));
	}

	@Test
	void aBatchObjectOfAnotherProvinceThanExpectedIsAProblem() {
		String json = "{\"provinceCode\": \"01\", \"communes\": [" + THUC_PHAN + "]}";
		assertThat(rejected(() -> read(json, "04", null)))
			.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.containsExactly(
					tuple(null, "provinceCode", "is 01 (Hà Nội), but this import is for province 04 (Cao Bằng)."));
	}

	@Test
	void aCommuneOfAnotherProvinceThanItsBatchIsAProblem() {
		String json = "{\"provinceCode\": \"01\", \"period\": 2025, \"communes\": ["
				+ THUC_PHAN.replace("\"provinceCode\": \"04\", ", "") + "]}";
		assertThat(rejected(() -> read(json, null, null)))
			.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.containsExactly(tuple(1, "communeCode",
					"01273 Phường Thục Phán belongs to province 04 (Cao Bằng), but this import is for province 01 (Hà Nội)."),
					tuple(1, "provinceCode",
							"is 01 (Hà Nội), but commune 01273 Thục Phán belongs to province 04 (Cao Bằng)."));
	}

	@Test
	void aWrongShapeIsAProblemOfTheWholeFile() {
		assertThat(rejected(() -> read("\"communes\"", null, null)))
			.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.containsExactly(tuple(null, null,
					"The JSON must be an array of communes, or an object with a \"communes\" array; got a string."));
		assertThat(rejected(() -> read("{\"province\": \"04\"}", null, null)))
			.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.containsExactly(
					tuple(null, "province",
							"is not a field of a facts batch, which has provinceCode, period and communes."),
					tuple(null, "communes", "is missing: the object must hold the communes in a \"communes\" array."));
		assertThat(rejected(() -> read("[42]", null, null))).extracting(ImportProblem::row, ImportProblem::reason)
			.containsExactly(tuple(1, "must be an object with the commune's facts, got a number."));
		assertThat(rejected(() -> read("[]", null, null))).extracting(ImportProblem::reason)
			.containsExactly("The file contains no communes.");
	}

	@Test
	void invalidJsonIsAProblemOfTheWholeFile() {
		assertThat(rejected(() -> read("[" + THUC_PHAN + ",", null, null))).singleElement().satisfies((p) -> {
			assertThat(p.row()).isNull();
			assertThat(p.reason()).startsWith("The file is not valid JSON (line 5");
		});
		assertThat(rejected(() -> read("", null, null))).extracting(ImportProblem::reason)
			.containsExactly("The file is empty.");
	}

	@Test
	void aRepeatedFieldIsInvalidJson() {
		String json = "[" + THUC_PHAN.replace("\"population\": 24500", "\"population\": 24500, \"population\": 1")
				+ "]";
		assertThat(rejected(() -> read(json, null, null))).extracting(ImportProblem::reason)
			.singleElement()
			.asString()
			.contains("Duplicate Object property \"population\"");
	}

	@Test
	void duplicateCommunesNameBothItems() {
		assertThat(rejected(() -> read("[" + THUC_PHAN + "," + THUC_PHAN + "]", null, null)))
			.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
			.containsExactly(tuple(2, "communeCode",
					"commune 01273 appears twice in the batch, on items 1 and 2; each commune may appear only once."));
	}

	private static FactsBatch read(String json, String province, Integer period) {
		return IMPORTER.read("facts.json", new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)),
				FactsFormat.JSON, province, period, null);
	}

}
