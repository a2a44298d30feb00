package vn.drugcontrol.service.run;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * What a rule set says of one criterion, the same for every commune it classifies: its
 * id, what it measures, its labels, its bound and the rule that assesses it. Stored once
 * in {@code criterion_text} under a key derived from the text itself, and referred to by
 * each evidence row, which keeps only what varies: the observed value and whether the
 * criterion was met.
 */
record CriterionText(String criterionId, String measure, String labelVi, String labelEn, String threshold,
		String ruleName) {

	static CriterionText of(Decision.EvidenceRow e) {
		return new CriterionText(e.criterionId(), e.measure(), e.labelVi(), e.labelEn(), e.threshold(), e.ruleName());
	}

	/**
	 * The key: the first 64 bits of the SHA-256 of the six texts. Exact: texts that
	 * differ only in a diacritic or in case (which the database's collation would call
	 * equal) get different keys. A number, not text, because every evidence row refers to
	 * it: a foreign key on a number costs a third of one on 32 characters
	 * (docs/benchmarks.md). Two texts with one key are not assumed away:
	 * {@link DecisionWriter} reads the texts back and refuses a run whose texts differ
	 * from those stored under their keys.
	 */
	long key() {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			for (String text : new String[] { criterionId, measure, labelVi, labelEn, threshold, ruleName }) {
				sha.update(text.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) 0);
			}
			return ByteBuffer.wrap(sha.digest()).getLong();
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}
