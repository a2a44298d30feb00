package vn.drugcontrol.service.facts;

import vn.drugcontrol.rules.commune.FactsColumn;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problems found in one file, kept up to {@link #LIMIT}; the rest are counted.
 */
final class Problems {

	static final int LIMIT = 1000;

	private final String file;

	private final boolean json;

	private final List<ImportProblem> kept = new ArrayList<>();

	private int total;

	Problems(String file, boolean json) {
		this.file = file;
		this.json = json;
	}

	/** A column's name as this file writes it: the header, or the JSON field. */
	String name(FactsColumn column) {
		return json ? column.field() : column.header();
	}

	boolean json() {
		return json;
	}

	void file(String reason) {
		add(null, (String) null, reason);
	}

	void add(Integer row, FactsColumn column, String reason) {
		add(row, name(column), reason);
	}

	void add(Integer row, String column, String reason) {
		total++;
		if (kept.size() < LIMIT) {
			kept.add(new ImportProblem(file, row, column, reason));
		}
	}

	/** How many problems were found so far, kept or not. */
	int total() {
		return total;
	}

	/** Rejects the file if anything was found. */
	void throwIfAny() {
		if (total == 0) {
			return;
		}
		List<ImportProblem> sorted = new ArrayList<>(kept);
		sorted.sort(Comparator.comparing(ImportProblem::row, Comparator.nullsFirst(Comparator.naturalOrder()))
			.thenComparing(this::rank));
		if (total > kept.size()) {
			int more = total - kept.size();
			sorted.add(new ImportProblem(file, null, null,
					"…and " + more + " more " + ((more == 1) ? "problem" : "problems") + " not listed"));
		}
		throw new FactsRejectedException(file, sorted);
	}

	private int rank(ImportProblem problem) {
		if (problem.column() == null) {
			return -1;
		}
		return (json ? FactsColumns.byField(problem.column()) : FactsColumns.byHeader(problem.column()))
			.map(Enum::ordinal)
			.orElse(Integer.MAX_VALUE);
	}

}
