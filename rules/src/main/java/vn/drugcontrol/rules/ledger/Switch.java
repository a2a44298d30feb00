package vn.drugcontrol.rules.ledger;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * One open question of interpretation and the ways it can be answered.
 *
 * @param id e.g. {@code bands}
 * @param questionVi the question, in the words a reader of the run page sees ("các khung
 * tiêu chí loại II …")
 * @param questionEn the same in English
 * @param options its options, in the ledger's order (the shipped default's first)
 * @param line the line of its first row in {@value Ledger#SWITCHES}
 */
public record Switch(String id, String questionVi, String questionEn, List<Option> options, int line) {

	public Switch {
		options = List.copyOf(options);
	}

	/**
	 * One answer to the question.
	 *
	 * @param id e.g. {@code exclusive}
	 * @param files the bundle files that implement it (none: it needs no rule of its own)
	 * @param labelVi what it means, in plain Vietnamese
	 * @param labelEn the same in English
	 * @param sources the articles and documents it rests on
	 * @param decidedBy who decided it
	 * @param decidedOn when
	 * @param line its row's line in {@value Ledger#SWITCHES}
	 */
	public record Option(String id, List<String> files, String labelVi, String labelEn, String sources,
			String decidedBy, LocalDate decidedOn, int line) {

		public Option {
			files = List.copyOf(files);
		}

	}

	public Optional<Option> option(String optionId) {
		return options.stream().filter(o -> o.id().equals(optionId)).findFirst();
	}

	/** Whether a reading can take another option of this switch. */
	public boolean hasAlternatives() {
		return options.size() > 1;
	}

}
