package vn.drugcontrol.rules.criteria;

import org.kie.api.runtime.rule.RuleContext;

/**
 * A doubt about a decision or its data that a person should look at; it never changes the
 * classification.
 *
 * @param unitCode the commune or province
 * @param code a stable code, e.g. {@code PLANTS_WITHOUT_VIOLATOR}
 * @param messageVi what to check, in Vietnamese
 * @param messageEn what to check, in English
 * @param rule the rule that raised it
 */
public record Warning(String unitCode, String code, String messageVi, String messageEn, String rule) {

	public static Warning raise(RuleContext rule, String unitCode, String code, String messageVi, String messageEn) {
		return new Warning(unitCode, code, messageVi, messageEn, rule.getRule().getName());
	}

}
