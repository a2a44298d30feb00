package vn.drugcontrol.rules.province;

import org.kie.api.runtime.rule.RuleContext;

/**
 * The class a province rule gave a province, and which rule.
 */
public record ProvinceVerdict(String provinceCode, ProvinceClassification classification, String rule) {

	public static ProvinceVerdict of(RuleContext rule, String provinceCode, ProvinceClassification classification) {
		return new ProvinceVerdict(provinceCode, classification, rule.getRule().getName());
	}

}
