package vn.drugcontrol.rules.commune;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.criteria.CriterionEvidence;

import static org.assertj.core.api.Assertions.assertThat;
import static vn.drugcontrol.rules.commune.Communes.DEFAULT;
import static vn.drugcontrol.rules.commune.Communes.LITERAL;
import static vn.drugcontrol.rules.commune.Communes.commune;

/**
 * Art. 4.1.đ and 4.2.đ — on a key route (Art. 3) and meeting 2 other criteria, counted by
 * what they measure (users, drug-use points, arrests, plants).
 */
class KeyRouteCriteriaTest {

	static final String RULE_4_1_DD = "Art. 4.1.đ — on a key route and meets criteria of type II or above (type I)";

	static final String RULE_4_2_DD = "Art. 4.2.đ — on a key route and meets criteria of type III or above (type II)";

	private static CriterionEvidence evidence(CommuneFacts.Builder facts, String criterion) {
		return DEFAULT.classify(facts.build()).evidence(criterion);
	}

	@Nested
	class TypeI_PointDd_KeyRoute {

		@Test
		void onAnIntraProvincialRouteWithTwoTypeIICriteriaMeetsIt() {
			CriterionEvidence route = evidence(
					commune().onIntraProvincialRoute(true).managedUsers(10).arrestedOffenders(5), "4.1.đ");
			assertThat(route.met()).isTrue();
			assertThat(route.rule()).isEqualTo(RULE_4_1_DD);
		}

		@Test
		void onAnInterProvincialRouteMeetsItToo() {
			assertThat(evidence(commune().onInterProvincialRoute(true).drugUsePoints(1).plantsDestroyed(500), "4.1.đ")
				.met()).isTrue();
		}

		@Test
		void oneCriterionJustBelowItsFloorLeavesOnlyOne() {
			CriterionEvidence route = evidence(
					commune().onIntraProvincialRoute(true).managedUsers(9).arrestedOffenders(5), "4.1.đ");
			assertThat(route.met()).isFalse();
			assertThat(route.rule()).isEqualTo(RULE_4_1_DD);
		}

		@Test
		void offTheRouteAllFourCriteriaDoNotMeetIt() {
			assertThat(
					evidence(commune().managedUsers(50).drugUsePoints(2).arrestedOffenders(10).plantsDestroyed(3_000),
							"4.1.đ")
						.met())
				.isFalse();
		}

		@Test
		void aMeasureMetAtTwoBandsCountsOnce() {
			// users ≥ 0.5% meet 4.1.a and 4.2.a: one measure, not two
			assertThat(evidence(commune().onIntraProvincialRoute(true).managedUsers(50), "4.1.đ").met()).isFalse();
		}

		@Test
		void typeIIIBandsDoNotCount() {
			// users 0.09% and arrests 0.04% are type III bands only
			assertThat(evidence(commune().onIntraProvincialRoute(true).managedUsers(9).arrestedOffenders(4), "4.1.đ")
				.met()).isFalse();
		}

		@Test
		void theLiteralReadingCountsTheSameMeasuresBecauseItsBandsTogetherCoverTheSameValues() {
			CommuneFacts facts = commune().onIntraProvincialRoute(true).managedUsers(60).arrestedOffenders(7).build();
			CriterionEvidence literal = LITERAL.classify(facts).evidence("4.1.đ");
			assertThat(literal).isEqualTo(DEFAULT.classify(facts).evidence("4.1.đ"));
			assertThat(literal.met()).isTrue();
		}

		@Test
		void makesTypeIWithTwoTypeICriteria() {
			CommuneFacts.Builder facts = commune().managedUsers(50).drugUsePoints(1).arrestedOffenders(10);
			assertThat(DEFAULT.classify(facts.onIntraProvincialRoute(true).build()).classification())
				.isEqualTo(Classification.TYPE_I);
			assertThat(DEFAULT.classify(facts.onIntraProvincialRoute(false).build()).classification())
				.isEqualTo(Classification.TYPE_II);
		}

	}

	@Nested
	class TypeII_PointDd_KeyRoute {

		@Test
		void onARouteMeetsItBecauseEveryCommuneMeetsTwoTypeIIICriteria() {
			CriterionEvidence route = evidence(commune().onIntraProvincialRoute(true), "4.2.đ");
			assertThat(route.met()).isTrue();
			assertThat(route.rule()).isEqualTo(RULE_4_2_DD);
		}

		@Test
		void offTheRouteDoesNot() {
			CriterionEvidence route = evidence(commune().managedUsers(50).arrestedOffenders(10), "4.2.đ");
			assertThat(route.met()).isFalse();
			assertThat(route.rule()).isEqualTo(RULE_4_2_DD);
		}

		@Test
		void inTheLiteralReadingEveryValueIsInSomeBandSoARouteMeetsItToo() {
			CommuneOutcome outcome = LITERAL.classify(commune().onInterProvincialRoute(true).build());
			assertThat(outcome.evidence("4.2.đ")).extracting(CriterionEvidence::met, CriterionEvidence::rule)
				.containsExactly(true, RULE_4_2_DD);
		}

		@Test
		void makesTypeIIWithTwoTypeIICriteria() {
			CommuneFacts.Builder facts = commune().managedUsers(10).arrestedOffenders(5);
			assertThat(DEFAULT.classify(facts.onInterProvincialRoute(true).build()).classification())
				.isEqualTo(Classification.TYPE_II);
			assertThat(DEFAULT.classify(facts.onInterProvincialRoute(false).build()).classification())
				.isEqualTo(Classification.TYPE_III);
		}

		@Test
		void aRouteAloneDoesNotMakeAKeyAreaOfADrugFreeCommune() {
			CommuneOutcome outcome = DEFAULT.classify(commune().onInterProvincialRoute(true).build());
			assertThat(outcome.classification()).isEqualTo(Classification.DRUG_FREE);
		}

	}

}
