package vn.drugcontrol.rules.commune;

import java.util.List;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.criteria.Warning;
import vn.drugcontrol.rules.engine.RuleSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;
import static vn.drugcontrol.rules.commune.Communes.DEFAULT;
import static vn.drugcontrol.rules.commune.Communes.LITERAL;
import static vn.drugcontrol.rules.commune.Communes.commune;

/**
 * data-quality.drl: doubts a person should look at. Warnings never change a class.
 */
class DataQualityWarningsTest {

	static final String RULE_PLANTS = "Drug plants destroyed with no violator recorded (question 5)";

	static final String RULE_ARRESTS = "More drug offenders arrested than residents";

	static final String RULE_USERS = "More users with records than residents";

	private static List<String> warnings(RuleSet ruleSet, CommuneFacts.Builder facts) {
		return ruleSet.classify(facts.build()).warnings().stream().map(Warning::code).toList();
	}

	@Nested
	class PlantsWithoutViolator {

		@Test
		void plantsWithNoArrestAndNoViolatorRaiseIt() {
			CommuneOutcome outcome = DEFAULT.classify(commune().plantsDestroyed(1).build());
			assertThat(outcome.warnings()).extracting(Warning::code, Warning::rule)
				.containsExactly(tuple("PLANTS_WITHOUT_VIOLATOR", RULE_PLANTS));
		}

		@Test
		void anAreaWithoutAPlantCountRaisesItToo() {
			assertThat(warnings(DEFAULT, commune().plantAreaM2("0.01"))).containsExactly("PLANTS_WITHOUT_VIOLATOR");
		}

		@Test
		void anArrestOrAResidentViolatorSilencesIt() {
			assertThat(warnings(DEFAULT, commune().plantsDestroyed(800).arrestedOffenders(1))).isEmpty();
			assertThat(warnings(DEFAULT, commune().plantsDestroyed(800).residentViolators(1))).isEmpty();
		}

		@Test
		void noPlantsNoWarning() {
			assertThat(warnings(DEFAULT, commune().plantsDestroyed(0).plantAreaM2("0"))).isEmpty();
		}

		@Test
		void itDoesNotChangeTheClass() {
			CommuneOutcome outcome = DEFAULT.classify(commune().plantsDestroyed(3_000).build());
			assertThat(outcome.classification()).isEqualTo(Classification.DRUG_FREE);
			assertThat(outcome.warnings()).extracting(Warning::code).containsExactly("PLANTS_WITHOUT_VIOLATOR");
		}

	}

	@Nested
	class CountsAbovePopulation {

		@Test
		void moreArrestsThanResidentsRaiseIt() {
			CommuneOutcome outcome = DEFAULT.classify(commune().population(7).arrestedOffenders(8).build());
			assertThat(outcome.warnings()).extracting(Warning::code, Warning::rule)
				.containsExactly(tuple("ARRESTS_ABOVE_POPULATION", RULE_ARRESTS));
		}

		@Test
		void asManyArrestsAsResidentsDoNot() {
			assertThat(warnings(DEFAULT, commune().population(7).arrestedOffenders(7))).isEmpty();
		}

		@Test
		void moreUsersThanResidentsRaiseIt() {
			CommuneOutcome outcome = DEFAULT.classify(commune().population(1).managedUsers(2).build());
			assertThat(outcome.warnings()).extracting(Warning::code, Warning::rule)
				.containsExactly(tuple("USERS_ABOVE_POPULATION", RULE_USERS));
		}

		@Test
		void asManyUsersAsResidentsDoNot() {
			assertThat(warnings(LITERAL, commune().population(1).managedUsers(1))).isEmpty();
		}

	}

	@Nested
	class SameInTheLiteralReading {

		@Test
		void theLiteralReadingRaisesTheSameDataWarnings() {
			for (CommuneFacts.Builder facts : List.of(commune().plantsDestroyed(1), commune().plantAreaM2("0.5"),
					commune().population(7).arrestedOffenders(8), commune().population(1).managedUsers(2))) {
				assertThat(warnings(LITERAL, facts)).isEqualTo(warnings(DEFAULT, facts)).hasSize(1);
			}
		}

	}

	@Nested
	class DecisionWarnings {

		@Test
		void drugFreeButKeyAreaIsRaisedOnlyForTypesIAndII() {
			assertThat(warnings(DEFAULT, Communes.drugFreeOnPaper().plantsDestroyed(500)))
				.containsExactly("DRUG_FREE_BUT_KEY_AREA");
			assertThat(warnings(DEFAULT, Communes.drugFreeOnPaper())).isEmpty();
		}

		@Test
		void unclassifiedIsRaisedOnlyByTheLiteralReading() {
			CommuneFacts.Builder between = commune().managedUsers(60).arrestedOffenders(7).plantsDestroyed(1_000);
			assertThat(warnings(LITERAL, between)).containsExactly("UNCLASSIFIED");
			assertThat(warnings(DEFAULT, between)).isEmpty();
		}

		@Test
		void severalWarningsCanBeRaisedTogether() {
			CommuneOutcome outcome = DEFAULT.classify(
					commune().population(1).managedUsers(2).inSubstitutionTreatment(2).plantsDestroyed(3_000).build());
			assertThat(outcome.classification()).isEqualTo(Classification.DRUG_FREE);
			assertThat(outcome.warnings()).extracting(Warning::code)
				.containsExactlyInAnyOrder("USERS_ABOVE_POPULATION", "PLANTS_WITHOUT_VIOLATOR");
		}

	}

}
