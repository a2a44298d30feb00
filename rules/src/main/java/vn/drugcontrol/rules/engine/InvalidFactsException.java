package vn.drugcontrol.rules.engine;

import java.util.List;

/**
 * Facts the rules cannot be given: a batch with any of them is not classified at all.
 */
public class InvalidFactsException extends IllegalArgumentException {

	private final List<FactViolation> violations;

	public InvalidFactsException(List<FactViolation> violations) {
		super(violations.size() + " invalid fact(s), first: " + violations.get(0));
		this.violations = List.copyOf(violations);
	}

	public List<FactViolation> violations() {
		return violations;
	}

}
