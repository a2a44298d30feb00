package vn.drugcontrol.rules.engine;

import java.time.Duration;
import java.util.Map;

/**
 * What a rule set reports of its work, for whoever keeps metrics (the service wires it to
 * Micrometer): plain Java, so the library stays free of any metrics framework. Called on
 * the classifying thread once per call, never per rule firing; implementations must be
 * thread-safe and quick.
 */
public interface RuleSetListener {

	/** Reports nothing, and costs nothing: no firing is counted. */
	RuleSetListener NONE = new RuleSetListener() {
	};

	/**
	 * One {@code classify} call finished: one session over {@code facts} facts.
	 * @param ruleSet the rule set's name
	 * @param facts communes (or provinces) classified in the session
	 * @param took from the facts' check to the outcomes, session included
	 * @param firingsByRule how often each rule fired in the session (rules that did not
	 * fire are absent)
	 */
	default void classified(String ruleSet, int facts, Duration took, Map<String, Integer> firingsByRule) {
	}

}
