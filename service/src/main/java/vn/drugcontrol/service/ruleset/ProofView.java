package vn.drugcontrol.service.ruleset;

import java.util.List;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.proof.CellCase;
import vn.drugcontrol.rules.proof.Counterexample;
import vn.drugcontrol.rules.proof.Proof;

/**
 * A version's exhaustive check as the API shows it: the stored summary, and the cells
 * behind it — every cell left unclassified, every cell without exactly one class, every
 * monotonicity counterexample (up to the check's limit of each), each with the scenario
 * row(s) an analyst can add, and where Art. 6 and a type of Art. 4 both hold.
 */
public record ProofView(long versionId, String name, String contentHash, RuleSetProofs.Summary summary, String grid,
		String scenarioHeader, List<CellView> unclassified, List<CellView> notOneClass,
		List<CounterexampleView> counterexamples, List<OverlapView> overlaps) {

	/** One cell: its facts, what the rules gave it, and a scenario row pinning it. */
	public record CellView(CommuneFacts facts, Classification classification, int classRules, String description,
			String scenarioRow) {

		static CellView of(CellCase c) {
			Classification expected = c.classification() == null ? Classification.UNCLASSIFIED : c.classification();
			return new CellView(c.facts(), c.classification(), c.classRules(), c.describe(),
					c.scenarioRow("Exhaustive check: " + c.describe(), "00001", expected));
		}

	}

	/**
	 * Two cells differing in one measure, the second with more of it and a better class.
	 */
	public record CounterexampleView(String measure, String measureVi, CellView fewer, CellView more,
			String scenarioRows) {

		static CounterexampleView of(Counterexample c) {
			return new CounterexampleView(c.measure().en(), c.measure().vi(), CellView.of(c.fewer()),
					CellView.of(c.more()), c.scenarioRows());
		}

	}

	/**
	 * Art. 6 and a type of Art. 4 hold together in {@code cells} cells; the class given.
	 */
	public record OverlapView(Classification type, Classification decided, int cells, String example) {
	}

	static ProofView of(RuleSetVersion version, RuleSetProofs.Summary summary, Proof proof) {
		return new ProofView(version.id(), version.name(), version.contentHash(), summary,
				proof == null ? null : proof.grid(), CellCase.SCENARIO_HEADER,
				proof == null ? List.of() : proof.unclassified().stream().map(CellView::of).toList(),
				proof == null ? List.of() : proof.notOneClass().stream().map(CellView::of).toList(),
				proof == null ? List.of() : proof.counterexamples().stream().map(CounterexampleView::of).toList(),
				proof == null ? List.of()
						: proof.overlaps()
							.stream()
							.map(o -> new OverlapView(o.type(), o.decided(), o.cells(), o.example().describe()))
							.toList());
	}

}
