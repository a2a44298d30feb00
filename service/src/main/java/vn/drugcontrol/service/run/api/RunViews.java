package vn.drugcontrol.service.run.api;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.criteria.CriterionEvidence;
import vn.drugcontrol.rules.criteria.Gap;
import vn.drugcontrol.rules.criteria.Warning;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.service.run.Decision;
import vn.drugcontrol.service.run.Run;
import vn.drugcontrol.service.approval.ApprovedClasses;

/**
 * The API's JSON shapes for runs, decisions and evaluations.
 */
public final class RunViews {

	private RunViews() {
	}

	/** The rule-set version a result came from. */
	public record RuleSetView(String name, String contentHash, String engineVersion) {

		public static RuleSetView of(RuleSet ruleSet) {
			return new RuleSetView(ruleSet.name(), ruleSet.contentHash(), RuleSet.engineVersion());
		}

	}

	public record EvidenceView(String criterionId, String labelVi, String labelEn, String observed, String threshold,
			boolean met, String rule) {

		static EvidenceView of(CriterionEvidence e) {
			return new EvidenceView(e.id(), e.labelVi(), e.labelEn(), e.observed(), e.threshold(), e.met(), e.rule());
		}

		static EvidenceView of(Decision.EvidenceRow e) {
			return new EvidenceView(e.criterionId(), e.labelVi(), e.labelEn(), e.observed(), e.threshold(), e.met(),
					e.ruleName());
		}

	}

	public record WarningView(String code, String messageVi, String messageEn, String rule) {

		static WarningView of(Warning w) {
			return new WarningView(w.code(), w.messageVi(), w.messageEn(), w.rule());
		}

		static WarningView of(Decision.WarningRow w) {
			return new WarningView(w.code(), w.messageVi(), w.messageEn(), w.ruleName());
		}

	}

	/** What it would take to move down the scale: one condition and by how much. */
	public record GapView(String towards, String criterionId, long amount, String textVi, String textEn, String rule) {

		static GapView of(Gap g) {
			return new GapView(g.towards(), g.criterionId(), g.amount(), g.textVi(), g.textEn(), g.rule());
		}

		static GapView of(Decision.GapRow g) {
			return new GapView(g.towards(), g.criterionId(), g.amount(), g.textVi(), g.textEn(), g.ruleName());
		}

	}

	/** One commune's result from a stateless evaluation. */
	public record ResultView(String communeCode, Classification classification, String classificationVi,
			String classificationEn, String decidedBy, List<String> criteriaMet, List<EvidenceView> evidence,
			List<WarningView> warnings, List<GapView> whatWouldItTake) {

		public static ResultView of(CommuneOutcome o) {
			return new ResultView(o.communeCode(), o.classification(), o.classification().labelVi(),
					o.classification().labelEn(), o.decidedBy(), o.criteriaMet(),
					o.evidence().stream().map(EvidenceView::of).toList(),
					o.warnings().stream().map(WarningView::of).toList(), o.gaps().stream().map(GapView::of).toList());
		}

	}

	/**
	 * A run. {@code counts} are the list as it stands: the approved classes once the
	 * People's Committee approved the run ({@code approval.status} {@code APPROVED}, with
	 * its decision's number and date), else the rules' recommendation;
	 * {@code recommendedCounts} are always the recommendation's.
	 */
	public record RunView(long id, String provinceCode, int period, RuleSetView ruleSet, String factsHash,
			String sourceName, String sourceFormat, String startedBy, Instant startedAt, Instant finishedAt,
			int communeCount, Map<Classification, Integer> counts, Map<Classification, Integer> recommendedCounts,
			ApprovedClasses.Basis approval, Map<String, String> links) {

		public static RunView of(Run r, ApprovedClasses.RunClasses classes) {
			String self = "/api/v1/runs/" + r.id();
			return new RunView(r.id(), r.provinceCode(), r.period(),
					new RuleSetView(r.ruleSetName(), r.ruleSetHash(), r.engineVersion()), r.factsHash(), r.sourceName(),
					r.sourceFormat(), r.startedBy(), r.startedAt(), r.finishedAt(), r.communeCount(),
					ordered(classes.counts()), ordered(classes.recommendedCounts()), classes.basis(),
					Map.of("self", self, "decisions", self + "/decisions", "exportXlsx", self + "/export?format=xlsx",
							"exportCsv", self + "/export?format=csv", "approval", self + "/approval"));
		}

		private static Map<Classification, Integer> ordered(Map<Classification, Integer> counts) {
			Map<Classification, Integer> ordered = new LinkedHashMap<>();
			for (Classification k : List.of(Classification.TYPE_I, Classification.TYPE_II, Classification.TYPE_III,
					Classification.DRUG_FREE, Classification.UNCLASSIFIED)) {
				ordered.put(k, counts.getOrDefault(k, 0));
			}
			return ordered;
		}

	}

	/**
	 * A decision. {@code classification} is the class as the run's list stands: the
	 * approved class once the run is approved (a confirmed override's, else the
	 * recommendation), else the recommendation; {@code recommendedClassification} is the
	 * rules'; {@code approvedClassification} is null until the run is approved.
	 */
	public record DecisionView(long id, long runId, String communeCode, String communeName, String provinceCode,
			int period, Classification classification, String classificationVi, String classificationEn,
			Classification recommendedClassification, Classification approvedClassification, String overrideReason,
			ApprovedClasses.Basis approval, String decidedBy, List<String> criteriaMet, List<EvidenceView> evidence,
			List<WarningView> warnings, CommuneFacts facts, RuleSetView ruleSet, String startedBy, Instant startedAt,
			List<GapView> whatWouldItTake) {

		static DecisionView of(Decision d, Run r, ApprovedClasses.DecisionClass c, ApprovedClasses.Basis approval) {
			return new DecisionView(d.id(), d.runId(), d.communeCode(), d.communeName(), d.provinceCode(), d.period(),
					c.standingClass(), c.standingClass().labelVi(), c.standingClass().labelEn(), c.recommendedClass(),
					c.approvedClass(), c.overrideReason(), approval, d.decidedBy(),
					d.criteriaMet().isEmpty() ? List.of() : List.of(d.criteriaMet().split(", ")),
					d.evidence().stream().map(EvidenceView::of).toList(),
					d.warnings().stream().map(WarningView::of).toList(), d.communeFacts(),
					new RuleSetView(r.ruleSetName(), r.ruleSetHash(), r.engineVersion()), r.startedBy(), r.startedAt(),
					d.gaps().stream().map(GapView::of).toList());
		}

	}

}
