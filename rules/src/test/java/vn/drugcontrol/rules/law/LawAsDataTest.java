package vn.drugcontrol.rules.law;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.CompileError;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetCompilationException;
import vn.drugcontrol.rules.engine.RuleSetExecutionException;
import vn.drugcontrol.rules.engine.RuleSetSource;
import vn.drugcontrol.rules.engine.ShippedRuleSets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * The law as data: the clause register gives every criterion its words, the dated
 * parameters every number, and the rules cite one and read the other — checked when the
 * bundle compiles, at the file and line an analyst edits.
 */
class LawAsDataTest {

	private static final String TYPE_I = "common/criteria-type-i.drl";

	private static Map<String, String> shipped() {
		return new LinkedHashMap<>(ShippedRuleSets.source(ShippedRuleSets.DEFAULT).files());
	}

	private static RuleSet compile(Map<String, String> files) {
		return RuleSet.compile(new RuleSetSource("edited", "edited", files));
	}

	private static List<CompileError> errors(Map<String, String> files) {
		RuleSetCompilationException ex = catchThrowableOfType(RuleSetCompilationException.class, () -> compile(files));
		assertThat(ex).as("refused").isNotNull();
		return ex.errors();
	}

	private static int lineOf(String text, String mark) {
		String[] lines = text.split("\n", -1);
		for (int i = 0; i < lines.length; i++) {
			if (lines[i].contains(mark)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException("no line with " + mark);
	}

	private static CommuneFacts.Builder commune() {
		return CommuneFacts.builder("01234").population(10_000);
	}

	@Nested
	class TheRegister {

		@Test
		void aRuleCitingAnUnknownClauseIsACompileErrorAtTheLineThatCitesIt() {
			Map<String, String> files = shipped();
			files.put(TYPE_I, files.get(TYPE_I).replace("@clause(\"4.1.b\")", "@clause(\"4.1.z\")"));
			assertThat(errors(files)).singleElement().satisfies(e -> {
				assertThat(e.file()).isEqualTo(TYPE_I);
				assertThat(e.line()).isEqualTo(lineOf(files.get(TYPE_I), "@clause(\"4.1.z\")"));
				assertThat(e.message()).contains("'4.1.z'").contains("law/clauses.csv");
			});
		}

		@Test
		void aRuleDeclaringNoClauseIsACompileErrorAtTheRule() {
			Map<String, String> files = shipped();
			files.put(TYPE_I, files.get(TYPE_I).replace("    @clause(\"4.1.c\")\n", ""));
			assertThat(errors(files)).singleElement().satisfies(e -> {
				assertThat(e.file()).isEqualTo(TYPE_I);
				assertThat(e.line()).isEqualTo(lineOf(files.get(TYPE_I), "rule \"Art. 4.1.c"));
				assertThat(e.message()).contains("declares no clause");
			});
		}

		@Test
		void aRuleAssessingTwoCriteriaIsRefused() {
			Map<String, String> files = shipped();
			files.put(TYPE_I, files.get(TYPE_I).replace("@clause(\"4.1.c\")", "@clause(\"4.1.c, 4.1.d\")"));
			assertThat(errors(files)).singleElement()
				.satisfies(e -> assertThat(e.message()).contains("exactly one criterion clause"));
		}

		@Test
		void evidenceCarriesTheRegistersWordsWithThePeriodsValues() {
			CommuneOutcome outcome = ShippedRuleSets.defaultReading()
				.classify(commune().managedUsers(50).drugUsePoints(2).build());
			assertThat(outcome.evidence("4.1.a").labelVi()).isEqualTo(
					"Người nghiện, người sử dụng trái phép chất ma túy có hồ sơ quản lý chiếm từ 0,5% dân số trở lên");
			assertThat(outcome.evidence("4.1.a").labelEn())
				.isEqualTo("Drug addicts and illegal users with management records ≥ 0.5% of residents");
			assertThat(outcome.evidence("4.1.b").labelVi()).startsWith("Có từ 02 điểm");
			assertThat(outcome.evidence("4.1.d").labelVi()).contains("từ 3.000 cây").contains("từ 750 m²");
			assertThat(outcome.evidence("4.1.d").labelEn()).contains("3,000 plants or more");
			assertThat(outcome.evidence("4.1.a").threshold()).isEqualTo("≥ 0.5%");
			assertThat(outcome.evidence("4.1.a").reached()).containsExactly(Map.entry("type1.users_rate", true));
		}

		@Test
		void aTextEditedInTheRegisterIsWhatTheEvidenceShows() {
			Map<String, String> files = shipped();
			files.put(LawBook.CLAUSES,
					files.get(LawBook.CLAUSES)
						.replace("Drug offenders arrested in the area ≥ {type1.arrest_rate}",
								"Drug offenders arrested here: {type1.arrest_rate} or more"));
			assertThat(compile(files).classify(commune().build()).evidence("4.1.c").labelEn())
				.isEqualTo("Drug offenders arrested here: 0.1% or more of residents");
		}

		@Test
		void aBrokenRegisterIsReportedAtItsLine() {
			Map<String, String> files = shipped();
			String register = files.get(LawBook.CLAUSES).replace("4.1.c,criterion,", "4.1.c,criteria,");
			files.put(LawBook.CLAUSES, register.replace("{type1.plants}", "{type1.plant}"));
			assertThat(errors(files)).extracting(CompileError::toString)
				.contains("law/clauses.csv:" + lineOf(register, "4.1.c,criteria,")
						+ ": kind 'criteria' is none of criterion, count, reading, check")
				.anySatisfy(e -> assertThat(e).startsWith("law/clauses.csv:" + lineOf(register, "4.1.d,"))
					.contains("{type1.plant}"));
		}

		@Test
		void aBundleWithoutTheLawStillCompilesWithItsTextsTypedInTheRules() {
			String legacy = """
					package vn.drugcontrol.rules;

					import vn.drugcontrol.rules.commune.CommuneFacts;
					import vn.drugcontrol.rules.commune.Classification;
					import vn.drugcontrol.rules.commune.Verdict;
					import vn.drugcontrol.rules.criteria.CriterionEvidence;
					import vn.drugcontrol.rules.criteria.Measure;
					import vn.drugcontrol.rules.criteria.Threshold;

					rule "users, as stored before the register"
					when
					    $c : CommuneFacts()
					then
					    insert(CriterionEvidence.assess(kcontext, $c.communeCode(), "4.1", "a", Measure.MANAGED_USERS,
					        "chữ cũ", "old words", $c.managedUserRate(), Threshold.percentAtLeast("0.5")));
					    insert(Verdict.of(kcontext, $c.communeCode(), Classification.TYPE_III));
					end
					""";
			RuleSet rules = compile(Map.of("legacy.drl", legacy));
			assertThat(rules.law()).isEmpty();
			assertThat(rules.classify(commune().build()).evidence("4.1.a").labelEn()).isEqualTo("old words");
			assertThat(errors(Map.of("legacy.drl", legacy.replace("when", "    @clause(\"4.1.a\")\nwhen"))))
				.singleElement()
				.satisfies(e -> assertThat(e.message()).contains("no clause register"));
		}

		@Test
		void aBundleWithTheLawTypesNeitherTextsNorNumbersInItsRules() {
			Map<String, String> files = shipped();
			files.put(TYPE_I, files.get(TYPE_I)
				.replace("$law.percentAtLeast(\"type1.users_rate\")", "Threshold.percentAtLeast(\"0.5\")")
				.replace("import vn.drugcontrol.rules.law.Law;",
						"import vn.drugcontrol.rules.law.Law;\nimport vn.drugcontrol.rules.criteria.Threshold;"));
			assertThat(errors(files)).singleElement().satisfies(e -> {
				assertThat(e.line()).isEqualTo(lineOf(files.get(TYPE_I), "Threshold.percentAtLeast(\"0.5\")"));
				assertThat(e.message()).contains("$law.percentAtLeast");
			});
		}

	}

	@Nested
	class TheParameters {

		@Test
		void oneEditChangesTheBoundTheWordsAndWhatItWouldTake() {
			Map<String, String> files = shipped();
			files.put(LawBook.PARAMETERS, files.get(LawBook.PARAMETERS)
				.replace("type1.users_rate,4.1.a,percent,2020,0.5,", "type1.users_rate,4.1.a,percent,2020,0.6,"));
			RuleSet stricter = compile(files);
			CommuneFacts fifty = commune().managedUsers(50).drugUsePoints(2).arrestedOffenders(10).build();
			CommuneFacts sixty = commune().managedUsers(60).drugUsePoints(2).arrestedOffenders(10).build();
			assertThat(stricter.classify(fifty).classification()).isEqualTo(Classification.TYPE_II);
			CommuneOutcome typeI = stricter.classify(sixty);
			assertThat(typeI.classification()).isEqualTo(Classification.TYPE_I);
			assertThat(typeI.evidence("4.1.a").threshold()).isEqualTo("≥ 0.6%");
			assertThat(typeI.evidence("4.1.a").labelVi()).contains("chiếm từ 0,6% dân số trở lên");
			assertThat(typeI.gaps()).anySatisfy(g -> {
				assertThat(g.criterionId()).isEqualTo("4.1.a");
				assertThat(g.amount()).isEqualTo(1);
				assertThat(g.textVi()).contains("dưới 0,6% dân số");
			});
		}

		@Test
		void aRunsPeriodTakesTheLatestValueEffectiveAtIt() {
			Map<String, String> files = shipped();
			files.put(LawBook.PARAMETERS,
					files.get(LawBook.PARAMETERS) + "type1.users_rate,4.1.a,percent,2027,0.6,amended\n");
			RuleSet dated = compile(files);
			CommuneFacts in2026 = commune().period(2026)
				.managedUsers(50)
				.drugUsePoints(2)
				.arrestedOffenders(10)
				.build();
			CommuneFacts in2027 = CommuneFacts.builder("05678")
				.period(2027)
				.managedUsers(50)
				.drugUsePoints(2)
				.arrestedOffenders(10)
				.build();
			List<CommuneOutcome> both = dated.classify(List.of(in2027, in2026));
			assertThat(both).extracting(CommuneOutcome::communeCode).containsExactly("05678", "01234");
			assertThat(both).extracting(CommuneOutcome::classification)
				.containsExactly(Classification.TYPE_II, Classification.TYPE_I);
			assertThat(both.get(0).evidence("4.1.a").threshold()).isEqualTo("≥ 0.6%");
			assertThat(both.get(1).evidence("4.1.a").threshold()).isEqualTo("≥ 0.5%");
		}

		@Test
		void aPeriodBeforeAnyValueIsAnErrorNeverADefault() {
			assertThatThrownBy(() -> ShippedRuleSets.defaultReading().classify(commune().period(2019).build()))
				.isInstanceOf(RuleSetExecutionException.class)
				.hasMessageContaining("period 2019")
				.hasMessageContaining("takes effect from 2020");
		}

		@Test
		void anUnknownParameterOrOneInTheWrongUnitIsACompileErrorAtItsLine() {
			Map<String, String> files = shipped();
			String text = files.get(TYPE_I)
				.replace("\"type1.users_rate\"", "\"type1.user_rate\"")
				.replace("$law.percentAtLeast(\"type1.arrest_rate\")",
						"$law.percentAtLeast(\"type1.drug_use_points\")");
			files.put(TYPE_I, text);
			assertThat(errors(files)).extracting(CompileError::toString)
				.containsExactly(TYPE_I + ":" + lineOf(text, "type1.user_rate")
						+ ": percentAtLeast(\"type1.user_rate\"): no parameter type1.user_rate in law/parameters.csv",
						TYPE_I + ":" + lineOf(text, "percentAtLeast(\"type1.drug_use_points\")")
								+ ": percentAtLeast(\"type1.drug_use_points\"): type1.drug_use_points is in points, which "
								+ "percentAtLeast does not take");
		}

		@Test
		void aValueAnAnalystMistypedIsReportedAtItsLine() {
			Map<String, String> files = shipped();
			String table = files.get(LawBook.PARAMETERS)
				.replace("type1.plants,4.1.d,plants,2020,3000,", "type1.plants,4.1.d,plants,2020,3.000,")
				.replace("type1.users_rate,4.1.a,percent,2020,0.5,", "type1.users_rate,4.1.a,percent,2020,0.5%,")
				.replace("province.plants,5.5,plants,2020,8000,", "province.plants,5.9,plants,2020,8000,");
			files.put(LawBook.PARAMETERS, table);
			assertThat(errors(files)).extracting(e -> e.file() + ":" + e.line())
				.containsExactly("law/parameters.csv:" + lineOf(table, "type1.users_rate,"),
						"law/parameters.csv:" + lineOf(table, "type1.plants,"),
						"law/parameters.csv:" + lineOf(table, "province.plants,"));
		}

		@Test
		void theSameRulesReadAnotherValueWithoutBeingCompiledAgain() {
			RuleSet shipped = ShippedRuleSets.defaultReading();
			RuleSet mutant = shipped.withParameter("type1.users_rate", 2020, new BigDecimal("0.6"));
			CommuneFacts fifty = commune().managedUsers(50).drugUsePoints(2).arrestedOffenders(10).build();
			assertThat(shipped.classify(fifty).classification()).isEqualTo(Classification.TYPE_I);
			assertThat(mutant.classify(fifty).classification()).isEqualTo(Classification.TYPE_II);
			assertThat(mutant.contentHash()).isNotEqualTo(shipped.contentHash());
		}

	}

	@Nested
	class EveryNumberOnce {

		/**
		 * References to the law's structure and the documents, which are not its numbers.
		 */
		private static final Pattern REFERENCE = Pattern.compile(
				"Art\\. [0-9]+(\\.[0-9]+)?(\\.[a-zđ])?|questions? [0-9]+( and [0-9]+)?|\\b[1-9]\\.[1-6](?![0-9])(\\.[a-zđ])?|"
						+ "type[0-9]\\.[a-z_]+|28/2025/QĐ-TTg|@clause\\(\"[^\"]*\"\\)|\"[0-9]+(\\.[0-9]+)*(\\.[a-zđ])?\"|"
						+ "count rule [0-9]+|Điều [0-9]+(, [0-9]+)*|\\? 1 : 0");

		private static final Pattern NUMBER = Pattern.compile("(?<![\\w.,])[0-9]+(?:[.,][0-9]+)*(?![\\w])");

		@Test
		void noNumberOfTheDecisionIsTypedInTheShippedRules() {
			Set<BigDecimal> values = new TreeSet<>();
			LawBook law = ShippedRuleSets.defaultReading().law().orElseThrow();
			law.parameters()
				.parameters()
				.forEach(p -> p.values().forEach(d -> values.add(d.value().stripTrailingZeros())));
			List<String> typed = new ArrayList<>();
			for (String name : ShippedRuleSets.names()) {
				ShippedRuleSets.source(name).files().forEach((file, text) -> {
					if (LawBook.isLawFile(file)) {
						return;
					}
					String[] lines = text.split("\n", -1);
					for (int i = 0; i < lines.length; i++) {
						String line = REFERENCE.matcher(lines[i]).replaceAll(" ");
						Matcher m = NUMBER.matcher(line);
						while (m.find()) {
							if (readings(m.group()).stream().anyMatch(values::contains)) {
								typed.add(file + ":" + (i + 1) + ": " + m.group() + " in: " + lines[i].strip());
							}
						}
					}
				});
			}
			assertThat(typed).as("numbers of the Decision typed in DRL instead of read from law/parameters.csv")
				.isEmpty();
		}

		/** 0.5, 0,5, 3.000, 3,000: every number the digits could be. */
		private static List<BigDecimal> readings(String digits) {
			List<BigDecimal> readings = new ArrayList<>();
			for (String text : List.of(digits.replace(",", "."), digits.replace(",", ""), digits.replace(".", ""),
					digits.replace(".", "").replace(",", "."))) {
				try {
					readings.add(new BigDecimal(text).stripTrailingZeros());
				}
				catch (NumberFormatException ex) {
					// not a reading of these digits
				}
			}
			return readings;
		}

	}

}
