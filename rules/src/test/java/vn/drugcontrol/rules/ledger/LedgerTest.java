package vn.drugcontrol.rules.ledger;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.engine.CompileError;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetSource;
import vn.drugcontrol.rules.engine.ShippedRuleSets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The interpretation ledger as data: its switches read and checked like the law's files,
 * the shipped rule sets as two full combinations of its options, and every reading with
 * one switch flipped a rule set that compiles.
 */
class LedgerTest {

	private static final Ledger LEDGER = Ledger.shipped();

	private static final String HEADER = String.join(",", Ledger.COLUMNS) + "\n";

	private static final String FULL_DEFAULT = "bands:cumulative, type3-zero:no-presence-needed, "
			+ "drug-free-vs-key-area:key-area-first, counting-windows:as-supplied, "
			+ "plants-without-violators:warning-only, whole-province:whole-province-only";

	/**
	 * Users 0.6% (type I's band), arrests 0.07% and 1,000 plants (type II's bands): type
	 * II when bands are cumulative, no type of Art. 4 when they are exclusive.
	 */
	private static final CommuneFacts BETWEEN_BANDS = CommuneFacts.builder("01234")
		.name("Xã Thử Nghiệm")
		.province("01")
		.population(10_000)
		.managedUsers(60)
		.arrestedOffenders(7)
		.residentViolators(1)
		.plantsDestroyed(1000)
		.build();

	private static List<CompileError> problems(String rows) {
		List<CompileError> errors = new ArrayList<>();
		Ledger.read("law/switches.csv", HEADER + rows, f -> f.endsWith(".drl"), errors);
		return errors;
	}

	@Nested
	class TheSwitches {

		@Test
		void theShippedLedgerNamesEveryOpenQuestionOfTheCriteriaDocument() {
			assertThat(LEDGER.switches().stream().map(Switch::id)).containsExactly("bands", "type3-zero",
					"drug-free-vs-key-area", "counting-windows", "plants-without-violators", "whole-province");
			assertThat(LEDGER.switches().stream().filter(Switch::hasAlternatives).map(Switch::id))
				.containsExactly("bands", "type3-zero");
			for (Switch s : LEDGER.switches()) {
				assertThat(s.questionVi()).isNotBlank();
				for (Switch.Option o : s.options()) {
					assertThat(o.sources()).as(s.id() + ":" + o.id()).isNotBlank();
					assertThat(o.decidedBy()).isNotBlank();
					assertThat(o.decidedOn()).isNotNull();
				}
			}
		}

		@Test
		void anOptionWithoutItsDecisionOrDateIsRefusedAtItsLine() {
			List<CompileError> errors = problems("""
					bands,cumulative,a.drl,q,q,o,o,Art. 4,,2026-11-22
					bands,exclusive,b.drl,,,o,o,Art. 4,analysts,22/11/2026
					""");

			assertThat(errors).extracting(CompileError::line).contains(2, 3);
			assertThat(errors).filteredOn(e -> e.line() == 2)
				.extracting(CompileError::message)
				.anySatisfy(m -> assertThat(m).contains("decided_by is empty"));
			assertThat(errors).filteredOn(e -> e.line() == 3)
				.extracting(CompileError::message)
				.anySatisfy(m -> assertThat(m).contains("decided_on '22/11/2026' is not a date"));
		}

		@Test
		void aSwitchWithSeveralOptionsNeedsTheFilesOfEach() {
			List<CompileError> errors = problems("""
					bands,cumulative,a.drl,q,q,o,o,Art. 4,analysts,2026-11-22
					bands,exclusive,,,,o,o,Art. 4,analysts,2026-11-22
					""");

			assertThat(errors).singleElement().satisfies(e -> {
				assertThat(e.line()).isEqualTo(3);
				assertThat(e.message()).contains("exclusive names none");
			});
		}

		@Test
		void aMissingFileOrOneFileForTwoSwitchesIsRefused() {
			List<CompileError> errors = problems("""
					bands,cumulative,a.drl,q,q,o,o,Art. 4,analysts,2026-11-22
					type3-zero,zero,a.drl;c.txt,q,q,o,o,Art. 4,analysts,2026-11-22
					""");

			assertThat(errors).extracting(CompileError::message)
				.anySatisfy(m -> assertThat(m).contains("c.txt does not exist"))
				.anySatisfy(m -> assertThat(m).contains("a.drl belongs to bands:cumulative"));
		}

	}

	@Nested
	class Readings {

		@Test
		void everyShippedReadingIsAFullCombination() {
			Set<String> switches = LEDGER.switches().stream().map(Switch::id).collect(Collectors.toSet());
			for (String name : ShippedRuleSets.names()) {
				Reading reading = ShippedRuleSets.reading(name);
				assertThat(reading.options().keySet()).as(name).isEqualTo(switches);
				reading.options()
					.forEach((s, o) -> assertThat(LEDGER.find(s).orElseThrow().option(o)).as(s + ":" + o).isPresent());
			}
			assertThat(ShippedRuleSets.reading("default").option("bands")).isEqualTo("cumulative");
			assertThat(ShippedRuleSets.reading("literal").option("bands")).isEqualTo("exclusive");
			assertThat(LEDGER.reading("default", FULL_DEFAULT)).isEqualTo(ShippedRuleSets.reading("default"));
		}

		@Test
		void theShippedBundlesAreComposedFromTheirOptionsUnchanged() {
			// the content hashes of the bundles as listed file by file before the ledger:
			// composing them from the switches' options changed no file and no hash
			assertThat(ShippedRuleSets.source("default").contentHash()).startsWith("c46db869410c");
			assertThat(ShippedRuleSets.source("literal").contentHash()).startsWith("42479d218d7b");
			assertThat(ShippedRuleSets.source("literal").files()).containsKeys("literal-reading/criteria-type-ii.drl",
					"literal-reading/criteria-type-iii.drl", "common/classification.drl");
		}

		@Test
		void anUnknownSwitchIsAnError() {
			assertThatThrownBy(() -> LEDGER.reading("mine", FULL_DEFAULT + ", zero-counts:ignored"))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("no switch 'zero-counts'");
		}

		@Test
		void anUnknownOptionIsAnError() {
			assertThatThrownBy(() -> LEDGER.reading("mine", FULL_DEFAULT.replace("bands:cumulative", "bands:loose")))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("switch bands has no option 'loose' (it has cumulative, exclusive)");
		}

		@Test
		void aSwitchLeftOutOrGivenTwiceIsAnError() {
			assertThatThrownBy(() -> LEDGER.reading("mine", FULL_DEFAULT.replace("bands:cumulative, ", "")))
				.hasMessageContaining("switch bands has no option: a reading takes one option of every switch");
			assertThatThrownBy(() -> LEDGER.reading("mine", FULL_DEFAULT + ", bands:exclusive"))
				.hasMessageContaining("switch bands is given twice");
		}

	}

	@Nested
	class OneSwitchFlipped {

		private static Map<String, Alternative> alternatives(String name) {
			return LEDGER.alternatives(ShippedRuleSets.source(name), Ledger::text)
				.stream()
				.collect(Collectors.toMap(a -> a.sw().id(), a -> a));
		}

		private static Classification classify(RuleSetSource source) {
			return RuleSet.compile(source).classify(BETWEEN_BANDS).classification();
		}

		@Test
		void eachShippedReadingWithOneSwitchFlippedCompilesAndClassifies() {
			for (String name : ShippedRuleSets.names()) {
				Map<String, Alternative> flips = alternatives(name);
				assertThat(flips.keySet()).containsExactlyInAnyOrder("bands", "type3-zero");
				flips.values().forEach(a -> {
					assertThat(a.evaluable()).as(a.notEvaluated()).isTrue();
					assertThat(a.from().id()).isEqualTo(ShippedRuleSets.reading(name).option(a.sw().id()));
					assertThat(a.source().files()).hasSameSizeAs(ShippedRuleSets.source(name).files());
				});
			}
			assertThat(classify(ShippedRuleSets.source("default"))).isEqualTo(Classification.TYPE_II);
			assertThat(classify(alternatives("default").get("bands").source())).isEqualTo(Classification.TYPE_III);
			assertThat(classify(alternatives("default").get("type3-zero").source())).isEqualTo(Classification.TYPE_II);
			assertThat(classify(ShippedRuleSets.source("literal"))).isEqualTo(Classification.UNCLASSIFIED);
			assertThat(classify(alternatives("literal").get("bands").source())).isEqualTo(Classification.TYPE_II);
			assertThat(classify(alternatives("literal").get("type3-zero").source())).isEqualTo(Classification.TYPE_III);
		}

		@Test
		void flippingEverySwitchOfOneReadingGivesTheOther() {
			RuleSetSource bandsFlipped = alternatives("default").get("bands").source();
			Alternative both = LEDGER.alternatives(bandsFlipped, Ledger::text)
				.stream()
				.filter(a -> a.sw().id().equals("type3-zero"))
				.findFirst()
				.orElseThrow();

			assertThat(both.source().contentHash()).isEqualTo(ShippedRuleSets.source("literal").contentHash());
		}

		@Test
		void aBundleWhoseFilesTakeNoOptionIsNotEvaluatedAndSaysWhy() {
			Map<String, String> files = new java.util.HashMap<>(ShippedRuleSets.source("default").files());
			files.put("mine/criteria-type-ii.drl", files.remove("default-reading/criteria-type-ii.drl"));

			Alternative bands = LEDGER.alternatives(new RuleSetSource("mine", "mine", files), Ledger::text)
				.stream()
				.filter(a -> a.sw().id().equals("bands"))
				.findFirst()
				.orElseThrow();

			assertThat(bands.evaluable()).isFalse();
			assertThat(bands.notEvaluated()).contains("take no one option of this switch");
		}

	}

}
