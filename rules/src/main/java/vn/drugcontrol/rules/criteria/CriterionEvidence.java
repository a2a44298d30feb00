package vn.drugcontrol.rules.criteria;

import java.util.Map;

import org.kie.api.runtime.rule.RuleContext;

/**
 * One criterion of the Decision assessed for one unit (commune or province): what was
 * observed, the bound, whether it was met, and the rule that decided.
 *
 * @param unitCode the commune or province code
 * @param article the article and clause, e.g. {@code 4.1} (type I), {@code 6}, {@code 5}
 * @param point the point within it, e.g. {@code a}, {@code đ}, {@code 1}
 * @param measure what the criterion measures
 * @param labelVi the criterion in Vietnamese: its clause's text in the register, for the
 * period's parameter values
 * @param labelEn the criterion in English: the register's gloss
 * @param observed the observed value, as people read it
 * @param threshold the bound, as people read it
 * @param met whether the criterion holds
 * @param rule the name of the rule that decided
 * @param reached for each parameter the bound reads, whether the observation reaches it
 * (is at or above its value); empty for a bound that reads none
 */
public record CriterionEvidence(String unitCode, String article, String point, Measure measure, String labelVi,
		String labelEn, String observed, String threshold, boolean met, String rule, Map<String, Boolean> reached) {

	public CriterionEvidence {
		reached = Map.copyOf(reached);
	}

	/**
	 * The criterion's id as the law numbers it, e.g. {@code 4.1.a}, {@code 6.2},
	 * {@code 5.4}.
	 */
	public String id() {
		return article + "." + point;
	}

	/**
	 * Assesses one criterion with texts and bound written in the rule: for bundles
	 * without a clause register and parameters (those stored before them). A bundle with
	 * them assesses through the law, {@code $law.assess(kcontext, …)}, which takes the
	 * texts from the register and the numbers from the parameters.
	 */
	public static <T> CriterionEvidence assess(RuleContext rule, String unitCode, String article, String point,
			Measure measure, String labelVi, String labelEn, T observed, Threshold<T> threshold) {
		return new CriterionEvidence(unitCode, article, point, measure, labelVi, labelEn, String.valueOf(observed),
				threshold.text(), threshold.isMetBy(observed), rule.getRule().getName(), threshold.reached(observed));
	}

}
