package vn.drugcontrol.service.replay;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.proof.WhatItTakes;
import vn.drugcontrol.service.replay.StoredDecisions.Stored;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue.Pinned;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * What would it take, exactly, for a stored decision: the fewest changes of its facts
 * snapshot that move the commune to a better class, and to drug-free, found by searching
 * the bands of its run's pinned rules and confirmed by running them (the rules module's
 * {@link WhatItTakes}). Nothing is stored.
 */
@Component
class ExactGaps {

	private final StoredDecisions stored;

	private final RuleSetCatalogue catalogue;

	ExactGaps(StoredDecisions stored, RuleSetCatalogue catalogue) {
		this.stored = stored;
		this.catalogue = catalogue;
	}

	/** The decision, the rules it was made with, and the search's answer. */
	record Result(long decisionId, long runId, String communeCode, String ruleSetName, String ruleSetHash,
			WhatItTakes.Answer whatItTakes) {
	}

	@PreAuthorize("@provinceScope.readDecision(#decisionId)")
	public Result of(long decisionId) {
		Stored decision = stored.byId(decisionId).orElseThrow(() -> new NotFoundException("no decision " + decisionId));
		Pinned pinned = catalogue.byContentHash(decision.ruleSetHash(), decision.ruleSetName())
			.orElseThrow(() -> new NotFoundException("the rules run " + decision.runId() + " used ("
					+ decision.ruleSetHash() + ") are not stored: nothing can be searched with them"));
		return new Result(decisionId, decision.runId(), decision.facts().communeCode(), decision.ruleSetName(),
				decision.ruleSetHash(), WhatItTakes.of(pinned.ruleSet(), decision.facts()));
	}

}
