package vn.drugcontrol.rules.ledger;

import vn.drugcontrol.rules.engine.RuleSetSource;

/**
 * A bundle's reading with one switch flipped: the switch, the option the bundle takes,
 * the other option, and the bundle that takes it instead (every other file unchanged, the
 * law's parameters included) — or why there is none.
 *
 * @param from the option the bundle takes, or null when its files show none
 * @param to the other option, or null when {@code from} is unknown
 * @param source the flipped bundle, or null when not evaluable
 * @param notEvaluated why not, or null
 */
public record Alternative(Switch sw, Switch.Option from, Switch.Option to, RuleSetSource source, String notEvaluated) {

	public boolean evaluable() {
		return source != null;
	}

}
