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
 * Art. 6 — drug-free areas: all three conditions.
 */
class DrugFreeCriteriaTest {

	static final String RULE_6_1 = "Art. 6.1 — no resident is a drug user outside the three exempt groups";

	static final String RULE_6_2 = "Art. 6.2 — no resident violated drug law and no drug fugitive hides in the area";

	static final String RULE_6_3 = "Art. 6.3 — no drug-use point in the area";

	static final String RULE_DRUG_FREE = "Art. 6 — drug-free: meets every condition of Art. 6, and is neither type I nor type II";

	private static CriterionEvidence evidence(CommuneFacts.Builder facts, String criterion) {
		return DEFAULT.classify(facts.build()).evidence(criterion);
	}

	@Nested
	class Condition1_NoUsersOutsideTheExemptGroups {

		@Test
		void noUsersMeetIt() {
			CriterionEvidence e = evidence(commune().managedUsers(0), "6.1");
			assertThat(e.met()).isTrue();
			assertThat(e.rule()).isEqualTo(RULE_6_1);
		}

		@Test
		void usersAllInTheThreeExemptGroupsMeetIt() {
			assertThat(evidence(
					commune().managedUsers(3).inSubstitutionTreatment(1).inCommunityRehab(1).inPostRehabManagement(1),
					"6.1")
				.met()).isTrue();
		}

		@Test
		void oneUserOutsideTheExemptGroupsFailsIt() {
			CriterionEvidence e = evidence(commune().managedUsers(3).inSubstitutionTreatment(1).inCommunityRehab(1),
					"6.1");
			assertThat(e.met()).isFalse();
			assertThat(e.rule()).isEqualTo(RULE_6_1);
		}

	}

	@Nested
	class Condition2_NoViolatorsNoFugitives {

		@Test
		void nobodyMeetsIt() {
			CriterionEvidence e = evidence(commune(), "6.2");
			assertThat(e.met()).isTrue();
			assertThat(e.rule()).isEqualTo(RULE_6_2);
		}

		@Test
		void oneResidentViolatorFailsIt() {
			assertThat(evidence(commune().residentViolators(1), "6.2").met()).isFalse();
		}

		@Test
		void oneFugitiveHidingFailsIt() {
			assertThat(evidence(commune().wantedFugitives(1), "6.2").met()).isFalse();
		}

		@Test
		void arrestsOfNonResidentsDoNotFailIt() {
			assertThat(evidence(commune().arrestedOffenders(4), "6.2").met()).isTrue();
		}

	}

	@Nested
	class Condition3_NoDrugUsePoint {

		@Test
		void noPointMeetsIt() {
			CriterionEvidence e = evidence(commune().drugUsePoints(0), "6.3");
			assertThat(e.met()).isTrue();
			assertThat(e.rule()).isEqualTo(RULE_6_3);
		}

		@Test
		void onePointFailsIt() {
			assertThat(evidence(commune().drugUsePoints(1), "6.3").met()).isFalse();
		}

	}

	@Nested
	class Classification_AllThree {

		@Test
		void allThreeMakeItDrugFree() {
			CommuneOutcome outcome = DEFAULT.classify(commune().managedUsers(2).inCommunityRehab(2).build());
			assertThat(outcome.classification()).isEqualTo(Classification.DRUG_FREE);
			assertThat(outcome.decidedBy()).isEqualTo(RULE_DRUG_FREE);
		}

		@Test
		void twoOfThreeDoNot() {
			CommuneOutcome outcome = DEFAULT.classify(commune().managedUsers(2).inCommunityRehab(1).build());
			assertThat(outcome.classification()).isEqualTo(Classification.TYPE_III);
			assertThat(outcome.criteriaMet()).contains("6.2", "6.3").doesNotContain("6.1");
		}

		@Test
		void theLiteralReadingAgrees() {
			CommuneOutcome outcome = LITERAL.classify(commune().managedUsers(2).inCommunityRehab(2).build());
			assertThat(outcome.classification()).isEqualTo(Classification.DRUG_FREE);
			assertThat(outcome.decidedBy()).isEqualTo(RULE_DRUG_FREE);
		}

		@Test
		void aTinyCommuneOfOneResidentWithNothingRecordedIsDrugFree() {
			assertThat(DEFAULT.classify(commune().population(1).build()).classification())
				.isEqualTo(Classification.DRUG_FREE);
		}

	}

	@Nested
	class PeopleHeldInCentresOrPrison {

		@Test
		void areRecordedButCountInNoCriterion() {
			CommuneOutcome held = DEFAULT.classify(commune().heldInCentresOrPrison(500).build());
			CommuneOutcome none = DEFAULT.classify(commune().heldInCentresOrPrison(0).build());
			assertThat(held.classification()).isEqualTo(Classification.DRUG_FREE);
			assertThat(held.evidence()).isEqualTo(none.evidence());
		}

		@Test
		void doNotTurnAKeyAreaIntoAnother() {
			CommuneFacts.Builder typeII = commune().managedUsers(10).drugUsePoints(1).arrestedOffenders(5);
			CommuneOutcome held = DEFAULT.classify(typeII.heldInCentresOrPrison(10_000).build());
			assertThat(held.classification()).isEqualTo(Classification.TYPE_II);
			assertThat(held.criteriaMet())
				.isEqualTo(DEFAULT.classify(typeII.heldInCentresOrPrison(0).build()).criteriaMet());
		}

	}

	@Nested
	class SameInTheLiteralReading {

		@Test
		void theLiteralReadingAssessesArt6WithTheSameRules() {
			for (CommuneFacts facts : List.of(commune().build(),
					commune().managedUsers(3)
						.inSubstitutionTreatment(2)
						.residentViolators(1)
						.drugUsePoints(1)
						.build())) {
				assertThat(art6(LITERAL.classify(facts))).isEqualTo(art6(DEFAULT.classify(facts)))
					.extracting(CriterionEvidence::rule)
					.containsExactly(RULE_6_1, RULE_6_2, RULE_6_3);
			}
		}

		private static List<CriterionEvidence> art6(CommuneOutcome outcome) {
			return outcome.evidence().stream().filter(e -> e.article().equals("6")).toList();
		}

	}

}
