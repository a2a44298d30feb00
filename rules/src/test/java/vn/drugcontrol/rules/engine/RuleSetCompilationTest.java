package vn.drugcontrol.rules.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * Rule sets compiled from DRL text at run time: the shipped ones, an analyst's edit, and
 * broken text whose errors say where they are.
 */
class RuleSetCompilationTest {

	private static final String HEADER = """
			package vn.drugcontrol.rules;

			import vn.drugcontrol.rules.commune.CommuneFacts;
			import vn.drugcontrol.rules.commune.Classification;
			import vn.drugcontrol.rules.commune.Verdict;

			""";

	private static Map<String, String> defaultFilesWith(String path, String text) {
		Map<String, String> files = new LinkedHashMap<>(ShippedRuleSets.source(ShippedRuleSets.DEFAULT).files());
		files.put(path, text);
		return files;
	}

	private static CommuneFacts typeIAtItsThresholds() {
		return CommuneFacts.builder("01234").managedUsers(50).drugUsePoints(2).arrestedOffenders(10).build();
	}

	@Nested
	class ShippedRuleSetsCompile {

		@Test
		void bothShippedRuleSetsCompileWithoutErrors() {
			for (String name : ShippedRuleSets.names()) {
				assertThat(RuleSet.check(ShippedRuleSets.source(name))).as(name).isEmpty();
			}
		}

		@Test
		void aShippedRuleSetIsCompiledOncePerJvm() {
			assertThat(ShippedRuleSets.defaultReading()).isSameAs(ShippedRuleSets.compiled("default"));
			assertThat(ShippedRuleSets.literalReading().name()).isEqualTo("literal");
		}

		@Test
		void anUnknownShippedRuleSetIsAnError() {
			assertThatIllegalArgumentException().isThrownBy(() -> ShippedRuleSets.source("lenient"))
				.withMessageContaining("default");
		}

		@Test
		void theEngineVersionIsRecorded() {
			assertThat(RuleSet.engineVersion()).startsWith("Drools ").doesNotContain("null");
		}

	}

	@Nested
	class BrokenText {

		@Test
		void aSyntaxErrorNamesTheFileAndItsLine() {
			String broken = HEADER + """
					rule "broken"
					when
					    $c : CommuneFacts( population > )
					then
					end
					""";
			RuleSetSource source = new RuleSetSource("broken", "broken",
					defaultFilesWith("analyst/broken.drl", broken));
			RuleSetCompilationException ex = catchThrowableOfType(RuleSetCompilationException.class,
					() -> RuleSet.compile(source));
			assertThat(ex.errors()).anySatisfy(e -> {
				assertThat(e.file()).isEqualTo("analyst/broken.drl");
				assertThat(e.line()).isEqualTo(9);
			});
			assertThat(ex).hasMessageContaining("analyst/broken.drl:9");
		}

		@Test
		void anUnknownFactFieldNamesTheFileAndALine() {
			String unknown = HEADER + """
					rule "unknown field"
					when
					    $c : CommuneFacts( populaton > 0 )
					then
					end
					""";
			RuleSetSource source = new RuleSetSource("typo", "typo", defaultFilesWith("analyst/typo.drl", unknown));
			assertThat(RuleSet.check(source)).isNotEmpty()
				.allSatisfy(e -> assertThat(e.file()).isEqualTo("analyst/typo.drl"))
				.anySatisfy(e -> assertThat(e.line()).isGreaterThan(0));
		}

		@Test
		void anErrorInAShippedFileAsEditedNamesThatFile() {
			Map<String, String> files = new LinkedHashMap<>(ShippedRuleSets.source("default").files());
			files.computeIfPresent("common/criteria-type-i.drl", (path, text) -> text
				.replace("$law.percentAtLeast(\"type1.users_rate\")", "$law.percentAtLeastt(\"type1.users_rate\")"));
			assertThatThrownBy(() -> RuleSet.compile(new RuleSetSource("edited", "edited", files)))
				.isInstanceOfSatisfying(RuleSetCompilationException.class, ex -> assertThat(ex.errors())
					.anySatisfy(
							e -> assertThat(e).extracting(CompileError::file).isEqualTo("common/criteria-type-i.drl"))
					.allSatisfy(e -> assertThat(e.line()).isGreaterThanOrEqualTo(0))
					.anySatisfy(e -> assertThat(e.line()).isGreaterThan(0)));
		}

	}

	@Nested
	class AnalystsEdit {

		@Test
		void aThresholdChangedInTheTextChangesTheOutcome() {
			Map<String, String> files = new LinkedHashMap<>(ShippedRuleSets.source("default").files());
			// one edit, in the parameters: type I point a from 0.5% to 0.6%
			files.computeIfPresent("law/parameters.csv", (path, text) -> text
				.replace("type1.users_rate,4.1.a,percent,2020,0.5,", "type1.users_rate,4.1.a,percent,2020,0.6,"));
			RuleSet stricter = RuleSet.compile(new RuleSetSource("stricter", "users ≥ 0.6% for type I", files));
			assertThat(ShippedRuleSets.defaultReading().classify(typeIAtItsThresholds()).classification())
				.isEqualTo(Classification.TYPE_I);
			assertThat(stricter.classify(typeIAtItsThresholds()).classification()).isEqualTo(Classification.TYPE_II);
			assertThat(stricter.contentHash()).isNotEqualTo(ShippedRuleSets.defaultReading().contentHash());
		}

		@Test
		void theContentHashDependsOnTheFilesOnlyNotOnTheNameOrTheirOrder() {
			RuleSetSource shipped = ShippedRuleSets.source("default");
			RuleSetSource renamed = new RuleSetSource("copy", "a copy", new TreeMap<>(shipped.files()));
			assertThat(renamed.contentHash()).isEqualTo(shipped.contentHash()).hasSize(64);
			assertThat(ShippedRuleSets.source("literal").contentHash()).isNotEqualTo(shipped.contentHash());
		}

		@Test
		void aRuleSetNeedsAtLeastOneFile() {
			assertThatIllegalArgumentException().isThrownBy(() -> new RuleSetSource("empty", "empty", Map.of()));
		}

	}

	@Nested
	class MisbehavingRuleSets {

		@Test
		void twoClassesForOneCommuneAreRefused() {
			String extra = HEADER + """
					rule "every commune is also type III"
					    @clause("precedence")
					when
					    CommuneFacts( $code : communeCode )
					then
					    insert(Verdict.of(kcontext, $code, Classification.TYPE_III));
					end
					""";
			RuleSet twoClasses = RuleSet
				.compile(new RuleSetSource("two", "two", defaultFilesWith("analyst/extra.drl", extra)));
			assertThatThrownBy(() -> twoClasses.classify(typeIAtItsThresholds()))
				.isInstanceOf(RuleSetExecutionException.class)
				.hasMessageContaining("01234")
				.hasMessageContaining("2 classes");
		}

		@Test
		void noClassForACommuneIsRefused() {
			Map<String, String> files = new LinkedHashMap<>(ShippedRuleSets.source("default").files());
			files.remove("common/classification.drl");
			files.remove("common/data-quality.drl");
			RuleSet noClasses = RuleSet.compile(new RuleSetSource("none", "none", files));
			assertThatThrownBy(() -> noClasses.classify(typeIAtItsThresholds()))
				.isInstanceOf(RuleSetExecutionException.class)
				.hasMessageContaining("0 classes");
		}

		@Test
		void aRunawayRuleIsStopped() {
			// only allow-listed constructs: each tally inserts the next, for ever
			String loop = HEADER + """
					import vn.drugcontrol.rules.criteria.Tally;

					rule "count for ever"
					    @clause("precedence")
					when
					    $t : Tally( met >= 0 )
					then
					    insert(new Tally($t.unitCode(), $t.article(), $t.met() + 1, $t.assessed()));
					end
					""";
			RuleSet runaway = RuleSet
				.compile(new RuleSetSource("loop", "loop", defaultFilesWith("analyst/loop.drl", loop)));
			assertThatThrownBy(() -> runaway.classify(typeIAtItsThresholds()))
				.isInstanceOf(RuleSetExecutionException.class)
				.hasMessageContaining("loop");
		}

	}

}
