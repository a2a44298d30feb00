package vn.drugcontrol.service.ruleset;

import java.util.List;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.ShippedRuleSets;

/**
 * The rule sets the service can classify with, by name: today the shipped default
 * (cumulative) and literal readings, compiled from their DRL text at start-up.
 */
@Component
public class RuleSetCatalogue {

	private final String defaultName;

	private final RuleSetMetrics metrics;

	RuleSetCatalogue(@Value("${classifier.default-rule-set:default}") String defaultName, RuleSetMetrics metrics) {
		this.defaultName = defaultName;
		this.metrics = metrics;
		names().forEach(n -> metrics.compiled(ShippedRuleSets.compiled(n)));
	}

	public List<String> names() {
		return ShippedRuleSets.names();
	}

	/** The named rule set, or the default one when {@code name} is blank. */
	public RuleSet get(String name) {
		String n = name == null || name.isBlank() ? defaultName : name.strip();
		if (!names().contains(n)) {
			throw new UnknownRuleSetException(n, names());
		}
		return ShippedRuleSets.compiled(n).withListener(metrics);
	}

}
