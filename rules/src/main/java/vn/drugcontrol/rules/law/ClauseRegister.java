package vn.drugcontrol.rules.law;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import vn.drugcontrol.rules.engine.CompileError;

/**
 * The clause register of a bundle ({@value LawBook#CLAUSES}): one row per clause, with
 * the columns {@code id, kind, text_vi, text_en, document, article, point} and optionally
 * {@code note}. Every problem is reported with the file and the line a spreadsheet shows.
 */
public final class ClauseRegister {

	static final List<String> COLUMNS = List.of("id", "kind", "text_vi", "text_en", "document", "article", "point");

	/** Letters (Vietnamese ones included), digits, dots, dashes and underscores. */
	private static final Pattern ID = Pattern.compile("[\\p{L}\\p{N}][\\p{L}\\p{N}._-]{0,63}");

	private final Map<String, Clause> clauses;

	private ClauseRegister(Map<String, Clause> clauses) {
		this.clauses = clauses;
	}

	static ClauseRegister read(String file, String text, List<CompileError> errors) {
		Csv.Table table = Csv.read(text);
		Map<String, Clause> clauses = new LinkedHashMap<>();
		if (!table.readable()) {
			errors.add(new CompileError(file, table.problemLine(), table.problem()));
			return new ClauseRegister(clauses);
		}
		List<String> missing = COLUMNS.stream().filter(c -> !table.columns().contains(c)).toList();
		if (!missing.isEmpty()) {
			errors.add(new CompileError(file, 1, "the register needs the columns " + String.join(", ", COLUMNS)
					+ " (and optionally note); missing: " + String.join(", ", missing)));
			return new ClauseRegister(clauses);
		}
		for (Csv.Row row : table.rows()) {
			String id = row.get("id");
			Clause.Kind kind = Clause.Kind.of(row.get("kind"));
			List<String> problems = new ArrayList<>();
			if (!ID.matcher(id).matches()) {
				problems.add("the id '" + id + "' is not a clause id (letters, digits, '.', '-', '_'), e.g. 4.1.a");
			}
			if (kind == null) {
				problems.add("kind '" + row.get("kind") + "' is none of criterion, count, reading, check");
			}
			else if (kind == Clause.Kind.CRITERION && id.lastIndexOf('.') <= 0) {
				problems.add("a criterion's id is its article and point, e.g. 4.1.a or 6.1; got '" + id + "'");
			}
			for (String column : List.of("text_vi", "text_en", "document")) {
				if (row.get(column).isEmpty()) {
					problems.add(column + " is empty");
				}
			}
			if (problems.isEmpty() && clauses.containsKey(id)) {
				problems.add("clause " + id + " is given twice (also on line " + clauses.get(id).line() + ")");
			}
			if (!problems.isEmpty()) {
				problems.forEach(p -> errors.add(new CompileError(file, row.line(), p)));
				continue;
			}
			clauses.put(id, new Clause(id, kind, row.get("text_vi"), row.get("text_en"), row.get("document"),
					row.get("article"), row.get("point"), row.get("note"), row.line()));
		}
		if (clauses.isEmpty() && errors.isEmpty()) {
			errors.add(new CompileError(file, 1, "the register has no clause"));
		}
		return new ClauseRegister(clauses);
	}

	public Optional<Clause> find(String id) {
		return Optional.ofNullable(clauses.get(id));
	}

	public boolean contains(String id) {
		return clauses.containsKey(id);
	}

	/** Every clause, in the register's order. */
	public Collection<Clause> clauses() {
		return clauses.values();
	}

	/**
	 * How many criteria an article has, e.g. 5 for {@code 4.1} (points a–đ): what a tally
	 * waits for before it counts.
	 */
	public int criteriaOf(String article) {
		return criteriaOf(article, null);
	}

	/** How many criteria an article has besides one point, e.g. 4.1 besides đ. */
	public int criteriaOf(String article, String exceptPoint) {
		int n = 0;
		for (Clause c : clauses.values()) {
			if (c.kind() == Clause.Kind.CRITERION && c.evidenceArticle().equals(article)
					&& !c.evidencePoint().equals(exceptPoint)) {
				n++;
			}
		}
		return n;
	}

}
