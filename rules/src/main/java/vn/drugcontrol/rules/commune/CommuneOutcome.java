package vn.drugcontrol.rules.commune;

import java.util.List;

import vn.drugcontrol.rules.criteria.CriterionEvidence;
import vn.drugcontrol.rules.criteria.Gap;
import vn.drugcontrol.rules.criteria.Warning;

/**
 * What a rule set decided for one commune: its class, the rule that gave it, the evidence
 * of every criterion assessed (met or not), the warnings raised, and what it would take
 * to move down the scale ({@code gaps}: empty for a drug-free commune).
 */
public record CommuneOutcome(String communeCode, Classification classification, String decidedBy,
		List<CriterionEvidence> evidence, List<Warning> warnings, List<Gap> gaps) {

	/** The criteria met, e.g. {@code [4.2.a, 4.2.b, 4.2.c]}. */
	public List<String> criteriaMet() {
		return evidence.stream().filter(CriterionEvidence::met).map(CriterionEvidence::id).toList();
	}

	public CriterionEvidence evidence(String criterionId) {
		return evidence.stream()
			.filter(e -> e.id().equals(criterionId))
			.findFirst()
			.orElseThrow(() -> new IllegalArgumentException("no evidence for " + criterionId + " on " + communeCode));
	}

}
