package vn.drugcontrol.rules.commune;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.criteria.Gap;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.drugcontrol.rules.commune.Communes.DEFAULT;
import static vn.drugcontrol.rules.commune.Communes.LITERAL;
import static vn.drugcontrol.rules.commune.Communes.commune;

/**
 * "What would it take?" — the gaps the rules derive for communes that are not drug-free
 * (Art. 6) and for key areas one type down (Art. 4.1 → 4.2 → 4.3). The commune has 10,000
 * residents: 0.5% is 50, 0.1% is 10, 0.05% is 5.
 */
class WhatWouldItTakeTest {

	private static List<Gap> gaps(CommuneFacts.Builder facts) {
		return DEFAULT.classify(facts.build()).gaps();
	}

	private static Gap gap(CommuneFacts.Builder facts, String criterionId) {
		return gaps(facts).stream()
			.filter(g -> g.criterionId().equals(criterionId))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no gap " + criterionId + " in " + gaps(facts)));
	}

	private static List<String> ids(CommuneFacts.Builder facts) {
		return gaps(facts).stream().map(Gap::criterionId).toList();
	}

	@Nested
	class TowardsDrugFree_Art6 {

		@Test
		void threeUsersOutsideExemptTreatmentAndOnePointAreTheGap() {
			CommuneFacts.Builder c = commune().managedUsers(5).inSubstitutionTreatment(2).drugUsePoints(1);
			assertThat(gap(c, "6.1").amount()).isEqualTo(3);
			assertThat(gap(c, "6.1").textEn()).startsWith("3 users outside exempt treatment");
			assertThat(gap(c, "6.3").amount()).isEqualTo(1);
			assertThat(gap(c, "6.1").towards()).isEqualTo("DRUG_FREE");
			assertThat(gap(c, "6.1").rule())
				.isEqualTo("What would it take — Art. 6.1: users outside the exempt groups down to none");
		}

		@Test
		void usersAllInExemptGroupsLeaveNoGapForArt61() {
			CommuneFacts.Builder c = commune().managedUsers(5).inSubstitutionTreatment(5).residentViolators(1);
			assertThat(ids(c)).containsExactly("6.2");
		}

		@Test
		void violatorsAndFugitivesAddUp() {
			CommuneFacts.Builder c = commune().residentViolators(2).wantedFugitives(1);
			assertThat(gap(c, "6.2").amount()).isEqualTo(3);
			assertThat(gap(c, "6.2").textVi()).contains("2 người cư trú vi phạm", "1 đối tượng truy nã");
		}

		@Test
		void aDrugFreeCommuneHasNoGap() {
			assertThat(gaps(commune())).isEmpty();
		}

		@Test
		void aKeyAreaMeetingArt6HasOnlyTheWayOneTypeDown() {
			CommuneFacts.Builder c = Communes.drugFreeOnPaper().plantsDestroyed(3000);
			assertThat(DEFAULT.classify(c.build()).classification()).isIn(Classification.TYPE_I,
					Classification.TYPE_II);
			assertThat(gaps(c)).isNotEmpty().noneMatch(g -> g.towards().equals("DRUG_FREE"));
		}

		@Test
		void theLiteralReadingDerivesTheSameGaps() {
			CommuneFacts c = commune().managedUsers(5).inSubstitutionTreatment(2).drugUsePoints(1).build();
			assertThat(LITERAL.classify(c).gaps()).extracting(Gap::criterionId, Gap::amount)
				.containsExactlyElementsOf(DEFAULT.classify(c)
					.gaps()
					.stream()
					.map(g -> org.assertj.core.groups.Tuple.tuple(g.criterionId(), g.amount()))
					.toList());
		}

	}

	@Nested
	class TypeIToTypeII {

		/** Users exactly 0.5%, 2 points, arrests exactly 0.1%: type I on 3 criteria. */
		private CommuneFacts.Builder typeI() {
			return commune().managedUsers(50).drugUsePoints(2).arrestedOffenders(10).residentViolators(10);
		}

		@Test
		void oneCriterionLessIsEnoughAndEachSaysByHowMuch() {
			assertThat(DEFAULT.classify(typeI().build()).classification()).isEqualTo(Classification.TYPE_I);
			assertThat(gap(typeI(), "4.1").amount()).isEqualTo(1);
			assertThat(gap(typeI(), "4.1.a").amount()).isEqualTo(1);
			assertThat(gap(typeI(), "4.1.b").amount()).isEqualTo(1);
			assertThat(gap(typeI(), "4.1.c").amount()).isEqualTo(1);
			assertThat(gap(typeI(), "4.1").towards()).isEqualTo("TYPE_II");
		}

		@Test
		void usersFarAboveTheBandNeedMore() {
			assertThat(gap(typeI().managedUsers(58), "4.1.a").amount()).isEqualTo(9);
		}

		@Test
		void aCriterionNotMetIsNoWayOut() {
			assertThat(ids(typeI().plantsDestroyed(2999))).doesNotContain("4.1.d");
			assertThat(gap(typeI().plantsDestroyed(3000), "4.1.d").amount()).isEqualTo(1);
			assertThat(gap(typeI().plantsDestroyed(3000), "4.1").amount()).isEqualTo(2);
		}

		@Test
		void aPlantFindingInTheBandByAreaAloneSaysHowManySquareMetresMustGo() {
			// regression: 0 plants on 800 m² meets 4.1.d by its area; the gap said 0
			assertThat(gap(typeI().plantAreaM2("800"), "4.1.d").amount()).isEqualTo(51);
			assertThat(gap(typeI().plantAreaM2("750.5"), "4.1.d").amount()).isEqualTo(1);
			assertThat(gap(typeI().plantsDestroyed(3000).plantAreaM2("800"), "4.1.d").amount())
				.as("in plants when the plants reach the bound")
				.isEqualTo(1);
		}

		@Test
		void onARouteThePointHoldsWhileTwoOtherCriteriaDo() {
			CommuneFacts.Builder c = typeI().onInterProvincialRoute(true);
			assertThat(gap(c, "4.1.đ").amount()).isEqualTo(2);
			assertThat(gap(c, "4.1").amount()).isEqualTo(2);
		}

	}

	@Nested
	class TypeIIToTypeIII {

		/** Users exactly 0.1%, 1 point, arrests 6 of 10,000: type II on 3 criteria. */
		private CommuneFacts.Builder typeII() {
			return commune().managedUsers(10).drugUsePoints(1).arrestedOffenders(6).residentViolators(6);
		}

		@Test
		void eachCriterionMetSaysHowFarBelowItsFloor() {
			assertThat(DEFAULT.classify(typeII().build()).classification()).isEqualTo(Classification.TYPE_II);
			assertThat(gap(typeII(), "4.2").amount()).isEqualTo(1);
			assertThat(gap(typeII(), "4.2.a").amount()).isEqualTo(1);
			assertThat(gap(typeII(), "4.2.b").amount()).isEqualTo(1);
			assertThat(gap(typeII(), "4.2.c").amount()).isEqualTo(2);
			assertThat(gap(typeII(), "4.2").towards()).isEqualTo("TYPE_III");
		}

		@Test
		void arrestsJustBelowTheFloorAreNoWayOut() {
			assertThat(ids(typeII().arrestedOffenders(4).drugUsePoints(1).plantsDestroyed(500))).doesNotContain("4.2.c")
				.contains("4.2.d");
		}

		@Test
		void onARouteThePointStaysWhileTheRouteIsListed() {
			CommuneFacts.Builder c = commune().managedUsers(10).drugUsePoints(1).onIntraProvincialRoute(true);
			assertThat(gap(c, "4.2.đ").textEn()).contains("delisted");
		}

		@Test
		void aTypeIIICommuneHasOnlyTheArt6Gaps() {
			CommuneFacts.Builder c = commune().managedUsers(9).residentViolators(1);
			assertThat(DEFAULT.classify(c.build()).classification()).isEqualTo(Classification.TYPE_III);
			assertThat(ids(c)).containsExactly("6.1", "6.2");
		}

		@Test
		void theLiteralReadingUsesTheSameFloors() {
			assertThat(LITERAL.classify(typeII().build()).gaps()).extracting(Gap::criterionId)
				.contains("4.2", "4.2.a", "4.2.b", "4.2.c");
		}

	}

}
