package vn.drugcontrol.service.ruleset;

import java.util.List;

/**
 * A rule set asked for by a name the service does not know.
 */
public class UnknownRuleSetException extends RuntimeException {

	public UnknownRuleSetException(String name, List<String> known) {
		super("no rule set named '" + name + "'; known: " + known);
	}

}
