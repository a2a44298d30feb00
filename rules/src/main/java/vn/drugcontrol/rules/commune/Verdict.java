package vn.drugcontrol.rules.commune;

import org.kie.api.runtime.rule.RuleContext;

/**
 * The class a classification rule gave a commune, and which rule.
 */
public record Verdict(String communeCode, Classification classification, String rule) {

	public static Verdict of(RuleContext rule, String communeCode, Classification classification) {
		return new Verdict(communeCode, classification, rule.getRule().getName());
	}

}
