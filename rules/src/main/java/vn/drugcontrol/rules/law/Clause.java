package vn.drugcontrol.rules.law;

import java.util.Locale;

/**
 * One clause of the register: what a rule implements and cites with {@code @clause("…")}.
 *
 * @param id e.g. {@code 4.1.a}, {@code 4.1} (a count rule), {@code precedence}
 * @param kind what kind of clause it is
 * @param textVi the clause in Vietnamese, as the Decision words it; parameters in braces
 * ({@code {type1.users_rate}}, {@code {type1.drug_use_points:02}} for the Decision's
 * two-digit numerals) are replaced by their values for the period
 * @param textEn an English gloss, with the same placeholders
 * @param document the source document, e.g. {@code Quyết định 28/2025/QĐ-TTg}
 * @param article the article of the source, e.g. {@code 4}
 * @param point the clause and point within it, e.g. {@code 1.a}
 * @param note anything an analyst should know about it (may be empty)
 * @param line its line in {@code law/clauses.csv}
 */
public record Clause(String id, Kind kind, String textVi, String textEn, String document, String article, String point,
		String note, int line) {

	/** What a clause is. */
	public enum Kind {

		/**
		 * A criterion assessed for each commune or province: evidence is recorded for it.
		 */
		CRITERION,
		/**
		 * A count rule: how many criteria of an article make a class ("at least 3 of").
		 */
		COUNT,
		/** A reading of the Decision where its text is silent (precedence, review). */
		READING,
		/** A check of the data, raising a warning; it never changes a class. */
		CHECK;

		static Kind of(String text) {
			try {
				return valueOf(text.strip().toUpperCase(Locale.ROOT));
			}
			catch (IllegalArgumentException ex) {
				return null;
			}
		}

		public String label() {
			return name().toLowerCase(Locale.ROOT);
		}

	}

	/**
	 * The article a criterion's evidence carries: {@code 4.1} for {@code 4.1.a},
	 * {@code 6} for {@code 6.1}; a count rule's id is its article.
	 */
	public String evidenceArticle() {
		int dot = id.lastIndexOf('.');
		return kind == Kind.CRITERION && dot > 0 ? id.substring(0, dot) : id;
	}

	/** The point a criterion's evidence carries: {@code a} for {@code 4.1.a}. */
	public String evidencePoint() {
		int dot = id.lastIndexOf('.');
		return kind == Kind.CRITERION && dot > 0 ? id.substring(dot + 1) : "";
	}

	/** The source, as people cite it: {@code Quyết định 28/2025/QĐ-TTg, Điều 4, 1.a}. */
	public String source() {
		StringBuilder s = new StringBuilder(document);
		if (!article.isEmpty()) {
			s.append(", ").append(article);
		}
		if (!point.isEmpty()) {
			s.append(", ").append(point);
		}
		return s.toString();
	}

}
