package vn.drugcontrol.rules.commune;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.criteria.CriterionEvidence;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.drugcontrol.rules.commune.Communes.DEFAULT;
import static vn.drugcontrol.rules.commune.Communes.LITERAL;
import static vn.drugcontrol.rules.commune.Communes.commune;

/**
 * Art. 4.3 — type III: at least 1 of points a (users), b (arrests), c (plants). Type III
 * has no drug-use-point criterion, so the law numbers arrests b and plants c.
 */
class TypeIIICriteriaTest {

	static final String DEFAULT_RULE_A = "Art. 4.3.a — users with management records below type II's floor, or more (type III, cumulative)";

	static final String DEFAULT_RULE_B = "Art. 4.3.b — drug offenders arrested below type II's floor, or more (type III, cumulative)";

	static final String DEFAULT_RULE_C = "Art. 4.3.c — drug plants destroyed below type II's plants or area, or more (type III, cumulative)";

	static final String LITERAL_RULE_A = "Art. 4.3.a — users with management records below type II's floor (type III, literal)";

	static final String LITERAL_RULE_B = "Art. 4.3.b — drug offenders arrested below type II's floor (type III, literal)";

	static final String LITERAL_RULE_C = "Art. 4.3.c — drug plants destroyed below type II's plants and area (type III, literal)";

	static final String RULE_TYPE_III = "Art. 4.3 — type III: meets at least type III's number of the criteria of Art. 4.3, and is neither type I, type II nor drug-free";

	@Nested
	class DefaultReading_AnyValueMeetsThem {

		@Test
		void zeroMeetsAllThree() {
			CommuneOutcome outcome = DEFAULT.classify(commune().build());
			assertThat(outcome.evidence("4.3.a")).extracting(CriterionEvidence::met, CriterionEvidence::rule)
				.containsExactly(true, DEFAULT_RULE_A);
			assertThat(outcome.evidence("4.3.b")).extracting(CriterionEvidence::met, CriterionEvidence::rule)
				.containsExactly(true, DEFAULT_RULE_B);
			assertThat(outcome.evidence("4.3.c")).extracting(CriterionEvidence::met, CriterionEvidence::rule)
				.containsExactly(true, DEFAULT_RULE_C);
		}

		@Test
		void valuesInHigherBandsMeetThemToo() {
			CommuneOutcome outcome = DEFAULT
				.classify(commune().managedUsers(500).arrestedOffenders(100).plantsDestroyed(9_000).build());
			assertThat(outcome.criteriaMet()).contains("4.3.a", "4.3.b", "4.3.c");
		}

		@Test
		void aCommuneWithNoDrugPresenceThatIsNotDrugFreeIsTypeIII() {
			// one resident violated drug law elsewhere in the commune: Art. 6.2 fails,
			// nothing else
			CommuneOutcome outcome = DEFAULT.classify(commune().residentViolators(1).build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_III);
			assertThat(outcome.decidedBy()).isEqualTo(RULE_TYPE_III);
		}

		@Test
		void justBelowTypeIIIsTypeIII() {
			CommuneOutcome outcome = DEFAULT
				.classify(commune().managedUsers(9).drugUsePoints(1).arrestedOffenders(5).plantsDestroyed(499).build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_III);
			assertThat(outcome.decidedBy()).isEqualTo(RULE_TYPE_III);
		}

	}

	@Nested
	class LiteralReading_PointA_Users {

		@Test
		void nineOfTenThousandIsUnderAThousandth() {
			CriterionEvidence a = LITERAL.classify(commune().managedUsers(9).build()).evidence("4.3.a");
			assertThat(a.met()).isTrue();
			assertThat(a.rule()).isEqualTo(LITERAL_RULE_A);
		}

		@Test
		void tenOfTenThousandIsNot() {
			assertThat(LITERAL.classify(commune().managedUsers(10).build()).evidence("4.3.a").met()).isFalse();
		}

		@Test
		void zeroIsUnderIt() {
			assertThat(LITERAL.classify(commune().managedUsers(0).build()).evidence("4.3.a").met()).isTrue();
		}

	}

	@Nested
	class LiteralReading_PointB_Arrests {

		@Test
		void fourOfTenThousandIsUnderHalfAThousandth() {
			CriterionEvidence b = LITERAL.classify(commune().arrestedOffenders(4).build()).evidence("4.3.b");
			assertThat(b.met()).isTrue();
			assertThat(b.rule()).isEqualTo(LITERAL_RULE_B);
		}

		@Test
		void fiveOfTenThousandIsNot() {
			assertThat(LITERAL.classify(commune().arrestedOffenders(5).build()).evidence("4.3.b").met()).isFalse();
		}

	}

	@Nested
	class LiteralReading_PointC_Plants {

		@Test
		void underBothMeasuresMeetsIt() {
			CriterionEvidence c = LITERAL.classify(commune().plantsDestroyed(499).plantAreaM2("124.99").build())
				.evidence("4.3.c");
			assertThat(c.met()).isTrue();
			assertThat(c.rule()).isEqualTo(LITERAL_RULE_C);
		}

		@Test
		void fiveHundredPlantsDoNot() {
			assertThat(LITERAL.classify(commune().plantsDestroyed(500).build()).evidence("4.3.c").met()).isFalse();
		}

		@Test
		void oneHundredTwentyFiveSquareMetresDoNotEvenWithFewPlants() {
			assertThat(
					LITERAL.classify(commune().plantsDestroyed(10).plantAreaM2("125").build()).evidence("4.3.c").met())
				.isFalse();
		}

		@Test
		void theThresholdShownToPeopleSaysUnderBothMeasures() {
			CriterionEvidence c = LITERAL.classify(commune().plantsDestroyed(10).plantAreaM2("125").build())
				.evidence("4.3.c");
			assertThat(c.met()).isFalse();
			assertThat(c.threshold()).doesNotContain("hoặc/or");
		}

		@Test
		void noPlantsAtAllMeetIt() {
			assertThat(LITERAL.classify(commune().build()).evidence("4.3.c").met()).isTrue();
		}

	}

	@Nested
	class LiteralReading_Classification {

		@Test
		void oneLowBandIsEnoughForTypeIII() {
			CommuneOutcome outcome = LITERAL
				.classify(commune().managedUsers(9).arrestedOffenders(50).plantsDestroyed(5_000).build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_III);
			assertThat(outcome.decidedBy()).isEqualTo(RULE_TYPE_III);
		}

		@Test
		void noLowBandAndNoOtherTypeIsUnclassified() {
			CommuneOutcome outcome = LITERAL
				.classify(commune().managedUsers(10).arrestedOffenders(50).plantsDestroyed(5_000).build());
			assertThat(outcome.classification()).isEqualTo(Classification.UNCLASSIFIED);
		}

	}

}
