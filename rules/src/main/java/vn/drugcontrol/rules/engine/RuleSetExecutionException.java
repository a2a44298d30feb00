package vn.drugcontrol.rules.engine;

/**
 * A rule set that compiled but misbehaved on facts: no class, several classes, or a
 * runaway loop. Nothing it derived is used.
 */
public class RuleSetExecutionException extends RuntimeException {

	public RuleSetExecutionException(String message) {
		super(message);
	}

}
