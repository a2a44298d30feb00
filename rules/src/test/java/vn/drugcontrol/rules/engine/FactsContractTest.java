package vn.drugcontrol.rules.engine;

import java.util.List;
import java.util.function.BiFunction;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import vn.drugcontrol.rules.commune.CommuneFacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

/**
 * The facts contract's structural checks: a batch with any invalid commune is rejected
 * whole, before any rule runs, with every violation named.
 */
class FactsContractTest {

	private static final RuleSet RULES = ShippedRuleSets.defaultReading();

	private static CommuneFacts.Builder valid(String code) {
		return CommuneFacts.builder(code).population(10_000).managedUsers(3);
	}

	private static List<FactViolation> violations(CommuneFacts... batch) {
		InvalidFactsException ex = catchThrowableOfType(InvalidFactsException.class,
				() -> RULES.classify(List.of(batch)));
		assertThat(ex).as("the batch is rejected").isNotNull();
		return ex.violations();
	}

	@Nested
	class ExemptGroups {

		@Test
		void exemptGroupsLargerThanTheUsersAreRejected() {
			CommuneFacts facts = valid("00001").inSubstitutionTreatment(2)
				.inCommunityRehab(1)
				.inPostRehabManagement(1)
				.build();
			assertThat(violations(facts)).extracting(FactViolation::index, FactViolation::field)
				.containsExactly(tuple(0, "managedUsers"));
		}

		@Test
		void exemptGroupsAsLargeAsTheUsersAreValid() {
			CommuneFacts facts = valid("00001").inSubstitutionTreatment(1)
				.inCommunityRehab(1)
				.inPostRehabManagement(1)
				.build();
			assertThat(FactsContract.check(List.of(facts))).isEmpty();
		}

		@Test
		void exemptGroupsWhoseSumOverflowsAreRejected() {
			CommuneFacts facts = CommuneFacts.builder("00001")
				.managedUsers(0)
				.inSubstitutionTreatment(Long.MAX_VALUE)
				.inCommunityRehab(Long.MAX_VALUE)
				.inPostRehabManagement(2)
				.build();
			assertThat(FactsContract.check(List.of(facts))).extracting(FactViolation::field).contains("managedUsers");
		}

	}

	@Nested
	class NegativeValues {

		@ParameterizedTest
		@ValueSource(strings = { "managedUsers", "inSubstitutionTreatment", "inCommunityRehab", "inPostRehabManagement",
				"drugUsePoints", "arrestedOffenders", "residentViolators", "wantedFugitives", "plantsDestroyed",
				"heldInCentresOrPrison" })
		void aNegativeCountIsRejectedAndNamed(String field) {
			CommuneFacts facts = negative(field).apply(CommuneFacts.builder("00001").managedUsers(5), -1L).build();
			assertThat(violations(facts)).extracting(FactViolation::field, FactViolation::message)
				.contains(tuple(field, "must not be negative"));
		}

		@Test
		void aNegativeAreaIsRejected() {
			assertThat(violations(valid("00001").plantAreaM2("-0.01").build())).extracting(FactViolation::field)
				.containsExactly("plantAreaM2");
		}

		private static BiFunction<CommuneFacts.Builder, Long, CommuneFacts.Builder> negative(String field) {
			return switch (field) {
				case "managedUsers" -> CommuneFacts.Builder::managedUsers;
				case "inSubstitutionTreatment" -> CommuneFacts.Builder::inSubstitutionTreatment;
				case "inCommunityRehab" -> CommuneFacts.Builder::inCommunityRehab;
				case "inPostRehabManagement" -> CommuneFacts.Builder::inPostRehabManagement;
				case "drugUsePoints" -> CommuneFacts.Builder::drugUsePoints;
				case "arrestedOffenders" -> CommuneFacts.Builder::arrestedOffenders;
				case "residentViolators" -> CommuneFacts.Builder::residentViolators;
				case "wantedFugitives" -> CommuneFacts.Builder::wantedFugitives;
				case "plantsDestroyed" -> CommuneFacts.Builder::plantsDestroyed;
				case "heldInCentresOrPrison" -> CommuneFacts.Builder::heldInCentresOrPrison;
				default -> throw new IllegalArgumentException(field);
			};
		}

	}

	@Nested
	class CodesAndPopulation {

		@Test
		void aDuplicateCodeIsRejectedAtItsSecondAppearance() {
			assertThat(violations(valid("00001").build(), valid("00002").build(), valid("00001").build()))
				.extracting(FactViolation::index, FactViolation::communeCode, FactViolation::field)
				.containsExactly(tuple(2, "00001", "communeCode"));
		}

		@Test
		void aBlankCodeIsRejected() {
			assertThat(violations(valid(" ").build())).extracting(FactViolation::field).containsExactly("communeCode");
		}

		@Test
		void aPopulationOfZeroIsRejected() {
			assertThat(violations(valid("00001").population(0).managedUsers(0).build()))
				.extracting(FactViolation::field, FactViolation::message)
				.containsExactly(tuple("population", "must be greater than 0"));
		}

		@Test
		void aNegativePopulationIsRejected() {
			assertThat(violations(valid("00001").population(-5).build())).extracting(FactViolation::field)
				.containsExactly("population");
		}

		@Test
		void aPopulationOfOneIsValid() {
			assertThat(FactsContract.check(List.of(valid("00001").population(1).build()))).isEmpty();
		}

	}

	@Nested
	class WholeBatch {

		@Test
		void oneInvalidCommuneStopsTheWholeBatchAndEveryViolationIsListed() {
			List<CommuneFacts> batch = List.of(valid("00001").build(), valid("00002").population(0).build(),
					valid("00003").build(), valid("00004").drugUsePoints(-1).wantedFugitives(-2).build());
			assertThatThrownBy(() -> RULES.classify(batch))
				.isInstanceOfSatisfying(InvalidFactsException.class,
						ex -> assertThat(ex.violations()).extracting(FactViolation::index, FactViolation::field)
							.containsExactly(tuple(1, "population"), tuple(3, "drugUsePoints"),
									tuple(3, "wantedFugitives")))
				.hasMessageStartingWith("3 invalid fact(s)");
		}

		@Test
		void theSingleCommuneFacadeChecksToo() {
			assertThatThrownBy(() -> RULES.classify(valid("00001").population(0).build()))
				.isInstanceOf(InvalidFactsException.class);
		}

		@Test
		void anEmptyBatchClassifiesNothing() {
			assertThat(RULES.classify(List.of())).isEmpty();
		}

	}

}
