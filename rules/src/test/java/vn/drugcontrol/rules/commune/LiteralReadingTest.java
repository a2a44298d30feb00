package vn.drugcontrol.rules.commune;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.criteria.CriterionEvidence;
import vn.drugcontrol.rules.criteria.Warning;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.drugcontrol.rules.commune.Communes.DEFAULT;
import static vn.drugcontrol.rules.commune.Communes.LITERAL;
import static vn.drugcontrol.rules.commune.Communes.commune;

/**
 * The literal rule set: Art. 4.2 and 4.3 bands exclusive, exactly as written, and
 * {@code UNCLASSIFIED} for a commune no type catches (question 1 of the criteria).
 */
class LiteralReadingTest {

	static final String RULE_A = "Art. 4.2.a — users with management records in type II's band (type II, literal)";

	static final String RULE_B = "Art. 4.2.b — exactly type II's number of drug-use points (type II, literal)";

	static final String RULE_C = "Art. 4.2.c — drug offenders arrested in type II's band (type II, literal)";

	static final String RULE_D = "Art. 4.2.d — drug plants destroyed in type II's band of plants or area (type II, literal)";

	static final String RULE_UNCLASSIFIED = "No class of Art. 4 or 6 catches the commune: unclassified, for review";

	static final String RULE_UNCLASSIFIED_WARNING = "No type catches the commune: it needs a person's review (question 1)";

	private static CriterionEvidence evidence(CommuneFacts.Builder facts, String criterion) {
		return LITERAL.classify(facts.build()).evidence(criterion);
	}

	@Nested
	class PointA_UsersBand {

		@Test
		void tenOfTenThousandIsTheBandsFloor() {
			CriterionEvidence a = evidence(commune().managedUsers(10), "4.2.a");
			assertThat(a.met()).isTrue();
			assertThat(a.rule()).isEqualTo(RULE_A);
			assertThat(evidence(commune().managedUsers(9), "4.2.a").met()).isFalse();
		}

		@Test
		void fortyNineOfTenThousandIsInsideAndFiftyIsTypeIsBand() {
			assertThat(evidence(commune().managedUsers(49), "4.2.a").met()).isTrue();
			assertThat(evidence(commune().managedUsers(50), "4.2.a").met()).isFalse();
			assertThat(evidence(commune().managedUsers(50), "4.1.a").met()).isTrue();
		}

	}

	@Nested
	class PointB_ExactlyOnePoint {

		@Test
		void onePointMeetsIt() {
			CriterionEvidence b = evidence(commune().drugUsePoints(1), "4.2.b");
			assertThat(b.met()).isTrue();
			assertThat(b.rule()).isEqualTo(RULE_B);
		}

		@Test
		void noPointAndTwoPointsDoNot() {
			assertThat(evidence(commune().drugUsePoints(0), "4.2.b").met()).isFalse();
			assertThat(evidence(commune().drugUsePoints(2), "4.2.b").met()).isFalse();
		}

	}

	@Nested
	class PointC_ArrestsBand {

		@Test
		void fiveOfTenThousandIsTheBandsFloor() {
			CriterionEvidence c = evidence(commune().arrestedOffenders(5), "4.2.c");
			assertThat(c.met()).isTrue();
			assertThat(c.rule()).isEqualTo(RULE_C);
			assertThat(evidence(commune().arrestedOffenders(4), "4.2.c").met()).isFalse();
		}

		@Test
		void nineOfTenThousandIsInsideAndTenIsTypeIsBand() {
			assertThat(evidence(commune().arrestedOffenders(9), "4.2.c").met()).isTrue();
			assertThat(evidence(commune().arrestedOffenders(10), "4.2.c").met()).isFalse();
		}

	}

	@Nested
	class PointD_PlantsBand {

		@Test
		void fiveHundredToTwoThousandNineHundredNinetyNinePlants() {
			CriterionEvidence d = evidence(commune().plantsDestroyed(500), "4.2.d");
			assertThat(d.met()).isTrue();
			assertThat(d.rule()).isEqualTo(RULE_D);
			assertThat(evidence(commune().plantsDestroyed(2_999), "4.2.d").met()).isTrue();
		}

		@Test
		void fourHundredNinetyNineAndThreeThousandPlantsAreOutsideIt() {
			assertThat(evidence(commune().plantsDestroyed(499), "4.2.d").met()).isFalse();
			assertThat(evidence(commune().plantsDestroyed(3_000), "4.2.d").met()).isFalse();
		}

		@Test
		void oneHundredTwentyFiveToUnderSevenHundredFiftySquareMetres() {
			assertThat(evidence(commune().plantAreaM2("124.99"), "4.2.d").met()).isFalse();
			assertThat(evidence(commune().plantAreaM2("125"), "4.2.d").met()).isTrue();
			assertThat(evidence(commune().plantAreaM2("749.99"), "4.2.d").met()).isTrue();
			assertThat(evidence(commune().plantAreaM2("750"), "4.2.d").met()).isFalse();
		}

		@Test
		void aFindingTakesTheHighestBandEitherMeasureReaches() {
			CommuneOutcome outcome = LITERAL.classify(commune().plantsDestroyed(600).plantAreaM2("800").build());
			assertThat(outcome.evidence("4.1.d").met()).isTrue();
			assertThat(outcome.evidence("4.2.d").met()).isFalse();
			assertThat(outcome.evidence("4.3.c").met()).isFalse();
		}

	}

	@Nested
	class FallingBetweenBands {

		private final CommuneFacts between = commune().population(10_000)
			.managedUsers(60)
			.arrestedOffenders(7)
			.plantsDestroyed(1_000)
			.build();

		@Test
		void literalReadingLeavesItUnclassifiedWithAWarning() {
			CommuneOutcome outcome = LITERAL.classify(between);
			assertThat(outcome.classification()).isEqualTo(Classification.UNCLASSIFIED);
			assertThat(outcome.decidedBy()).isEqualTo(RULE_UNCLASSIFIED);
			assertThat(outcome.warnings()).extracting(Warning::code, Warning::rule)
				.contains(tuple("UNCLASSIFIED", RULE_UNCLASSIFIED_WARNING));
		}

		@Test
		void literalReadingCountsOneTypeIAndTwoTypeIICriteria() {
			CommuneOutcome outcome = LITERAL.classify(between);
			assertThat(outcome.criteriaMet()).containsExactly("4.1.a", "4.2.c", "4.2.d", "6.2", "6.3");
		}

		@Test
		void defaultReadingMakesItTypeII() {
			CommuneOutcome outcome = DEFAULT.classify(between);
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_II);
			assertThat(outcome.decidedBy()).isEqualTo(TypeIICriteriaTest.RULE_TYPE_II);
			assertThat(outcome.warnings()).extracting(Warning::code).doesNotContain("UNCLASSIFIED");
		}

		@Test
		void theSameCommuneWithFewerUsersIsTypeIIInBothReadings() {
			CommuneFacts fewerUsers = commune().managedUsers(20).arrestedOffenders(7).plantsDestroyed(1_000).build();
			assertThat(LITERAL.classify(fewerUsers).classification()).isEqualTo(Classification.TYPE_II);
			assertThat(DEFAULT.classify(fewerUsers).classification()).isEqualTo(Classification.TYPE_II);
		}

		@Test
		void twoPointsAndTypeIIBandsFallBetweenTooWhenNothingIsInTypeIIIsBands() {
			CommuneFacts facts = commune().managedUsers(20)
				.drugUsePoints(2)
				.arrestedOffenders(10)
				.plantAreaM2("200")
				.build();
			assertThat(LITERAL.classify(facts).classification()).isEqualTo(Classification.UNCLASSIFIED);
			assertThat(DEFAULT.classify(facts).classification()).isEqualTo(Classification.TYPE_II);
		}

	}

	@Nested
	class SharedWithTheDefaultReading {

		@Test
		void typeIIsTheSameInBothReadings() {
			CommuneFacts facts = commune().managedUsers(50).drugUsePoints(2).arrestedOffenders(10).build();
			assertThat(LITERAL.classify(facts).classification()).isEqualTo(Classification.TYPE_I);
			assertThat(LITERAL.classify(facts).decidedBy()).isEqualTo(TypeICriteriaTest.RULE_TYPE_I);
		}

		@Test
		void aCommuneWithNothingRecordedIsDrugFreeInBothReadings() {
			assertThat(LITERAL.classify(commune().build()).classification()).isEqualTo(Classification.DRUG_FREE);
			assertThat(DEFAULT.classify(commune().build()).classification()).isEqualTo(Classification.DRUG_FREE);
		}

	}

}
