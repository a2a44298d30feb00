package vn.drugcontrol.service.facts;

import java.io.ByteArrayInputStream;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.engine.FactsContract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static vn.drugcontrol.service.facts.FactsFiles.BAO_LAM;
import static vn.drugcontrol.service.facts.FactsFiles.HEADER;
import static vn.drugcontrol.service.facts.FactsFiles.IMPORTER;
import static vn.drugcontrol.service.facts.FactsFiles.SON_LO;
import static vn.drugcontrol.service.facts.FactsFiles.THUC_PHAN;
import static vn.drugcontrol.service.facts.FactsFiles.csv;
import static vn.drugcontrol.service.facts.FactsFiles.readCsv;
import static vn.drugcontrol.service.facts.FactsFiles.readResource;
import static vn.drugcontrol.service.facts.FactsFiles.rejected;
import static vn.drugcontrol.service.facts.FactsFiles.utf8;

class CsvFactsImportTest {

	@Nested
	class GoodFiles {

		@Test
		void aGoodFileGivesTheExpectedFacts() {
			FactsBatch batch = readResource("cao-bang-2025.csv", FactsFormat.CSV);
			assertThat(batch.provinceCode()).isEqualTo("04");
			assertThat(batch.period()).isEqualTo(2025);
			assertThat(batch.communes()).containsExactlyElementsOf(FactsFiles.caoBang2025());
			assertThat(FactsContract.check(batch.communes())).isEmpty();
		}

		@Test
		void keepsVietnameseDiacritics() {
			FactsBatch batch = readCsv(HEADER, SON_LO, "01654,Hoà An,04,2025,5000,0,0,0,0,0,0,0,0,0,0,,,");
			assertThat(batch.communes()).extracting(CommuneFacts::communeName).containsExactly("Xã Sơn Lộ", "Hoà An");
		}

		@Test
		void takesTheProvinceAndPeriodFromTheRowsWhenNoneIsExpected() {
			FactsBatch batch = readCsv(HEADER, THUC_PHAN, SON_LO);
			assertThat(batch.provinceCode()).isEqualTo("04");
			assertThat(batch.period()).isEqualTo(2025);
		}

		@Test
		void skipsAUtf8ByteOrderMark() {
			byte[] text = utf8(HEADER, THUC_PHAN);
			byte[] withBom = new byte[text.length + 3];
			withBom[0] = (byte) 0xEF;
			withBom[1] = (byte) 0xBB;
			withBom[2] = (byte) 0xBF;
			System.arraycopy(text, 0, withBom, 3, text.length);
			FactsBatch batch = IMPORTER.read("bom.csv", new ByteArrayInputStream(withBom), FactsFormat.CSV, "04", 2025,
					null);
			assertThat(batch.communes()).singleElement().isEqualTo(FactsFiles.caoBang2025().get(0));
		}

		@Test
		void trimsCellsAndAcceptsDecomposedNamesAndAnyCase() {
			String decomposed = java.text.Normalizer.normalize("THỤC PHÁN", java.text.Normalizer.Form.NFD);
			FactsBatch batch = readCsv(HEADER,
					" 01273 ,  " + decomposed + " ,04 ,2025, 24500,130,40,12,8,2,30,25,1,0,0,TRUE,False,6");
			assertThat(batch.communes()).singleElement()
				.satisfies((c) -> assertThat(c.communeName()).isEqualTo("THỤC PHÁN"))
				.satisfies((c) -> assertThat(c.onIntraProvincialRoute()).isTrue());
		}

		@Test
		void acceptsTheOtherTonePlacement() {
			FactsBatch batch = readCsv(HEADER, "01654,Xã Hòa An,04,2025,5000,0,0,0,0,0,0,0,0,0,0,,,");
			assertThat(batch.communes()).singleElement().extracting(CommuneFacts::communeName).isEqualTo("Xã Hòa An");
		}

		@Test
		void theRouteAndHeldColumnsMayBeLeftOut() {
			String header = HEADER
				.replace(",on_intra_provincial_route,on_inter_provincial_route,held_in_centres_or_prison", "");
			FactsBatch batch = readCsv(header, "01273,Thục Phán,04,2025,24500,130,40,12,8,2,30,25,1,0,0");
			CommuneFacts c = batch.communes().get(0);
			assertThat(c.onKeyRoute()).isFalse();
			assertThat(c.heldInCentresOrPrison()).isZero();
		}

		@Test
		void columnsMayComeInAnyOrder() {
			FactsBatch batch = readCsv(
					"population,commune_name,commune_code,province_code,period,managed_users,in_substitution_treatment,"
							+ "in_community_rehab,in_post_rehab_management,drug_use_points,arrested_offenders,"
							+ "resident_violators,wanted_fugitives,plants_destroyed,plant_area_m2",
					"6200,Sơn Lộ,01360,04,2025,12,0,3,1,0,4,3,0,1200,350.5");
			assertThat(batch.communes().get(0).population()).isEqualTo(6200);
		}

		@Test
		void readsSemicolonSeparatedFilesAsExcelWritesThemInVietnam() {
			FactsBatch batch = readCsv(HEADER.replace(',', ';'), THUC_PHAN.replace(',', ';'));
			assertThat(batch.communes()).singleElement().isEqualTo(FactsFiles.caoBang2025().get(0));
		}

		@Test
		void skipsBlankRowsButCountsThemInRowNumbers() {
			List<ImportProblem> problems = rejected(() -> readCsv(HEADER, "", ",,,,", THUC_PHAN.replace("24500", "x")));
			assertThat(problems).extracting(ImportProblem::row).containsExactly(4);
		}

		@Test
		void tellsProgressEvery500RowsAndAtTheEnd() {
			List<String> lines = new ArrayList<>(List.of(HEADER));
			for (int i = 0; i < 1_200; i++) {
				lines.add(THUC_PHAN);
			}
			List<Integer> told = new ArrayList<>();
			rejected(() -> IMPORTER.read("big.csv", csv(lines.toArray(String[]::new)), FactsFormat.CSV, "04", 2025,
					told::add));
			assertThat(told).containsExactly(500, 1_000, 1_200);
		}

	}

	@Nested
	class Problems {

		@Test
		void aMalformedFileGetsEveryProblemWithItsRowAndColumn() {
			List<ImportProblem> problems = rejected(() -> readResource("cao-bang-2025-malformed.csv", FactsFormat.CSV));
			assertThat(problems).extracting(ImportProblem::file).containsOnly("cao-bang-2025-malformed.csv");
			assertThat(problems).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple(3, "population", "must be a whole number greater than 0, got \"abc\"."),
						tuple(3, "managed_users", "must be a whole number ≥ 0, got \"-3\"."),
						tuple(4, "commune_code",
								"must have 5 digits, got \"1290\": write \"01290\" (a spreadsheet may have dropped the "
										+ "leading zero; format the column as text)."),
						tuple(4, "arrested_offenders", "must be a whole number ≥ 0, got \"12.5\"."),
						tuple(4, "plant_area_m2",
								"must use a dot as the decimal separator, e.g. \"12.5\", got \"12,5\"."),
						tuple(4, "on_intra_provincial_route",
								"must be true or false (or 1/0, yes/no, có/không), got \"maybe\"."),
						tuple(5, "period",
								"must be a year from 2020 to 2100 (Decision 28/2025 applies from 2025; earlier periods only for comparison), got 2019."),
						tuple(5, "population", "is empty; it is required."),
						tuple(5, "managed_users",
								"is 20, fewer than the three groups it includes: in_substitution_treatment + "
										+ "in_community_rehab + in_post_rehab_management = 10 + 8 + 5 = 23."));
		}

		@Test
		void anUnknownColumnIsNamedWithAGuess() {
			List<ImportProblem> problems = rejected(
					() -> readCsv(HEADER + ",populaton,notes", THUC_PHAN + ",24500,checked by hand"));
			assertThat(problems).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple(1, "populaton",
						"is not a column of the facts contract; did you mean \"population\"? Remove the column or rename it."),
						tuple(1, "notes", "is not a column of the facts contract. Remove the column or rename it."));
		}

		@Test
		void camelCaseHeadersAreUnknownButRecognised() {
			List<ImportProblem> problems = rejected(
					() -> readCsv(HEADER.replace("commune_name", "communeName"), THUC_PHAN));
			assertThat(problems).extracting(ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple("commune_name", "is missing from the header; the column is required."), tuple(
						"communeName",
						"is not a column of the facts contract; did you mean \"commune_name\"? Remove the column or rename it."));
		}

		@Test
		void aMissingColumnIsNamedOnceOnTheHeaderRow() {
			String header = HEADER.replace(",wanted_fugitives", "");
			List<ImportProblem> problems = rejected(() -> readCsv(header, THUC_PHAN.replace(",1,0,0,true", ",0,0,true"),
					BAO_LAM.replace(",0,3500", ",3500")));
			assertThat(problems).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple(1, "wanted_fugitives", "is missing from the header; the column is required."));
		}

		@Test
		void aRepeatedColumnIsAProblem() {
			List<ImportProblem> problems = rejected(() -> readCsv(HEADER + ",period", THUC_PHAN + ",2025"));
			assertThat(problems).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(
						tuple(1, "period", "appears twice in the header, in columns D and S; the second is ignored."));
		}

		@Test
		void aValueWithoutAHeaderIsAProblem() {
			List<ImportProblem> problems = rejected(() -> readCsv(HEADER, THUC_PHAN + ",oops"));
			assertThat(problems).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple(2, null, "has a value in column S, which has no header: \"oops\"."));
		}

		@Test
		void aFileWithoutAHeaderIsRejectedWithOneProblem() {
			List<ImportProblem> problems = rejected(() -> readCsv(THUC_PHAN, SON_LO));
			assertThat(problems).singleElement().satisfies((p) -> {
				assertThat(p.row()).isEqualTo(1);
				assertThat(p.reason())
					.startsWith("This row must be the header, with the contract's columns (commune_code,");
			});
		}

		@Test
		void anEmptyFileIsRejected() {
			assertThat(rejected(() -> IMPORTER.read("empty.csv", new ByteArrayInputStream(new byte[0]), FactsFormat.CSV,
					null, null, null)))
				.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple(null, null, "The file is empty."));
			assertThat(rejected(() -> readCsv("", " "))).extracting(ImportProblem::reason)
				.containsExactly("The file is empty.");
		}

		@Test
		void aHeaderWithoutRowsIsRejected() {
			assertThat(rejected(() -> readCsv(HEADER))).extracting(ImportProblem::row, ImportProblem::reason)
				.containsExactly(tuple(null, "The file has no data rows under its header."));
		}

		@Test
		void aFileNotInUtf8IsRejected() {
			byte[] windows1258 = (HEADER + "\n" + THUC_PHAN + "\n").getBytes(Charset.forName("windows-1258"));
			assertThat(rejected(() -> IMPORTER.read("ansi.csv", new ByteArrayInputStream(windows1258), FactsFormat.CSV,
					null, null, null)))
				.extracting(ImportProblem::reason)
				.singleElement()
				.asString()
				.startsWith("The file is not UTF-8 text")
				.endsWith("save it as \"CSV UTF-8\" so that Vietnamese letters are kept.");
		}

		@Test
		void anUnclosedQuoteIsRejected() {
			assertThat(rejected(() -> readCsv(HEADER, THUC_PHAN, "01360,\"Sơn Lộ,04,2025"))).singleElement()
				.satisfies((p) -> {
					assertThat(p.row()).isEqualTo(3);
					assertThat(p.reason()).startsWith("could not be read as CSV");
				});
		}

		@Test
		void anUnknownCodeIsAProblem() {
			assertThat(rejected(() -> readCsv(HEADER, THUC_PHAN.replace("01273", "01999"))))
				.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple(2, "commune_code", "\"01999\" is not a commune-level unit of the 2025 list."));
		}

		@Test
		void aNameThatDoesNotMatchTheCodeIsAProblem() {
			assertThat(rejected(() -> readCsv(HEADER, THUC_PHAN.replace("Thục Phán", "Sơn Lộ"))))
				.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple(2, "commune_name",
						"is \"Sơn Lộ\", but 01273 is Phường Thục Phán in the 2025 list of units."));
		}

		@Test
		void aNameWithoutDiacriticsDoesNotMatch() {
			assertThat(rejected(() -> readCsv(HEADER, THUC_PHAN.replace("Thục Phán", "Thuc Phan"))))
				.extracting(ImportProblem::column)
				.containsExactly("commune_name");
		}

		@Test
		void aProvinceCodeThatIsNotTheCommunesProvinceNamesBoth() {
			assertThat(rejected(() -> readCsv(HEADER, THUC_PHAN.replace(",04,", ",01,"))))
				.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple(2, "province_code",
						"is 01 (Hà Nội), but commune 01273 Thục Phán belongs to province 04 (Cao Bằng)."));
		}

		@Test
		void aCommuneOfAnotherProvinceThanExpectedIsAProblem() {
			List<ImportProblem> problems = rejected(() -> IMPORTER.read("x.csv",
					csv(HEADER, THUC_PHAN, "00004,Ba Đình,01,2025,50000,0,0,0,0,0,0,0,0,0,0,,,"), FactsFormat.CSV, "04",
					2025, null));
			assertThat(problems).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple(3, "province_code",
						"is 01 (Hà Nội), but this import is for province 04 (Cao Bằng): a batch covers one province."));
		}

		@Test
		void aCommuneOfAnotherProvinceWithTheExpectedProvinceCodeIsAProblemOnItsCode() {
			List<ImportProblem> problems = rejected(() -> IMPORTER.read("x.csv",
					csv(HEADER, THUC_PHAN, "00004,Ba Đình,04,2025,50000,0,0,0,0,0,0,0,0,0,0,,,"), FactsFormat.CSV, "04",
					2025, null));
			assertThat(problems).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple(3, "commune_code",
						"00004 Phường Ba Đình belongs to province 01 (Hà Nội), but this import is for province 04 (Cao Bằng)."),
						tuple(3, "province_code",
								"is 04 (Cao Bằng), but commune 00004 Ba Đình belongs to province 01 (Hà Nội)."));
		}

		@Test
		void withoutAnExpectedProvinceTheOddRowsOut() {
			List<ImportProblem> problems = rejected(() -> readCsv(HEADER, THUC_PHAN, SON_LO,
					"00004,Ba Đình,01,2025,50000,0,0,0,0,0,0,0,0,0,0,,,", BAO_LAM.replace(",2025,", ",2026,")));
			assertThat(problems).extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(
						tuple(4, "province_code",
								"is 01 (Hà Nội), but the batch is for province 04 (Cao Bằng), like most of its rows: "
										+ "a batch covers one province."),
						tuple(5, "period",
								"is 2026, but the batch is for period 2025, like most of its rows: a batch covers one period."));
		}

		@Test
		void aPeriodOtherThanExpectedIsAProblem() {
			assertThat(
					rejected(() -> IMPORTER.read("x.csv", csv(HEADER, THUC_PHAN), FactsFormat.CSV, "04", 2026, null)))
				.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(
						tuple(2, "period", "is 2025, but this import is for period 2026: a batch covers one period."));
		}

		@Test
		void aPeriodMustBeAFourDigitYear() {
			assertThat(rejected(() -> readCsv(HEADER, THUC_PHAN.replace(",2025,", ",25,"))))
				.extracting(ImportProblem::reason)
				.containsExactly("must be a 4-digit year such as 2025, got \"25\".");
		}

		@Test
		void anUnknownExpectedProvinceIsAProblem() {
			assertThat(
					rejected(() -> IMPORTER.read("x.csv", csv(HEADER, THUC_PHAN), FactsFormat.CSV, "99", null, null)))
				.extracting(ImportProblem::row, ImportProblem::reason)
				.contains(tuple(null,
						"The province chosen for this import, \"99\", is not a province code of the 2025 list."));
		}

		@Test
		void aDuplicateCommuneNamesBothRows() {
			assertThat(rejected(() -> readCsv(HEADER, THUC_PHAN, SON_LO, THUC_PHAN)))
				.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple(4, "commune_code",
						"commune 01273 appears twice in the batch, on rows 2 and 4; each commune may appear only once."));
		}

		@Test
		void exemptGroupsLargerThanTheUsersWithRecordsAreAProblem() {
			assertThat(rejected(() -> readCsv(HEADER, "01360,Sơn Lộ,04,2025,6200,3,1,1,2,0,0,0,0,0,0,,,")))
				.extracting(ImportProblem::row, ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple(2, "managed_users",
						"is 3, fewer than the three groups it includes: in_substitution_treatment + in_community_rehab + "
								+ "in_post_rehab_management = 1 + 1 + 2 = 4."));
		}

		@Test
		void populationMustBeAboveZero() {
			assertThat(rejected(() -> readCsv(HEADER, THUC_PHAN.replace("24500,130,40,12,8", "0,0,0,0,0"))))
				.extracting(ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple("population", "must be a whole number greater than 0, got \"0\"."));
		}

		@Test
		void thousandsSeparatorsAreNamed() {
			assertThat(rejected(() -> readCsv(HEADER, THUC_PHAN.replace("24500", "\"24,500\""))))
				.extracting(ImportProblem::reason)
				.containsExactly("must be a whole number greater than 0 without thousands separators, got \"24,500\".");
		}

		@Test
		void aShortCodeSuggestsTheLeadingZeroForTheProvinceToo() {
			assertThat(rejected(() -> readCsv(HEADER, THUC_PHAN.replace(",04,", ",4,"))))
				.extracting(ImportProblem::column, ImportProblem::reason)
				.containsExactly(tuple("province_code",
						"must have 2 digits, got \"4\": write \"04\" (a spreadsheet may have dropped the leading zero; "
								+ "format the column as text)."));
		}

		@Test
		void problemsAreCappedAtOneThousandWithACountOfTheRest() {
			List<String> lines = new ArrayList<>(List.of(HEADER));
			for (int i = 0; i < 100; i++) {
				lines.add("x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x,x");
			}
			List<ImportProblem> problems = rejected(() -> readCsv(lines.toArray(String[]::new)));
			assertThat(problems).hasSize(1001);
			assertThat(problems.get(1000).reason()).isEqualTo("…and 700 more problems not listed");
			assertThat(problems.get(1000).row()).isNull();
		}

	}

}
