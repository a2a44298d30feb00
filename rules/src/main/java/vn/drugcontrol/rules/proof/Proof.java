package vn.drugcontrol.rules.proof;

import java.util.List;
import java.util.Map;

import vn.drugcontrol.rules.commune.Classification;

/**
 * What the exhaustive check found for one rule set: cells per class, the cells no class
 * caught, the cells where no class rule or several fired, the monotonicity
 * counterexamples, and where Art. 6 and a type of Art. 4 both hold. Lists hold at most
 * {@link ExhaustiveCheck#LISTED} entries; the counts are complete.
 *
 * @param ruleSet the rule set's name
 * @param contentHash its content hash
 * @param periods the evaluation periods checked (where its law changes)
 * @param grid the values each measure took, in words
 * @param cells communes classified
 * @param classes cells per class (only cells with exactly one class)
 * @param unclassifiedCells cells given {@code UNCLASSIFIED}
 * @param unclassified those cells (at most {@link ExhaustiveCheck#LISTED})
 * @param notOneClassCells cells where no class rule or several fired
 * @param notOneClass those cells
 * @param counterexampleCount monotonicity counterexamples
 * @param counterexamples those counterexamples
 * @param overlaps Art. 6 and Art. 4 both hold, per type and class decided
 * @param millis how long the check took
 */
public record Proof(String ruleSet, String contentHash, List<Integer> periods, String grid, int cells,
		Map<Classification, Integer> classes, int unclassifiedCells, List<CellCase> unclassified, int notOneClassCells,
		List<CellCase> notOneClass, int counterexampleCount, List<Counterexample> counterexamples,
		List<Overlap> overlaps, long millis) {

	/** Every cell got exactly one class rule's verdict. */
	public boolean oneClassPerCell() {
		return notOneClassCells == 0;
	}

	/** No commune with more of a measure got a better class. */
	public boolean monotone() {
		return counterexampleCount == 0;
	}

	/**
	 * One class per cell, none unclassified, monotone: what the shipped default proves.
	 */
	public boolean proven() {
		return oneClassPerCell() && unclassifiedCells == 0 && monotone();
	}

	/** The check's findings as it prints them (docs/interpretation.md). */
	public String report() {
		StringBuilder out = new StringBuilder();
		out.append("Rule set '")
			.append(ruleSet)
			.append("' (")
			.append(contentHash, 0, Math.min(12, contentHash.length()))
			.append("), periods ")
			.append(periods)
			.append(": ")
			.append(cells)
			.append(" cells in ")
			.append(millis)
			.append(" ms\n");
		out.append("  grid: ").append(grid).append('\n');
		out.append("  cells per class: ");
		classes.forEach((c, n) -> out.append(c).append(' ').append(n).append("  "));
		out.append('\n');
		out.append("  one class per cell: ")
			.append(oneClassPerCell() ? "yes" : "NO, " + notOneClassCells + " cell(s)")
			.append("; unclassified: ")
			.append(unclassifiedCells)
			.append("; monotone: ")
			.append(monotone() ? "yes" : "NO, " + counterexampleCount + " counterexample(s)")
			.append('\n');
		out.append("  proven: ").append(proven() ? "yes" : "no").append('\n');
		overlaps.forEach(o -> out.append("  ").append(o).append('\n'));
		notOneClass.stream()
			.limit(5)
			.forEach(c -> out.append("  ")
				.append(c.classRules())
				.append(" class rules fired: ")
				.append(c.describe())
				.append('\n'));
		unclassified.stream().limit(5).forEach(c -> out.append("  unclassified: ").append(c.describe()).append('\n'));
		counterexamples.stream().limit(5).forEach(c -> out.append("  counterexample: ").append(c).append('\n'));
		return out.toString();
	}

}
