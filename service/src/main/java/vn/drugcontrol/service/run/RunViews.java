package vn.drugcontrol.service.run;

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

	public record RunView(long id, String provinceCode, int period, RuleSetView ruleSet, String factsHash,
			String sourceName, String sourceFormat, String startedBy, Instant startedAt, Instant finishedAt,
			int communeCount, Map<Classification, Integer> counts, Map<String, String> links) {

		public static RunView of(Run r) {
			Map<Classification, Integer> counts = new LinkedHashMap<>();
			counts.put(Classification.TYPE_I, r.typeICount());
			counts.put(Classification.TYPE_II, r.typeIICount());
			counts.put(Classification.TYPE_III, r.typeIIICount());
			counts.put(Classification.DRUG_FREE, r.drugFreeCount());
			counts.put(Classification.UNCLASSIFIED, r.unclassifiedCount());
			String self = "/api/v1/runs/" + r.id();
			return new RunView(r.id(), r.provinceCode(), r.period(),
					new RuleSetView(r.ruleSetName(), r.ruleSetHash(), r.engineVersion()), r.factsHash(), r.sourceName(),
					r.sourceFormat(), r.startedBy(), r.startedAt(), r.finishedAt(), r.communeCount(), counts,
					Map.of("self", self, "decisions", self + "/decisions", "exportXlsx", self + "/export?format=xlsx",
							"exportCsv", self + "/export?format=csv"));
		}

	}

	public record DecisionView(long id, long runId, String communeCode, String communeName, String provinceCode,
			int period, Classification classification, String classificationVi, String classificationEn,
			String decidedBy, List<String> criteriaMet, List<EvidenceView> evidence, List<WarningView> warnings,
			CommuneFacts facts, RuleSetView ruleSet, String startedBy, Instant startedAt,
			List<GapView> whatWouldItTake) {

		static DecisionView of(Decision d, Run r) {
			return new DecisionView(d.id(), d.runId(), d.communeCode(), d.communeName(), d.provinceCode(), d.period(),
					d.classification(), d.classification().labelVi(), d.classification().labelEn(), d.decidedBy(),
					d.criteriaMet().isEmpty() ? List.of() : List.of(d.criteriaMet().split(", ")),
					d.evidence().stream().map(EvidenceView::of).toList(),
					d.warnings().stream().map(WarningView::of).toList(), d.communeFacts(),
					new RuleSetView(r.ruleSetName(), r.ruleSetHash(), r.engineVersion()), r.startedBy(), r.startedAt(),
					d.gaps().stream().map(GapView::of).toList());
		}

	}

}
