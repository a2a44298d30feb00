package vn.drugcontrol.rules.crosscheck;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.criteria.Warning;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.ShippedRuleSets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The shipped default rule set against {@link BaselineClassifier}, an independent
 * plain-Java reading of the same criteria, on 100,000 generated communes concentrated
 * around every threshold. The seed is fixed: a failure reproduces.
 */
class DefaultReadingCrossCheckTest {

	private static final long SEED = 28_2025L;

	private static final int COMMUNES = 100_000;

	private static final int CHUNK = 5_000;

	private static final int REPORTED = 10;

	@Test
	void droolsAgreesWithTheBaselineOnEveryGeneratedCommune() {
		RuleSet rules = ShippedRuleSets.defaultReading();
		CommuneGenerator generator = new CommuneGenerator(SEED);
		List<String> disagreements = new ArrayList<>();
		int disagreeing = 0;
		Map<Classification, Integer> classes = new EnumMap<>(Classification.class);
		int onAThreshold = 0;
		int warned = 0;
		long started = System.nanoTime();
		for (int done = 0; done < COMMUNES; done += CHUNK) {
			List<CommuneFacts> chunk = generator.next(CHUNK);
			List<CommuneOutcome> outcomes = rules.classify(chunk);
			for (int i = 0; i < chunk.size(); i++) {
				CommuneFacts facts = chunk.get(i);
				CommuneOutcome drools = outcomes.get(i);
				BaselineClassifier.Decision baseline = BaselineClassifier.classify(facts);
				String difference = difference(drools, baseline);
				if (difference != null) {
					if (disagreeing++ < REPORTED) {
						disagreements.add(difference + "\n    facts: " + facts);
					}
				}
				classes.merge(drools.classification(), 1, Integer::sum);
				onAThreshold += exactlyOnAThreshold(facts) ? 1 : 0;
				warned += baseline.drugFreeButKeyArea() ? 1 : 0;
			}
		}
		long millis = (System.nanoTime() - started) / 1_000_000;
		System.out.printf("cross-check: %,d communes in %,d ms; classes %s; %,d exactly on a rate threshold; "
				+ "%,d drug-free but type I/II%n", COMMUNES, millis, classes, onAThreshold, warned);

		assertThat(disagreements).as("%d of %d communes disagree; the first ones", disagreeing, COMMUNES).isEmpty();
		assertThat(classes).as("the generator reaches every class of the default reading")
			.containsOnlyKeys(Classification.TYPE_I, Classification.TYPE_II, Classification.TYPE_III,
					Classification.DRUG_FREE)
			.allSatisfy((k, n) -> assertThat(n).as(k.name()).isGreaterThan(COMMUNES / 50));
		assertThat(onAThreshold).as("communes whose count is exactly on a rate threshold").isGreaterThan(COMMUNES / 20);
		assertThat(warned).as("communes meeting Art. 6 and type I or II").isGreaterThan(100);
	}

	@Test
	void theBaselineDecidesExactRatesInIntegers() {
		assertThat(BaselineClassifier.atLeastOneIn(10, 2_000, 200)).isTrue();
		assertThat(BaselineClassifier.atLeastOneIn(9, 2_000, 200)).isFalse();
		assertThat(BaselineClassifier.atLeastOneIn(15_000_000L, 3_000_000_000L, 200)).isTrue();
		assertThat(BaselineClassifier.atLeastOneIn(46_116_860_184_273_880L, Long.MAX_VALUE, 200)).isTrue();
		assertThat(BaselineClassifier.atLeastOneIn(46_116_860_184_273_879L, Long.MAX_VALUE, 200)).isFalse();
		assertThat(BaselineClassifier.atLeastOneIn(Long.MAX_VALUE, 1, 2_000)).isTrue();
	}

	/** What differs between the two, or null when they agree. */
	private static String difference(CommuneOutcome drools, BaselineClassifier.Decision baseline) {
		Set<String> droolsMet = new TreeSet<>(drools.criteriaMet());
		droolsMet.removeIf(id -> id.startsWith("4.3."));
		boolean droolsWarned = drools.warnings().stream().map(Warning::code).anyMatch("DRUG_FREE_BUT_KEY_AREA"::equals);
		if (drools.classification() == baseline.classification() && droolsMet.equals(baseline.criteriaMet())
				&& droolsWarned == baseline.drugFreeButKeyArea()) {
			return null;
		}
		return drools.communeCode() + ": drools " + drools.classification() + " " + droolsMet + " warned="
				+ droolsWarned + " (by " + drools.decidedBy() + "), baseline " + baseline.classification() + " "
				+ baseline.criteriaMet() + " warned=" + baseline.drugFreeButKeyArea();
	}

	private static boolean exactlyOnAThreshold(CommuneFacts c) {
		long p = c.population();
		return p % 200 == 0 && c.managedUsers() == p / 200 || p % 1_000 == 0 && c.managedUsers() == p / 1_000
				|| p % 1_000 == 0 && c.arrestedOffenders() == p / 1_000
				|| p % 2_000 == 0 && c.arrestedOffenders() == p / 2_000;
	}

}
