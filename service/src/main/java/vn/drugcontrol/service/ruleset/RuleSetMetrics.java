package vn.drugcontrol.service.ruleset;

import java.time.Duration;
import java.util.Map;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;

import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetListener;

/**
 * The rules' work as Micrometer meters (see docs/operations.md):
 * <ul>
 * <li>{@code classifier.rules.fired} (counter, tags {@code ruleSet}, {@code rule}): how
 * often each rule fired;</li>
 * <li>{@code classifier.rules.evaluation} (timer, tag {@code ruleSet}): one
 * classification, one Drools session, checks and outcomes included;</li>
 * <li>{@code classifier.rules.evaluation.communes} (summary, tag {@code ruleSet}):
 * communes decided per classification;</li>
 * <li>{@code classifier.ruleset.compile} (timer, tag {@code ruleSet}): compiling a rule
 * set from its DRL text.</li>
 * </ul>
 * Rule names are tags: a rule set of a few hundred rules stays a few hundred series.
 */
@Component
public class RuleSetMetrics implements RuleSetListener {

	private final MeterRegistry meters;

	RuleSetMetrics(MeterRegistry meters) {
		this.meters = meters;
	}

	/** Records how long {@code ruleSet} took to compile, once it is ready for use. */
	public void compiled(RuleSet ruleSet) {
		Timer.builder("classifier.ruleset.compile")
			.description("Compiling a rule set from its DRL text")
			.tag("ruleSet", ruleSet.name())
			.register(meters)
			.record(ruleSet.compileTime());
	}

	@Override
	public void classified(String ruleSet, int facts, Duration took, Map<String, Integer> firingsByRule) {
		Timer.builder("classifier.rules.evaluation")
			.description("One classification: one rule session over a batch of communes")
			.tag("ruleSet", ruleSet)
			.publishPercentileHistogram()
			.register(meters)
			.record(took);
		meters.summary("classifier.rules.evaluation.communes", "ruleSet", ruleSet).record(facts);
		firingsByRule.forEach(
				(rule, n) -> meters.counter("classifier.rules.fired", "ruleSet", ruleSet, "rule", rule).increment(n));
	}

}
