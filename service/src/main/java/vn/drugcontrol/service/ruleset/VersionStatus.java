package vn.drugcontrol.service.ruleset;

/**
 * Where a rule-set version stands. Only the status changes after upload; the bundle never
 * does.
 */
public enum VersionStatus {

	/** Its DRL does not compile, or a scenario table cannot be read: never usable. */
	REJECTED,

	/**
	 * It compiles but a scenario fails: it can be evaluated and simulated, never
	 * activated.
	 */
	FAILING,

	/**
	 * It compiles and its scenarios pass, but they do not show every class its rules can
	 * give (types I, II, III, drug-free, and unclassified when the rules give it), or
	 * there are none: it can be evaluated and simulated, never activated.
	 */
	UNTESTED,

	/**
	 * It compiles, every scenario passes, and the passing scenarios show every class it
	 * can give: ready to activate.
	 */
	VALIDATED,

	/** Used for runs of the periods it is effective for. */
	ACTIVE,

	/** Was active, or was superseded; can be activated again. */
	RETIRED;

	/** Whether rules of this status may classify anything at all. */
	public boolean usable() {
		return this != REJECTED;
	}

}
