package vn.drugcontrol.rules.engine;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.crosscheck.CommuneGenerator;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A listener hears one report per classification, with each rule's firings; without one,
 * nothing is counted.
 */
class RuleSetListenerTest {

	record Report(String ruleSet, int facts, Duration took, Map<String, Integer> firings) {
	}

	@Test
	void eachClassificationIsReportedWithTheFiringsOfEachRule() {
		List<Report> reports = new ArrayList<>();
		RuleSet rules = ShippedRuleSets.defaultReading().withListener(new RuleSetListener() {
			@Override
			public void classified(String ruleSet, int facts, Duration took, Map<String, Integer> firings) {
				reports.add(new Report(ruleSet, facts, took, firings));
			}
		});
		List<CommuneFacts> communes = new CommuneGenerator(7L).next(20);

		rules.classify(communes);

		assertThat(reports).hasSize(1);
		Report report = reports.get(0);
		assertThat(report.ruleSet()).isEqualTo("default");
		assertThat(report.facts()).isEqualTo(20);
		assertThat(report.took()).isPositive();
		int classifications = report.firings()
			.entrySet()
			.stream()
			.filter(e -> !e.getKey().startsWith("What would it take"))
			.filter(e -> e.getKey().contains(" — type ") || e.getKey().contains(" — drug-free")
					|| e.getKey().startsWith("No class"))
			.mapToInt(Map.Entry::getValue)
			.sum();
		assertThat(classifications).as("one classification rule per commune").isEqualTo(20);
	}

	@Test
	void theListenerSharesTheCompiledRulesAndTheirCompileTime() {
		RuleSet rules = ShippedRuleSets.defaultReading();

		RuleSet listened = rules.withListener(new RuleSetListener() {
		});

		assertThat(listened.contentHash()).isEqualTo(rules.contentHash());
		assertThat(listened.compileTime()).isEqualTo(rules.compileTime()).isPositive();
		assertThat(rules.withListener(RuleSetListener.NONE)).isSameAs(rules);
	}

}
