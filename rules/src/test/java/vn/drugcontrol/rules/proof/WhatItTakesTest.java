package vn.drugcontrol.rules.proof;

import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.criteria.Gap;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.ShippedRuleSets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What would it take, exactly: found by searching the bands with the rule set's own
 * rules, confirmed by them. 10,000 residents: 0.5% is 50 people, 0.1% is 10.
 */
class WhatItTakesTest {

	private static final RuleSet DEFAULT = ShippedRuleSets.defaultReading();

	private static final RuleSet LITERAL = ShippedRuleSets.literalReading();

	/** Type I by users 0.6%, 2 points and arrests 0.12%; nothing else. */
	private static CommuneFacts typeI() {
		return CommuneFacts.builder("01001").managedUsers(60).drugUsePoints(2).arrestedOffenders(12).build();
	}

	@Test
	void theLiteralReadingsTypeIFallsToTheClassItsRulesGive_notTheNextType() {
		CommuneFacts c = typeI();
		// the rules' own gap names type II (one type down): in the literal reading each
		// way
		// out lands on type III, users and arrests being above type II's bands
		assertThat(LITERAL.classify(c).gaps()).extracting(Gap::towards).contains("TYPE_II");

		WhatItTakes.Answer answer = WhatItTakes.of(LITERAL, c);

		assertThat(answer.now()).isEqualTo(Classification.TYPE_I);
		assertThat(answer.oneClassDown()).isNotEmpty().allSatisfy(way -> {
			assertThat(way.changes()).hasSize(1);
			assertThat(way.gives()).isEqualTo(Classification.TYPE_III);
		});
		assertThat(answer.oneClassDown()).extracting(w -> w.changes().get(0).measure())
			.contains(Step.USERS, Step.DRUG_USE_POINTS, Step.ARRESTS);
	}

	@Test
	void theDefaultReadingsTypeIFallsToTypeIIByOneMeasureJustBelowItsBand() {
		WhatItTakes.Answer answer = WhatItTakes.of(DEFAULT, typeI());

		assertThat(answer.oneClassDown()).allSatisfy(way -> assertThat(way.gives()).isEqualTo(Classification.TYPE_II));
		WhatItTakes.Way users = answer.oneClassDown()
			.stream()
			.filter(w -> w.changes().get(0).measure() == Step.USERS)
			.findFirst()
			.orElseThrow();
		assertThat(users.changes().get(0).from()).isEqualTo("60");
		assertThat(users.changes().get(0).to()).as("just below 0.5%, the mildest value").isEqualTo("49");
	}

	@Test
	void aPlantFindingInItsBandByAreaFallsByArea() {
		CommuneFacts c = CommuneFacts.builder("01002")
			.managedUsers(60)
			.arrestedOffenders(12)
			.plantAreaM2("800")
			.build();

		WhatItTakes.Answer answer = WhatItTakes.of(DEFAULT, c);

		assertThat(answer.oneClassDown()).anySatisfy(way -> {
			assertThat(way.changes()).singleElement().satisfies(ch -> {
				assertThat(ch.measure()).isEqualTo(Step.AREA);
				assertThat(ch.from()).isEqualTo("800");
				assertThat(ch.to()).isEqualTo("749");
			});
		});
	}

	@Test
	void toDrugFreeEveryConditionOfArt6AndWhatTypeIINeeds_confirmedByTheRules() {
		CommuneFacts c = CommuneFacts.builder("01003")
			.managedUsers(20)
			.drugUsePoints(1)
			.arrestedOffenders(6)
			.residentViolators(2)
			.plantsDestroyed(600)
			.build();

		WhatItTakes.Answer answer = WhatItTakes.of(DEFAULT, c);

		assertThat(answer.now()).isEqualTo(Classification.TYPE_II);
		assertThat(answer.toDrugFree()).isNotEmpty().allSatisfy(way -> {
			assertThat(way.gives()).isEqualTo(Classification.DRUG_FREE);
			assertThat(way.changes()).extracting(WhatItTakes.Change::measure)
				.contains(Step.USERS_OUTSIDE_EXEMPTIONS, Step.DRUG_USE_POINTS, Step.VIOLATORS_OR_FUGITIVES);
		});
		assertThat(answer.oneClassDown()).allSatisfy(way -> assertThat(way.gives()).isEqualTo(Classification.TYPE_III));
	}

}
