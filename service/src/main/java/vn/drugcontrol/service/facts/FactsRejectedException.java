package vn.drugcontrol.service.facts;

import java.util.List;

/**
 * A facts file was rejected whole: it carries every problem found (up to
 * {@value Problems#LIMIT}, then one saying how many more there were).
 */
public class FactsRejectedException extends RuntimeException {

	private final String fileName;

	private final List<ImportProblem> problems;

	public FactsRejectedException(String fileName, List<ImportProblem> problems) {
		super(message(fileName, problems));
		this.fileName = fileName;
		this.problems = List.copyOf(problems);
	}

	public String fileName() {
		return fileName;
	}

	public List<ImportProblem> problems() {
		return problems;
	}

	private static String message(String fileName, List<ImportProblem> problems) {
		String first = problems.isEmpty() ? "" : "; first: " + problems.get(0).describe();
		return fileName + " was rejected: " + problems.size() + ((problems.size() == 1) ? " problem" : " problems")
				+ first;
	}

}
