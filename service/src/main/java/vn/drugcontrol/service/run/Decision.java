package vn.drugcontrol.service.run;

import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.Embedded;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.criteria.CriterionEvidence;
import vn.drugcontrol.rules.criteria.Gap;
import vn.drugcontrol.rules.criteria.Warning;

/**
 * What a run's rule set recommended for one commune, with the facts it saw and the
 * evidence of every criterion. An aggregate of its own, referring to its run by id.
 */
@Table("decision")
public record Decision(@Id Long id, Long runId, String communeCode, String communeName, String provinceCode, int period,
		Classification classification, String decidedBy, String criteriaMet, @Embedded.Empty FactsSnapshot facts,
		@MappedCollection(idColumn = "decision_id", keyColumn = "position") List<EvidenceRow> evidence,
		@MappedCollection(idColumn = "decision_id", keyColumn = "position") List<WarningRow> warnings,
		@MappedCollection(idColumn = "decision_id", keyColumn = "position") List<GapRow> gaps) {

	static Decision of(long runId, CommuneFacts facts, CommuneOutcome outcome) {
		return new Decision(null, runId, facts.communeCode(), facts.communeName(), facts.provinceCode(), facts.period(),
				outcome.classification(), outcome.decidedBy(), String.join(", ", outcome.criteriaMet()),
				FactsSnapshot.of(facts), outcome.evidence().stream().map(EvidenceRow::of).toList(),
				outcome.warnings().stream().map(WarningRow::of).toList(),
				outcome.gaps().stream().map(GapRow::of).toList());
	}

	/**
	 * A decision not stored with any run: what the rules say of one commune's facts now
	 * (a self-assessment's provisional class), explained as a stored one is.
	 */
	public static Decision provisional(CommuneFacts facts, CommuneOutcome outcome) {
		Decision d = of(0, facts, outcome);
		return new Decision(null, null, d.communeCode(), d.communeName(), d.provinceCode(), d.period(),
				d.classification(), d.decidedBy(), d.criteriaMet(), d.facts(), d.evidence(), d.warnings(), d.gaps());
	}

	/** The facts as submitted. */
	public CommuneFacts communeFacts() {
		return facts.toFacts(communeCode, communeName, provinceCode, period);
	}

	/**
	 * One criterion as assessed: labels in Vietnamese and English, value, bound, rule.
	 */
	@Table("decision_evidence")
	public record EvidenceRow(String criterionId, String measure, String labelVi, String labelEn, String observed,
			String threshold, boolean met, String ruleName) {

		static EvidenceRow of(CriterionEvidence e) {
			return new EvidenceRow(e.id(), e.measure().name(), e.labelVi(), e.labelEn(), e.observed(), e.threshold(),
					e.met(), e.rule());
		}

	}

	/** A doubt raised by the rules about the decision or its data. */
	@Table("decision_warning")
	public record WarningRow(String code, String messageVi, String messageEn, String ruleName) {

		static WarningRow of(Warning w) {
			return new WarningRow(w.code(), w.messageVi(), w.messageEn(), w.rule());
		}

	}

	/** What it would take to move down the scale (what-would-it-take.drl). */
	@Table("decision_gap")
	public record GapRow(String towards, String criterionId, long amount, String textVi, String textEn,
			String ruleName) {

		static GapRow of(Gap g) {
			return new GapRow(g.towards(), g.criterionId(), g.amount(), g.textVi(), g.textEn(), g.rule());
		}

	}

}
