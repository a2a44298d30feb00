package vn.drugcontrol.rules.proof;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.FactsColumn;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetSource;
import vn.drugcontrol.rules.engine.ShippedRuleSets;

import static org.assertj.core.api.Assertions.assertThat;

class ExhaustiveCheckTest {

	private static final Supplier<Proof> DEFAULT = once(() -> ExhaustiveCheck.of(ShippedRuleSets.defaultReading()));

	private static final Supplier<Proof> LITERAL = once(() -> ExhaustiveCheck.of(ShippedRuleSets.literalReading()));

	private static <T> Supplier<T> once(Supplier<T> supplier) {
		Object[] held = new Object[1];
		return () -> {
			synchronized (held) {
				if (held[0] == null) {
					held[0] = supplier.get();
				}
				@SuppressWarnings("unchecked")
				T t = (T) held[0];
				return t;
			}
		};
	}

	@Nested
	class TheDefaultReading {

		private final Proof proof = DEFAULT.get();

		@Test
		void provesOneClassPerCellNoneUnclassifiedAndMonotone() {
			System.out.println(proof.report());
			assertThat(proof.cells()).isEqualTo(13 * 3 * 3 * 3 * 3 * 3 * 3);
			assertThat(proof.notOneClassCells()).isZero();
			assertThat(proof.unclassifiedCells()).isZero();
			assertThat(proof.counterexampleCount()).isZero();
			assertThat(proof.proven()).isTrue();
			assertThat(proof.classes()).allSatisfy((c, n) -> {
				if (c != Classification.UNCLASSIFIED) {
					assertThat(n).as(c.name()).isPositive();
				}
			});
		}

		@Test
		void listsWhereDrugFreeAndAKeyAreaBothHoldAndWhichPrecedenceDecided() {
			assertThat(proof.overlaps()).extracting(o -> o.type() + "→" + o.decided())
				.contains("TYPE_I→TYPE_I", "TYPE_II→TYPE_II", "TYPE_III→DRUG_FREE");
			Overlap typeI = proof.overlaps()
				.stream()
				.filter(o -> o.type() == Classification.TYPE_I)
				.findFirst()
				.orElseThrow();
			// every user exempt, no point, no violator: Art. 6 holds, yet type I's count
			// too
			CommuneFacts f = typeI.example().facts();
			assertThat(f.drugUsePoints()).isZero();
			assertThat(f.residentViolators() + f.wantedFugitives()).isZero();
		}

	}

	@Nested
	class TheLiteralReading {

		private final Proof proof = LITERAL.get();

		@Test
		void listsItsHolesBetweenTheBands() {
			System.out.println(proof.report());
			assertThat(proof.notOneClassCells()).isZero();
			assertThat(proof.unclassifiedCells()).isPositive();
			assertThat(proof.unclassified()).hasSize(proof.unclassifiedCells());
			// the criteria document's example: users in type I's band, arrests and plants
			// in
			// type II's, nothing else
			assertThat(proof.unclassified()).anySatisfy(c -> {
				assertThat(c.facts().managedUsers()).isEqualTo(50);
				assertThat(c.facts().arrestedOffenders()).isEqualTo(5);
				assertThat(c.facts().plantsDestroyed()).isEqualTo(500);
				assertThat(c.facts().drugUsePoints()).isZero();
			});
			RuleSet literal = ShippedRuleSets.literalReading();
			proof.unclassified()
				.stream()
				.limit(20)
				.forEach(c -> assertThat(literal.classify(code(c.facts())).classification())
					.isEqualTo(Classification.UNCLASSIFIED));
		}

		@Test
		void isNotMonotone_moreUsersCanMoveATypeIICommuneToTypeIII() {
			assertThat(proof.monotone()).isFalse();
			assertThat(proof.counterexamples()).anySatisfy(c -> {
				assertThat(c.measure()).isEqualTo(Step.USERS);
				assertThat(c.fewer().classification()).isEqualTo(Classification.TYPE_II);
				assertThat(c.more().classification()).isEqualTo(Classification.TYPE_III);
			});
		}

	}

	@Nested
	class ABrokenRuleSet {

		@Test
		void aNonMonotoneRuleGivesACounterexampleWithReadyScenarioRows() {
			// type II's users criterion turned upside down: fewer users meet it
			RuleSet broken = withFile("default-reading/criteria-type-ii.drl", text -> text
				.replace("$law.percentAtLeast(\"type2.users_rate\")", "$law.percentBelow(\"type2.users_rate\")"));
			Proof proof = ExhaustiveCheck.of(broken);
			assertThat(proof.monotone()).isFalse();
			assertThat(proof.proven()).isFalse();
			Counterexample c = proof.counterexamples()
				.stream()
				.filter(x -> x.measure() == Step.USERS)
				.findFirst()
				.orElseThrow();
			assertThat(ExhaustiveCheck.severity(c.more().classification()))
				.isLessThan(ExhaustiveCheck.severity(c.fewer().classification()));
			// the rows: the commune with less at its class, the one with more expected
			// there
			String[] rows = c.scenarioRows().split("\n");
			assertThat(rows).hasSize(2);
			assertThat(rows[0]).endsWith("," + c.fewer().classification() + ",");
			assertThat(rows[1]).endsWith("," + c.fewer().classification() + ",");
			assertThat(CellCase.SCENARIO_HEADER.split(",")).hasSize(rows[1].split(",", -1).length - commas(rows[1]));
			// every column of the facts contract, as the scenario tables read them
			assertThat(CellCase.SCENARIO_HEADER.split(","))
				.containsSubsequence(FactsColumn.ALL.stream().map(FactsColumn::header).toArray(String[]::new));
			// confirmed by the rules themselves
			assertThat(broken.classify(code(c.fewer().facts())).classification()).isEqualTo(c.fewer().classification());
			assertThat(broken.classify(code(c.more().facts())).classification()).isEqualTo(c.more().classification());
		}

		@Test
		void aMissingClassRuleLeavesCellsWithNoClassAndTheCheckSaysWhich() {
			RuleSet broken = withFile("common/classification.drl",
					text -> text.substring(0, text.indexOf("rule \"Art. 4.3 — type III")));
			Proof proof = ExhaustiveCheck.of(broken);
			assertThat(proof.oneClassPerCell()).isFalse();
			assertThat(proof.notOneClass()).isNotEmpty().allSatisfy(c -> assertThat(c.classRules()).isZero());
			assertThat(proof.proven()).isFalse();
		}

	}

	/** The quoted scenario text holds commas: count them out of the split. */
	private static int commas(String row) {
		int quoted = row.indexOf('"') < 0 ? 0
				: row.substring(row.indexOf('"'), row.lastIndexOf('"')).split(",", -1).length - 1;
		return quoted;
	}

	private static CommuneFacts code(CommuneFacts f) {
		return new CommuneFacts("00001", f.communeName(), f.provinceCode(), f.period(), f.population(),
				f.managedUsers(), f.inSubstitutionTreatment(), f.inCommunityRehab(), f.inPostRehabManagement(),
				f.drugUsePoints(), f.arrestedOffenders(), f.residentViolators(), f.wantedFugitives(),
				f.plantsDestroyed(), f.plantAreaM2(), f.onIntraProvincialRoute(), f.onInterProvincialRoute(), 0);
	}

	static RuleSet withFile(String path, java.util.function.UnaryOperator<String> edit) {
		RuleSetSource shipped = ShippedRuleSets.source(ShippedRuleSets.DEFAULT);
		Map<String, String> files = new LinkedHashMap<>(shipped.files());
		files.put(path, edit.apply(files.get(path)));
		return RuleSet.compile(new RuleSetSource("broken", "broken", files));
	}

}
