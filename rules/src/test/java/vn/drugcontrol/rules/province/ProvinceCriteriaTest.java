package vn.drugcontrol.rules.province;

import java.math.BigDecimal;
import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.criteria.CriterionEvidence;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.drugcontrol.rules.commune.Communes.DEFAULT;
import static vn.drugcontrol.rules.commune.Communes.LITERAL;

/**
 * Art. 5 — province-level key areas: at least 4 of 6 criteria; Art. 6 for provinces.
 */
class ProvinceCriteriaTest {

	static final String RULE_5_1 = "Art. 5.1 — users with management records, the province's share of population";

	static final String RULE_5_2 = "Art. 5.2 — drug-use points in the province, the province's number";

	static final String RULE_5_3 = "Art. 5.3 — drug offenders arrested, the province's share of population";

	static final String RULE_5_4 = "Art. 5.4 — type I and type II communes, their share of the province's commune-level units";

	static final String RULE_5_5 = "Art. 5.5 — drug plants destroyed in the province, the province's plants or area";

	static final String RULE_5_6 = "Art. 5.6 — the province lies on an inter-provincial key route";

	static final String RULE_KEY_AREA = "Art. 5 — province key area: meets at least the province's number of the criteria of Art. 5";

	static final String RULE_DRUG_FREE = "Art. 6 — province drug-free: meets every condition of Art. 6, and is not a key area";

	static final String RULE_NEITHER = "Province neither a key area (Art. 5) nor drug-free (Art. 6)";

	/** A province of 1,000,000 residents and 100 communes with nothing recorded. */
	static Province province() {
		return new Province();
	}

	private static CriterionEvidence evidence(Province province, String criterion) {
		ProvinceOutcome outcome = DEFAULT.classifyProvince(province.build());
		return outcome.evidence().stream().filter(e -> e.id().equals(criterion)).findFirst().orElseThrow();
	}

	@Nested
	class Criterion1_Users {

		@Test
		void twoThousandOfAMillionIsExactlyTwoThousandthsAndMeetsIt() {
			CriterionEvidence e = evidence(province().managedUsers(2_000), "5.1");
			assertThat(e.met()).isTrue();
			assertThat(e.rule()).isEqualTo(RULE_5_1);
		}

		@Test
		void oneThousandNineHundredNinetyNineDoNot() {
			assertThat(evidence(province().managedUsers(1_999), "5.1").met()).isFalse();
		}

	}

	@Nested
	class Criterion2_DrugUsePoints {

		@Test
		void fivePointsMeetIt() {
			CriterionEvidence e = evidence(province().drugUsePoints(5), "5.2");
			assertThat(e.met()).isTrue();
			assertThat(e.rule()).isEqualTo(RULE_5_2);
		}

		@Test
		void fourPointsDoNot() {
			assertThat(evidence(province().drugUsePoints(4), "5.2").met()).isFalse();
		}

	}

	@Nested
	class Criterion3_Arrests {

		@Test
		void fiveHundredOfAMillionIsExactlyHalfAThousandthAndMeetsIt() {
			CriterionEvidence e = evidence(province().arrestedOffenders(500), "5.3");
			assertThat(e.met()).isTrue();
			assertThat(e.rule()).isEqualTo(RULE_5_3);
		}

		@Test
		void fourHundredNinetyNineDoNot() {
			assertThat(evidence(province().arrestedOffenders(499), "5.3").met()).isFalse();
		}

	}

	@Nested
	class Criterion4_TypeIAndIICommunes {

		@Test
		void threeOfAHundredCommunesIsExactlyThreePercentAndMeetsIt() {
			CriterionEvidence e = evidence(province().communes(100, 3), "5.4");
			assertThat(e.met()).isTrue();
			assertThat(e.rule()).isEqualTo(RULE_5_4);
		}

		@Test
		void twoOfAHundredDoNot() {
			assertThat(evidence(province().communes(100, 2), "5.4").met()).isFalse();
		}

		@Test
		void inCaoBangsFiftySixCommunesTwoMeetItAndOneDoesNot() {
			assertThat(evidence(province().communes(56, 2), "5.4").met()).isTrue();
			assertThat(evidence(province().communes(56, 1), "5.4").met()).isFalse();
		}

	}

	@Nested
	class Criterion5_DrugPlants {

		@Test
		void eightThousandPlantsMeetIt() {
			CriterionEvidence e = evidence(province().plantsDestroyed(8_000), "5.5");
			assertThat(e.met()).isTrue();
			assertThat(e.rule()).isEqualTo(RULE_5_5);
		}

		@Test
		void sevenThousandNineHundredNinetyNinePlantsDoNot() {
			assertThat(evidence(province().plantsDestroyed(7_999), "5.5").met()).isFalse();
		}

		@Test
		void twoThousandSquareMetresMeetItAndJustUnderDoesNot() {
			assertThat(evidence(province().plantAreaM2("2000"), "5.5").met()).isTrue();
			assertThat(evidence(province().plantsDestroyed(7_999).plantAreaM2("1999.99"), "5.5").met()).isFalse();
		}

	}

	@Nested
	class Criterion6_InterProvincialRoute {

		@Test
		void onAnInterProvincialRouteMeetsIt() {
			CriterionEvidence e = evidence(province().onInterProvincialRoute(true), "5.6");
			assertThat(e.met()).isTrue();
			assertThat(e.rule()).isEqualTo(RULE_5_6);
		}

		@Test
		void offItDoesNot() {
			assertThat(evidence(province().onInterProvincialRoute(false), "5.6").met()).isFalse();
		}

	}

	@Nested
	class Classification_FourOfSix {

		@Test
		void fourOfSixMakeAKeyArea() {
			ProvinceOutcome outcome = DEFAULT.classifyProvince(province().managedUsers(2_000)
				.drugUsePoints(5)
				.arrestedOffenders(500)
				.onInterProvincialRoute(true)
				.build());
			assertThat(outcome.classification()).isEqualTo(ProvinceClassification.KEY_AREA);
			assertThat(outcome.decidedBy()).isEqualTo(RULE_KEY_AREA);
			assertThat(outcome.criteriaMet()).filteredOn(id -> id.startsWith("5."))
				.containsExactly("5.1", "5.2", "5.3", "5.6");
		}

		@Test
		void threeOfSixDoNot() {
			ProvinceOutcome outcome = DEFAULT.classifyProvince(province().managedUsers(2_000)
				.drugUsePoints(5)
				.arrestedOffenders(499)
				.onInterProvincialRoute(true)
				.build());
			assertThat(outcome.classification()).isEqualTo(ProvinceClassification.NOT_KEY_AREA);
			assertThat(outcome.decidedBy()).isEqualTo(RULE_NEITHER);
		}

		@Test
		void allSixMakeAKeyArea() {
			ProvinceOutcome outcome = DEFAULT.classifyProvince(province().managedUsers(5_000)
				.drugUsePoints(9)
				.arrestedOffenders(900)
				.communes(100, 10)
				.plantsDestroyed(10_000)
				.onInterProvincialRoute(true)
				.build());
			assertThat(outcome.criteriaMet()).filteredOn(id -> id.startsWith("5."))
				.containsExactly("5.1", "5.2", "5.3", "5.4", "5.5", "5.6");
			assertThat(outcome.classification()).isEqualTo(ProvinceClassification.KEY_AREA);
		}

	}

	@Nested
	class DrugFreeProvince {

		@Test
		void aProvinceWithNothingRecordedIsDrugFree() {
			ProvinceOutcome outcome = DEFAULT.classifyProvince(province().build());
			assertThat(outcome.classification()).isEqualTo(ProvinceClassification.DRUG_FREE);
			assertThat(outcome.decidedBy()).isEqualTo(RULE_DRUG_FREE);
			assertThat(outcome.criteriaMet()).containsExactly("6.1", "6.2", "6.3");
		}

		@Test
		void usersAllExemptStillAllowIt() {
			ProvinceOutcome outcome = DEFAULT.classifyProvince(province().managedUsers(300).exemptUsers(300).build());
			assertThat(outcome.classification()).isEqualTo(ProvinceClassification.DRUG_FREE);
		}

		@Test
		void oneFugitiveLeavesItNeither() {
			ProvinceOutcome outcome = DEFAULT.classifyProvince(province().wantedFugitives(1).build());
			assertThat(outcome.classification()).isEqualTo(ProvinceClassification.NOT_KEY_AREA);
			assertThat(outcome.decidedBy()).isEqualTo(RULE_NEITHER);
		}

		@Test
		void aKeyAreaWinsOverArt6() {
			ProvinceOutcome outcome = DEFAULT.classifyProvince(province().managedUsers(2_000)
				.exemptUsers(2_000)
				.arrestedOffenders(500)
				.plantsDestroyed(8_000)
				.onInterProvincialRoute(true)
				.build());
			assertThat(outcome.criteriaMet()).contains("6.1", "6.2", "6.3");
			assertThat(outcome.classification()).isEqualTo(ProvinceClassification.KEY_AREA);
		}

	}

	@Nested
	class FromCommunes {

		@Test
		void aggregatesTheCommunesAndCountsTheirTypesIAndII() {
			List<CommuneFacts> communes = List.of(
					CommuneFacts.builder("00001")
						.population(1_000)
						.managedUsers(20)
						.drugUsePoints(2)
						.arrestedOffenders(4)
						.build(),
					CommuneFacts.builder("00002")
						.population(2_000)
						.managedUsers(2)
						.inSubstitutionTreatment(1)
						.drugUsePoints(1)
						.arrestedOffenders(1)
						.plantsDestroyed(600)
						.build(),
					CommuneFacts.builder("00003").population(7_000).plantAreaM2("2000").build());
			List<CommuneOutcome> outcomes = DEFAULT.classify(communes);
			ProvinceFacts facts = ProvinceFacts.aggregate("01", 2025, communes,
					outcomes.stream().map(CommuneOutcome::classification).toList(), 56, false);
			assertThat(facts).isEqualTo(new ProvinceFacts("01", 2025, 10_000, 22, 1, 3, 5, 0, 0, 600,
					new BigDecimal("2000"), 56, 2, false));
			ProvinceOutcome outcome = DEFAULT.classifyProvince(facts);
			assertThat(outcome.criteriaMet()).filteredOn(id -> id.startsWith("5."))
				.containsExactly("5.1", "5.3", "5.4", "5.5");
			assertThat(outcome.classification()).isEqualTo(ProvinceClassification.KEY_AREA);
		}

		@Test
		void theLiteralReadingClassifiesProvincesTheSameWay() {
			for (Province province : List.of(
					province().managedUsers(2_000).drugUsePoints(5).arrestedOffenders(500).communes(100, 3), province(),
					province().wantedFugitives(1).plantAreaM2("2000"))) {
				ProvinceFacts facts = province.build();
				assertThat(LITERAL.classifyProvince(facts)).isEqualTo(DEFAULT.classifyProvince(facts));
			}
		}

	}

	@Nested
	class InvalidProvinceFacts {

		@Test
		void aProvinceWithNoPopulationIsRejectedAsInvalidFacts() {
			assertThatThrownBy(() -> DEFAULT.classifyProvince(province().population(0).build()))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("population");
		}

		@Test
		void aProvinceWithNoCommunesIsRejectedAsInvalidFacts() {
			assertThatThrownBy(() -> DEFAULT.classifyProvince(province().communes(0, 0).build()))
				.isInstanceOf(IllegalArgumentException.class)
				.hasMessageContaining("communeUnits");
		}

	}

	/** Builds {@link ProvinceFacts} for tests: 1,000,000 residents, 100 communes. */
	static final class Province {

		private long population = 1_000_000;

		private long managedUsers;

		private long exemptUsers;

		private long drugUsePoints;

		private long arrestedOffenders;

		private long wantedFugitives;

		private long plantsDestroyed;

		private BigDecimal plantAreaM2 = BigDecimal.ZERO;

		private long communeUnits = 100;

		private long typeIAndIICommunes;

		private boolean onInterProvincialRoute;

		Province population(long n) {
			this.population = n;
			return this;
		}

		Province managedUsers(long n) {
			this.managedUsers = n;
			return this;
		}

		Province exemptUsers(long n) {
			this.exemptUsers = n;
			return this;
		}

		Province drugUsePoints(long n) {
			this.drugUsePoints = n;
			return this;
		}

		Province arrestedOffenders(long n) {
			this.arrestedOffenders = n;
			return this;
		}

		Province wantedFugitives(long n) {
			this.wantedFugitives = n;
			return this;
		}

		Province plantsDestroyed(long n) {
			this.plantsDestroyed = n;
			return this;
		}

		Province plantAreaM2(String m2) {
			this.plantAreaM2 = new BigDecimal(m2);
			return this;
		}

		Province communes(long units, long typeIAndII) {
			this.communeUnits = units;
			this.typeIAndIICommunes = typeIAndII;
			return this;
		}

		Province onInterProvincialRoute(boolean on) {
			this.onInterProvincialRoute = on;
			return this;
		}

		ProvinceFacts build() {
			return new ProvinceFacts("01", 2025, population, managedUsers, exemptUsers, drugUsePoints,
					arrestedOffenders, 0, wantedFugitives, plantsDestroyed, plantAreaM2, communeUnits,
					typeIAndIICommunes, onInterProvincialRoute);
		}

	}

}
