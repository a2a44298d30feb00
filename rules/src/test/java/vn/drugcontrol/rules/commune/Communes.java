package vn.drugcontrol.rules.commune;

import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.ShippedRuleSets;

/**
 * Test fixtures: communes to start from and the shipped rule sets.
 */
public final class Communes {

	/** The default (cumulative) reading, compiled once per JVM. */
	public static final RuleSet DEFAULT = ShippedRuleSets.defaultReading();

	/** The literal (exclusive bands) reading, compiled once per JVM. */
	public static final RuleSet LITERAL = ShippedRuleSets.literalReading();

	private Communes() {
	}

	/**
	 * A commune of 10,000 residents with nothing recorded: 0.1% is 10 people, 0.05% is 5,
	 * 0.5% is 50.
	 */
	public static CommuneFacts.Builder commune() {
		return CommuneFacts.builder("01234").name("Xã Thử Nghiệm").province("01").population(10_000);
	}

	/**
	 * A commune that meets all three conditions of Art. 6 and yet reaches type I or II:
	 * its users are all in substitution treatment and its arrests are of non-residents.
	 */
	public static CommuneFacts.Builder drugFreeOnPaper() {
		return commune().managedUsers(60).inSubstitutionTreatment(60).arrestedOffenders(10).residentViolators(0);
	}

}
