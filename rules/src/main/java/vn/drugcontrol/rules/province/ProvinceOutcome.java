package vn.drugcontrol.rules.province;

import java.util.List;

import vn.drugcontrol.rules.criteria.CriterionEvidence;
import vn.drugcontrol.rules.criteria.Warning;

/**
 * What a rule set decided for a province, with the same evidence records as communes.
 */
public record ProvinceOutcome(String provinceCode, ProvinceClassification classification, String decidedBy,
		List<CriterionEvidence> evidence, List<Warning> warnings) {

	public List<String> criteriaMet() {
		return evidence.stream().filter(CriterionEvidence::met).map(CriterionEvidence::id).toList();
	}

}
