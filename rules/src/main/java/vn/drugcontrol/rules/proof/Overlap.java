package vn.drugcontrol.rules.proof;

import vn.drugcontrol.rules.commune.Classification;

/**
 * Cells where Art. 6 (drug-free) holds and so does a type of Art. 4, and which class the
 * rules' precedence gave them.
 *
 * @param type the highest type of Art. 4 whose count rule is met
 * @param decided the class given
 * @param cells how many cells
 * @param example one of them
 */
public record Overlap(Classification type, Classification decided, int cells, CellCase example) {

	@Override
	public String toString() {
		return "Art. 6 and " + type + " both hold → " + decided + ": " + cells + " cell(s), e.g. " + example.describe();
	}

}
