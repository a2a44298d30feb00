package vn.drugcontrol.rules.commune;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.criteria.CriterionEvidence;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.drugcontrol.rules.commune.Communes.DEFAULT;
import static vn.drugcontrol.rules.commune.Communes.LITERAL;
import static vn.drugcontrol.rules.commune.Communes.commune;

/**
 * Art. 4.1 — type I, points a–d (point đ: {@link KeyRouteCriteriaTest}). The type I bands
 * are open at the top, so both readings share these rules.
 */
class TypeICriteriaTest {

	static final String RULE_A = "Art. 4.1.a — users with management records, type I's share of population";

	static final String RULE_B = "Art. 4.1.b — drug-use points, type I's number";

	static final String RULE_C = "Art. 4.1.c — drug offenders arrested, type I's share of population";

	static final String RULE_D = "Art. 4.1.d — drug plants destroyed, type I's plants or area";

	static final String RULE_TYPE_I = "Art. 4.1 — type I: meets at least type I's number of the criteria of Art. 4.1";

	private static CriterionEvidence evidence(CommuneFacts.Builder facts, String criterion) {
		return DEFAULT.classify(facts.build()).evidence(criterion);
	}

	@Nested
	class PointA_UsersWithRecords {

		@Test
		void tenOfTwoThousandIsExactlyHalfAPercentAndMeetsIt() {
			CriterionEvidence a = evidence(commune().population(2_000).managedUsers(10), "4.1.a");
			assertThat(a.met()).isTrue();
			assertThat(a.rule()).isEqualTo(RULE_A);
			assertThat(a.threshold()).isEqualTo("≥ 0.5%");
		}

		@Test
		void nineOfTwoThousandDoesNot() {
			CriterionEvidence a = evidence(commune().population(2_000).managedUsers(9), "4.1.a");
			assertThat(a.met()).isFalse();
			assertThat(a.rule()).isEqualTo(RULE_A);
		}

		@Test
		void fiftyOfTenThousandMeetsItAndFortyNineDoesNot() {
			assertThat(evidence(commune().managedUsers(50), "4.1.a").met()).isTrue();
			assertThat(evidence(commune().managedUsers(49), "4.1.a").met()).isFalse();
		}

		@Test
		void countsUsersInSubstitutionTreatmentToo() {
			CriterionEvidence a = evidence(commune().managedUsers(50).inSubstitutionTreatment(50), "4.1.a");
			assertThat(a.met()).isTrue();
		}

	}

	@Nested
	class PointB_DrugUsePoints {

		@Test
		void twoPointsMeetIt() {
			CriterionEvidence b = evidence(commune().drugUsePoints(2), "4.1.b");
			assertThat(b.met()).isTrue();
			assertThat(b.rule()).isEqualTo(RULE_B);
		}

		@Test
		void onePointDoesNot() {
			CriterionEvidence b = evidence(commune().drugUsePoints(1), "4.1.b");
			assertThat(b.met()).isFalse();
			assertThat(b.rule()).isEqualTo(RULE_B);
		}

	}

	@Nested
	class PointC_Arrests {

		@Test
		void tenOfTenThousandIsExactlyAThousandthAndMeetsIt() {
			CriterionEvidence c = evidence(commune().arrestedOffenders(10), "4.1.c");
			assertThat(c.met()).isTrue();
			assertThat(c.rule()).isEqualTo(RULE_C);
		}

		@Test
		void nineOfTenThousandDoesNot() {
			CriterionEvidence c = evidence(commune().arrestedOffenders(9), "4.1.c");
			assertThat(c.met()).isFalse();
			assertThat(c.rule()).isEqualTo(RULE_C);
		}

	}

	@Nested
	class PointD_DrugPlants {

		@Test
		void threeThousandPlantsMeetIt() {
			CriterionEvidence d = evidence(commune().plantsDestroyed(3_000), "4.1.d");
			assertThat(d.met()).isTrue();
			assertThat(d.rule()).isEqualTo(RULE_D);
		}

		@Test
		void twoThousandNineHundredNinetyNinePlantsDoNot() {
			assertThat(evidence(commune().plantsDestroyed(2_999), "4.1.d").met()).isFalse();
		}

		@Test
		void sevenHundredFiftySquareMetresMeetItWithoutAPlantCount() {
			assertThat(evidence(commune().plantAreaM2("750"), "4.1.d").met()).isTrue();
			assertThat(evidence(commune().plantAreaM2("750.000"), "4.1.d").met()).isTrue();
		}

		@Test
		void justUnderBothMeasuresDoesNot() {
			CriterionEvidence d = evidence(commune().plantsDestroyed(2_999).plantAreaM2("749.99"), "4.1.d");
			assertThat(d.met()).isFalse();
			assertThat(d.rule()).isEqualTo(RULE_D);
		}

	}

	@Nested
	class Classification_ThreeOfFive {

		@Test
		void threeCriteriaMakeTypeI() {
			CommuneOutcome outcome = DEFAULT
				.classify(commune().managedUsers(50).drugUsePoints(2).arrestedOffenders(10).build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_I);
			assertThat(outcome.decidedBy()).isEqualTo(RULE_TYPE_I);
			assertThat(outcome.criteriaMet()).contains("4.1.a", "4.1.b", "4.1.c").doesNotContain("4.1.d", "4.1.đ");
		}

		@Test
		void twoCriteriaJustBelowTheThirdAreNotTypeI() {
			CommuneOutcome outcome = DEFAULT
				.classify(commune().managedUsers(50).drugUsePoints(2).arrestedOffenders(9).build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_II);
			assertThat(outcome.criteriaMet()).contains("4.1.a", "4.1.b").doesNotContain("4.1.c");
		}

		@Test
		void plantsAndAreaAreOneCriterionNotTwo() {
			CommuneOutcome outcome = DEFAULT
				.classify(commune().managedUsers(50).plantsDestroyed(3_000).plantAreaM2("750").build());
			assertThat(outcome.classification()).isNotEqualTo(Classification.TYPE_I);
			assertThat(outcome.criteriaMet()).filteredOn(id -> id.startsWith("4.1")).containsExactly("4.1.a", "4.1.d");
		}

		@Test
		void allFiveCriteriaAreTypeIInBothReadings() {
			CommuneFacts facts = commune().managedUsers(80)
				.drugUsePoints(3)
				.arrestedOffenders(20)
				.plantsDestroyed(5_000)
				.onInterProvincialRoute(true)
				.build();
			assertThat(DEFAULT.classify(facts).criteriaMet()).contains("4.1.a", "4.1.b", "4.1.c", "4.1.d", "4.1.đ");
			assertThat(LITERAL.classify(facts).classification()).isEqualTo(Classification.TYPE_I);
		}

		@Test
		void everyCriterionIsRecordedMetOrNot() {
			CommuneOutcome outcome = DEFAULT.classify(commune().build());
			assertThat(outcome.evidence()).extracting(CriterionEvidence::id)
				.containsExactly("4.1.a", "4.1.b", "4.1.c", "4.1.d", "4.1.đ", "4.2.a", "4.2.b", "4.2.c", "4.2.d",
						"4.2.đ", "4.3.a", "4.3.b", "4.3.c", "6.1", "6.2", "6.3");
		}

	}

	@Nested
	class TinyAndHugePopulations {

		@Test
		void oneUserAmongOneResidentMeetsIt() {
			assertThat(evidence(commune().population(1).managedUsers(1), "4.1.a").met()).isTrue();
			assertThat(evidence(commune().population(1).managedUsers(0), "4.1.a").met()).isFalse();
		}

		@Test
		void sevenResidentsWithOneUserOneArrestAndTwoPointsAreTypeI() {
			CommuneOutcome outcome = DEFAULT
				.classify(commune().population(7).managedUsers(1).arrestedOffenders(1).drugUsePoints(2).build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_I);
			assertThat(outcome.decidedBy()).isEqualTo(RULE_TYPE_I);
		}

		@Test
		void tenMillionResidentsNeedFiftyThousandUsers() {
			assertThat(evidence(commune().population(10_000_000).managedUsers(50_000), "4.1.a").met()).isTrue();
			assertThat(evidence(commune().population(10_000_000).managedUsers(49_999), "4.1.a").met()).isFalse();
		}

		@Test
		void fifteenMillionOfThreeBillionIsExactlyHalfAPercent() {
			CommuneFacts.Builder huge = commune().population(3_000_000_000L);
			assertThat(evidence(huge.managedUsers(15_000_000L), "4.1.a").met()).isTrue();
			assertThat(evidence(huge.managedUsers(14_999_999L), "4.1.a").met()).isFalse();
		}

		@Test
		void threeMillionArrestsOfThreeBillionIsExactlyAThousandth() {
			CommuneFacts.Builder huge = commune().population(3_000_000_000L);
			assertThat(evidence(huge.arrestedOffenders(3_000_000L), "4.1.c").met()).isTrue();
			assertThat(evidence(huge.arrestedOffenders(2_999_999L), "4.1.c").met()).isFalse();
		}

		@Test
		void countsNearLongMaxValueNeitherOverflowNorRound() {
			// Long.MAX_VALUE / 200 = 46,116,860,184,273,879.035: the next whole person
			// meets 0.5%
			CommuneFacts.Builder max = commune().population(Long.MAX_VALUE);
			assertThat(evidence(max.managedUsers(46_116_860_184_273_880L), "4.1.a").met()).isTrue();
			assertThat(evidence(max.managedUsers(46_116_860_184_273_879L), "4.1.a").met()).isFalse();
			assertThat(evidence(max.plantsDestroyed(Long.MAX_VALUE), "4.1.d").met()).isTrue();
		}

	}

	@Nested
	class SameInTheLiteralReading {

		@Test
		void theLiteralReadingAssessesTypeIWithTheSameRulesOnBothSidesOfEveryThreshold() {
			CommuneFacts onEveryThreshold = commune().managedUsers(50)
				.drugUsePoints(2)
				.arrestedOffenders(10)
				.plantsDestroyed(3_000)
				.onIntraProvincialRoute(true)
				.build();
			CommuneFacts justBelow = commune().managedUsers(49)
				.drugUsePoints(1)
				.arrestedOffenders(9)
				.plantsDestroyed(2_999)
				.plantAreaM2("749.99")
				.build();
			for (CommuneFacts facts : List.of(onEveryThreshold, justBelow)) {
				assertThat(typeI(LITERAL.classify(facts))).isEqualTo(typeI(DEFAULT.classify(facts)));
			}
			assertThat(typeI(LITERAL.classify(onEveryThreshold))).allMatch(CriterionEvidence::met);
			assertThat(typeI(LITERAL.classify(justBelow))).extracting(CriterionEvidence::rule)
				.containsExactly(RULE_A, RULE_B, RULE_C, RULE_D, KeyRouteCriteriaTest.RULE_4_1_DD);
		}

		private static List<CriterionEvidence> typeI(CommuneOutcome outcome) {
			return outcome.evidence().stream().filter(e -> e.article().equals("4.1")).toList();
		}

	}

}
