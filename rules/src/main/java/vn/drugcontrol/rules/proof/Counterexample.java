package vn.drugcontrol.rules.proof;

/**
 * Two communes of the grid that differ in one measure only, the second with more of it,
 * where the second gets a better class: more drugs made a commune look better.
 *
 * @param measure what the second has more of
 * @param fewer the commune with less, and its class
 * @param more the commune with more, and its (better) class
 */
public record Counterexample(Step measure, CellCase fewer, CellCase more) {

	/**
	 * Two rows for the bundle's scenario table: the commune with less, pinned at its
	 * class (it passes today), and the commune with more, expected at least as high — at
	 * the same class (it fails until the rules are monotone there).
	 */
	public String scenarioRows() {
		return fewer.scenarioRow("Monotonicity: the commune with less " + measure.en(), "00001", fewer.classification())
				+ "\n" + more.scenarioRow("Monotonicity: more " + measure.en() + " must not give a better class than "
						+ fewer.classification(), "00002", fewer.classification());
	}

	@Override
	public String toString() {
		return "more " + measure.en() + ": " + fewer.classification() + " → " + more.classification() + "; "
				+ fewer.describe() + " → " + more.describe();
	}

}
