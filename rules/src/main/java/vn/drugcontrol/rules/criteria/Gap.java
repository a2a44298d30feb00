package vn.drugcontrol.rules.criteria;

import org.kie.api.runtime.rule.RuleContext;

/**
 * "What would it take?": one condition that stands between a commune and a better class,
 * and by how much it misses — derived by the rules of {@code what-would-it-take.drl} from
 * the facts and the evidence, never computed in Java.
 *
 * @param unitCode the commune
 * @param towards the class the gap stands in the way of: {@code DRUG_FREE} (Art. 6), or
 * one type down: {@code TYPE_II} for a type I commune, {@code TYPE_III} for a type II one
 * @param criterionId the criterion that fails or must stop holding, e.g. {@code 6.1},
 * {@code 4.1.a}; an article alone ({@code 4.1}) for how many of its criteria must stop
 * holding
 * @param amount by how much: people, points, plants, whole m² (a plant finding in its
 * band by area alone) or criteria
 * @param textVi what it would take, in Vietnamese
 * @param textEn what it would take, in English
 * @param rule the rule that derived it
 */
public record Gap(String unitCode, String towards, String criterionId, long amount, String textVi, String textEn,
		String rule) {

	public static Gap of(RuleContext rule, String unitCode, String towards, String criterionId, long amount,
			String textVi, String textEn) {
		return new Gap(unitCode, towards, criterionId, amount, textVi, textEn, rule.getRule().getName());
	}

}
