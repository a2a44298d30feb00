package vn.drugcontrol.rules.engine;

/**
 * A rule set stopped at its limits (time or firings): its rules loop, whatever the facts.
 * Unlike a commune left without a class, no fact is to blame, so whatever was running the
 * rules (an upload's scenarios, a run) fails as a whole.
 */
public class RuleSetRunawayException extends RuleSetExecutionException {

	public RuleSetRunawayException(String message) {
		super(message);
	}

}
