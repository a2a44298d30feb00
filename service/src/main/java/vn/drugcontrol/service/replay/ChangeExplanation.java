package vn.drugcontrol.service.replay;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.security.access.prepost.PreAuthorize;
import java.util.List;

import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.service.replay.StoredDecisions.Stored;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue.Pinned;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * Why a commune's class changed between two periods: the old facts under the new rules
 * and the new facts under the old rules tell whether the data, the rules or both moved
 * it.
 */
@Component
class ChangeExplanation {

	private final StoredDecisions stored;

	private final RuleSetCatalogue catalogue;

	ChangeExplanation(StoredDecisions stored, RuleSetCatalogue catalogue) {
		this.stored = stored;
		this.catalogue = catalogue;
	}

	/** Where the change comes from. */
	enum Cause {

		/** The class is the same in both periods. */
		NONE,

		/** The facts moved it: the new rules give the old facts the old class. */
		DATA,

		/** The rules moved it: the old rules give the new facts the old class. */
		RULES,

		/** Neither alone explains it. */
		BOTH

	}

	/** One period's stored decision. */
	@Schema(name = "ChangeSide")
	record Side(int period, long decisionId, long runId, Classification classification, List<String> criteriaMet,
			String ruleSetName, String ruleSetHash) {

		static Side of(Stored s) {
			return new Side(s.facts().period(), s.decisionId(), s.runId(), s.classification(), s.criteriaMet(),
					s.ruleSetName(), s.ruleSetHash());
		}

	}

	/** A re-evaluation across: one period's facts under the other period's rules. */
	record Crossed(String facts, String rules, Classification classification, List<String> criteriaMet) {
	}

	/**
	 * @param movedByData criteria that moved between the periods' facts, both under the
	 * old rules
	 * @param movedByRules criteria that moved between the rules, both on the new facts
	 */
	record Explanation(String communeCode, String communeName, Side before, Side after, Cause cause, String summary,
			Crossed oldFactsUnderNewRules, Crossed newFactsUnderOldRules, CriteriaChange movedByData,
			CriteriaChange movedByRules) {
	}

	@PreAuthorize("@provinceScope.readCommune(#communeCode)")
	public Explanation explain(String communeCode, int fromPeriod, int toPeriod) {
		Stored before = stored.latest(communeCode, fromPeriod)
			.orElseThrow(() -> new NotFoundException("no decision about " + communeCode + " for period " + fromPeriod));
		Stored after = stored.latest(communeCode, toPeriod)
			.orElseThrow(() -> new NotFoundException("no decision about " + communeCode + " for period " + toPeriod));
		RuleSet oldRules = rules(before);
		RuleSet newRules = rules(after);
		CommuneOutcome oldUnderOld = oldRules.classify(before.facts());
		CommuneOutcome oldUnderNew = newRules.classify(before.facts());
		CommuneOutcome newUnderOld = oldRules.classify(after.facts());
		CommuneOutcome newUnderNew = newRules.classify(after.facts());
		Classification from = before.classification();
		Classification to = after.classification();
		Cause cause;
		if (from == to) {
			cause = Cause.NONE;
		}
		else if (oldUnderNew.classification() == from && newUnderOld.classification() == to) {
			cause = Cause.DATA;
		}
		else if (oldUnderNew.classification() == to && newUnderOld.classification() == from) {
			cause = Cause.RULES;
		}
		else {
			cause = Cause.BOTH;
		}
		String f = "facts of " + fromPeriod;
		String g = "facts of " + toPeriod;
		return new Explanation(communeCode, after.facts().communeName(), Side.of(before), Side.of(after), cause,
				summary(cause, from, to, fromPeriod, toPeriod),
				new Crossed(f, rulesName(after), oldUnderNew.classification(), oldUnderNew.criteriaMet()),
				new Crossed(g, rulesName(before), newUnderOld.classification(), newUnderOld.criteriaMet()),
				CriteriaChange.between(oldUnderOld.criteriaMet(), newUnderOld.criteriaMet()),
				CriteriaChange.between(newUnderOld.criteriaMet(), newUnderNew.criteriaMet()));
	}

	private RuleSet rules(Stored decision) {
		return catalogue.byContentHash(decision.ruleSetHash(), decision.ruleSetName())
			.map(Pinned::ruleSet)
			.orElseThrow(() -> new NotFoundException("the rules of run " + decision.runId() + " ("
					+ decision.ruleSetHash().substring(0, 12) + ") are not stored"));
	}

	private static String rulesName(Stored s) {
		return s.ruleSetName() + " (" + s.ruleSetHash().substring(0, 12) + ")";
	}

	private static String summary(Cause cause, Classification from, Classification to, int p, int q) {
		return switch (cause) {
			case NONE -> "The class is " + to + " in both " + p + " and " + q + ".";
			case DATA ->
				from + " → " + to + " comes from the data: under " + q + "'s rules the facts of " + p + " still give "
						+ from + ", and under " + p + "'s rules the facts of " + q + " already give " + to + ".";
			case RULES -> from + " → " + to + " comes from the rules: the facts of " + p + " give " + to + " under " + q
					+ "'s rules, and the facts of " + q + " give " + from + " under " + p + "'s rules.";
			case BOTH -> from + " → " + to + " comes from both the data and the rules: neither alone gives it.";
		};
	}

}
