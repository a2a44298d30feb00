package vn.drugcontrol.service.replay;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.security.access.prepost.PreAuthorize;
import java.util.ArrayList;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.criteria.CriterionEvidence;
import vn.drugcontrol.rules.criteria.Warning;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.service.replay.StoredDecisions.Stored;
import vn.drugcontrol.service.replay.StoredDecisions.StoredEvidence;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue.Pinned;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * Re-evaluates a stored decision with the rules its run pinned and the facts it saw, and
 * says whether everything comes out the same: class, deciding rule, every criterion's
 * value, threshold, result and rule, and the warnings.
 */
@Component
class Reproduction {

	private final StoredDecisions stored;

	private final RuleSetCatalogue catalogue;

	Reproduction(StoredDecisions stored, RuleSetCatalogue catalogue) {
		this.stored = stored;
		this.catalogue = catalogue;
	}

	/**
	 * @param differences what differs, one line each; empty when identical
	 */
	@Schema(name = "ReproductionResult")
	record Result(long decisionId, long runId, String communeCode, String ruleSetName, String ruleSetHash,
			Long ruleSetVersion, String storedEngineVersion, String engineVersion, boolean identical,
			Classification storedClassification, Classification reproducedClassification, List<String> differences) {
	}

	@PreAuthorize("@provinceScope.readDecision(#decisionId)")
	public Result of(long decisionId) {
		Stored decision = stored.byId(decisionId).orElseThrow(() -> new NotFoundException("no decision " + decisionId));
		Pinned pinned = catalogue.byContentHash(decision.ruleSetHash(), decision.ruleSetName())
			.orElseThrow(() -> new NotFoundException("the rules run " + decision.runId() + " used ("
					+ decision.ruleSetHash() + ") are not stored: the decision cannot be reproduced"));
		RuleSet rules = pinned.ruleSet();
		CommuneOutcome again = rules.classify(decision.facts());
		List<String> differences = new ArrayList<>();
		if (!rules.contentHash().equals(decision.ruleSetHash())) {
			differences.add("rule set hash: stored " + decision.ruleSetHash() + ", now " + rules.contentHash());
		}
		compare(differences, "classification", decision.classification(), again.classification());
		compare(differences, "decided by", decision.decidedBy(), again.decidedBy());
		List<StoredEvidence> evidence = stored.evidenceOf(decisionId);
		List<CriterionEvidence> now = again.evidence();
		for (int i = 0; i < Math.max(evidence.size(), now.size()); i++) {
			if (i >= evidence.size()) {
				differences.add("evidence " + now.get(i).id() + ": not stored, now assessed");
				continue;
			}
			if (i >= now.size()) {
				differences.add("evidence " + evidence.get(i).criterionId() + ": stored, now not assessed");
				continue;
			}
			StoredEvidence s = evidence.get(i);
			CriterionEvidence e = now.get(i);
			String id = s.criterionId();
			compare(differences, id + " criterion", id, e.id());
			compare(differences, id + " observed", s.observed(), e.observed());
			compare(differences, id + " threshold", s.threshold(), e.threshold());
			compare(differences, id + " met", s.met(), e.met());
			compare(differences, id + " rule", s.ruleName(), e.rule());
		}
		compare(differences, "warnings", stored.warningsOf(decisionId),
				again.warnings().stream().map(Warning::code).toList());
		return new Result(decisionId, decision.runId(), decision.facts().communeCode(), decision.ruleSetName(),
				decision.ruleSetHash(), pinned.versionId(), decision.engineVersion(), RuleSet.engineVersion(),
				differences.isEmpty(), decision.classification(), again.classification(), differences);
	}

	private static void compare(List<String> differences, String what, Object stored, Object now) {
		if (!stored.equals(now)) {
			differences.add(what + ": stored " + stored + ", now " + now);
		}
	}

}
