package vn.drugcontrol.rules.commune;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.criteria.Warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.drugcontrol.rules.commune.Communes.DEFAULT;
import static vn.drugcontrol.rules.commune.Communes.LITERAL;
import static vn.drugcontrol.rules.commune.Communes.commune;
import static vn.drugcontrol.rules.commune.Communes.drugFreeOnPaper;

/**
 * Question 3 of the criteria: type I &gt; type II &gt; drug-free &gt; type III, with a
 * warning when Art. 6 holds for a commune that Art. 4 makes type I or II.
 */
class PrecedenceTest {

	static final String RULE_WARNING = "Art. 6 holds but Art. 4 makes the commune type I or II: drug-free is overridden (question 3)";

	@Nested
	class TypeIOverTypeII {

		@Test
		void aTypeICommuneMeetsTypeIIsCriteriaTooButIsTypeI() {
			CommuneOutcome outcome = DEFAULT
				.classify(commune().managedUsers(50).drugUsePoints(2).arrestedOffenders(10).build());
			assertThat(outcome.criteriaMet()).contains("4.2.a", "4.2.b", "4.2.c");
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_I);
			assertThat(outcome.decidedBy()).isEqualTo(TypeICriteriaTest.RULE_TYPE_I);
		}

	}

	@Nested
	class KeyAreaOverDrugFree {

		@Test
		void typeIWinsOverArt6WithAWarning() {
			// 0.6% users all in substitution treatment, 0.1% arrests of non-residents,
			// 3,000 plants
			CommuneOutcome outcome = DEFAULT.classify(drugFreeOnPaper().plantsDestroyed(3_000).build());
			assertThat(outcome.criteriaMet()).contains("6.1", "6.2", "6.3");
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_I);
			assertThat(outcome.warnings()).extracting(Warning::code, Warning::rule)
				.containsExactly(tuple("DRUG_FREE_BUT_KEY_AREA", RULE_WARNING));
		}

		@Test
		void typeIIWinsOverArt6WithAWarning() {
			CommuneOutcome outcome = DEFAULT.classify(drugFreeOnPaper().plantsDestroyed(500).build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_II);
			assertThat(outcome.decidedBy()).isEqualTo(TypeIICriteriaTest.RULE_TYPE_II);
			assertThat(outcome.warnings()).extracting(Warning::code).containsExactly("DRUG_FREE_BUT_KEY_AREA");
		}

		@Test
		void theLiteralReadingWarnsToo() {
			CommuneOutcome outcome = LITERAL.classify(drugFreeOnPaper().plantsDestroyed(3_000).build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_I);
			assertThat(outcome.warnings()).extracting(Warning::code).containsExactly("DRUG_FREE_BUT_KEY_AREA");
		}

		@Test
		void aKeyAreaThatFailsArt6HasNoSuchWarning() {
			CommuneOutcome outcome = DEFAULT
				.classify(drugFreeOnPaper().plantsDestroyed(3_000).residentViolators(1).build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_I);
			assertThat(outcome.warnings()).extracting(Warning::code).doesNotContain("DRUG_FREE_BUT_KEY_AREA");
		}

	}

	@Nested
	class DrugFreeOverTypeIII {

		@Test
		void aCommuneMeetingArt6AndTypeIIIIsDrugFreeWithoutWarning() {
			CommuneOutcome outcome = DEFAULT.classify(drugFreeOnPaper().build());
			assertThat(outcome.criteriaMet()).contains("4.3.a", "6.1", "6.2", "6.3");
			assertThat(outcome.classification()).isEqualTo(Classification.DRUG_FREE);
			assertThat(outcome.decidedBy()).isEqualTo(DrugFreeCriteriaTest.RULE_DRUG_FREE);
			assertThat(outcome.warnings()).isEmpty();
		}

		@Test
		void oneConditionOfArt6LessMakesTypeIII() {
			CommuneOutcome outcome = DEFAULT.classify(drugFreeOnPaper().wantedFugitives(1).build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_III);
			assertThat(outcome.decidedBy()).isEqualTo(TypeIIICriteriaTest.RULE_TYPE_III);
		}

	}

	@Nested
	class ExactlyOneClass {

		@Test
		void everyCommuneOfABatchGetsOneClassInBatchOrder() {
			List<CommuneOutcome> outcomes = DEFAULT
				.classify(List.of(commune().build(), CommuneFacts.builder("00002").residentViolators(1).build(),
						CommuneFacts.builder("00003").managedUsers(10).drugUsePoints(1).arrestedOffenders(5).build(),
						CommuneFacts.builder("00004").managedUsers(50).drugUsePoints(2).arrestedOffenders(10).build()));
			assertThat(outcomes).extracting(CommuneOutcome::classification)
				.containsExactly(Classification.DRUG_FREE, Classification.TYPE_III, Classification.TYPE_II,
						Classification.TYPE_I);
		}

	}

}
