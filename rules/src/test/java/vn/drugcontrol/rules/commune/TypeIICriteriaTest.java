package vn.drugcontrol.rules.commune;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.criteria.CriterionEvidence;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.drugcontrol.rules.commune.Communes.DEFAULT;
import static vn.drugcontrol.rules.commune.Communes.commune;

/**
 * Art. 4.2 — type II, points a–d, in the default (cumulative) reading: each bound is the
 * band's floor, so a value in type I's band also meets type II's criterion. (Point đ:
 * {@link KeyRouteCriteriaTest}; the exclusive bands: {@link LiteralReadingTest}.)
 */
class TypeIICriteriaTest {

	static final String RULE_A = "Art. 4.2.a — users with management records, from type II's floor (type II, cumulative)";

	static final String RULE_B = "Art. 4.2.b — drug-use points, from type II's number (type II, cumulative)";

	static final String RULE_C = "Art. 4.2.c — drug offenders arrested, from type II's floor (type II, cumulative)";

	static final String RULE_D = "Art. 4.2.d — drug plants destroyed, from type II's plants or area (type II, cumulative)";

	static final String RULE_TYPE_II = "Art. 4.2 — type II: meets at least type II's number of the criteria of Art. 4.2, and is not type I";

	private static CriterionEvidence evidence(CommuneFacts.Builder facts, String criterion) {
		return DEFAULT.classify(facts.build()).evidence(criterion);
	}

	@Nested
	class PointA_UsersWithRecords {

		@Test
		void tenOfTenThousandIsExactlyAThousandthAndMeetsIt() {
			CriterionEvidence a = evidence(commune().managedUsers(10), "4.2.a");
			assertThat(a.met()).isTrue();
			assertThat(a.rule()).isEqualTo(RULE_A);
		}

		@Test
		void nineOfTenThousandDoesNot() {
			CriterionEvidence a = evidence(commune().managedUsers(9), "4.2.a");
			assertThat(a.met()).isFalse();
			assertThat(a.rule()).isEqualTo(RULE_A);
		}

		@Test
		void aRateInTypeIsBandAlsoMeetsIt() {
			assertThat(evidence(commune().managedUsers(60), "4.2.a").met()).isTrue();
		}

	}

	@Nested
	class PointB_DrugUsePoints {

		@Test
		void onePointMeetsIt() {
			CriterionEvidence b = evidence(commune().drugUsePoints(1), "4.2.b");
			assertThat(b.met()).isTrue();
			assertThat(b.rule()).isEqualTo(RULE_B);
		}

		@Test
		void noPointDoesNot() {
			CriterionEvidence b = evidence(commune().drugUsePoints(0), "4.2.b");
			assertThat(b.met()).isFalse();
			assertThat(b.rule()).isEqualTo(RULE_B);
		}

		@Test
		void twoOrMorePointsAlsoMeetIt() {
			assertThat(evidence(commune().drugUsePoints(2), "4.2.b").met()).isTrue();
			assertThat(evidence(commune().drugUsePoints(3), "4.2.b").met()).isTrue();
		}

	}

	@Nested
	class PointC_Arrests {

		@Test
		void fiveOfTenThousandIsExactlyHalfAThousandthAndMeetsIt() {
			CriterionEvidence c = evidence(commune().arrestedOffenders(5), "4.2.c");
			assertThat(c.met()).isTrue();
			assertThat(c.rule()).isEqualTo(RULE_C);
		}

		@Test
		void fourOfTenThousandDoesNot() {
			CriterionEvidence c = evidence(commune().arrestedOffenders(4), "4.2.c");
			assertThat(c.met()).isFalse();
			assertThat(c.rule()).isEqualTo(RULE_C);
		}

		@Test
		void aRateInTypeIsBandAlsoMeetsIt() {
			assertThat(evidence(commune().arrestedOffenders(10), "4.2.c").met()).isTrue();
		}

	}

	@Nested
	class PointD_DrugPlants {

		@Test
		void fiveHundredPlantsMeetIt() {
			CriterionEvidence d = evidence(commune().plantsDestroyed(500), "4.2.d");
			assertThat(d.met()).isTrue();
			assertThat(d.rule()).isEqualTo(RULE_D);
		}

		@Test
		void fourHundredNinetyNinePlantsDoNot() {
			assertThat(evidence(commune().plantsDestroyed(499), "4.2.d").met()).isFalse();
		}

		@Test
		void oneHundredTwentyFiveSquareMetresMeetIt() {
			assertThat(evidence(commune().plantAreaM2("125"), "4.2.d").met()).isTrue();
		}

		@Test
		void justUnderBothMeasuresDoesNot() {
			CriterionEvidence d = evidence(commune().plantsDestroyed(499).plantAreaM2("124.99"), "4.2.d");
			assertThat(d.met()).isFalse();
			assertThat(d.rule()).isEqualTo(RULE_D);
		}

		@Test
		void aFindingInTypeIsBandAlsoMeetsIt() {
			assertThat(evidence(commune().plantsDestroyed(3_000), "4.2.d").met()).isTrue();
			assertThat(evidence(commune().plantAreaM2("750"), "4.2.d").met()).isTrue();
		}

	}

	@Nested
	class Classification_ThreeOfFive {

		@Test
		void threeCriteriaAtTheirFloorsMakeTypeII() {
			CommuneOutcome outcome = DEFAULT
				.classify(commune().managedUsers(10).drugUsePoints(1).arrestedOffenders(5).build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_II);
			assertThat(outcome.decidedBy()).isEqualTo(RULE_TYPE_II);
		}

		@Test
		void twoCriteriaAndOneJustBelowItsFloorAreTypeIII() {
			CommuneOutcome outcome = DEFAULT
				.classify(commune().managedUsers(10).drugUsePoints(1).arrestedOffenders(4).build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_III);
			assertThat(outcome.criteriaMet()).filteredOn(id -> id.startsWith("4.2")).containsExactly("4.2.a", "4.2.b");
		}

		@Test
		void oneTypeICriterionAndTwoTypeIICriteriaMakeTypeII() {
			CommuneOutcome outcome = DEFAULT
				.classify(commune().managedUsers(60).arrestedOffenders(7).plantsDestroyed(1_000).build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_II);
			assertThat(outcome.criteriaMet()).contains("4.1.a", "4.2.a", "4.2.c", "4.2.d");
		}

		@Test
		void plantsAndAreaTogetherAreStillOneCriterion() {
			CommuneOutcome outcome = DEFAULT
				.classify(commune().managedUsers(10).plantsDestroyed(500).plantAreaM2("125").build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_III);
		}

	}

}
