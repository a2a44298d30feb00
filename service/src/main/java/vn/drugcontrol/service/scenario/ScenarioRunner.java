package vn.drugcontrol.service.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;

/**
 * Runs scenarios against compiled rules. A scenario passes when its class is the one
 * expected and, when criteria are expected, the criteria met of the articles it names are
 * exactly those it lists ({@code 4.2.a;4.2.c} means: of Art. 4.2, a and c are met and no
 * other).
 */
public final class ScenarioRunner {

	private ScenarioRunner() {
	}

	public static ScenarioReport run(RuleSet rules, List<String> files, List<Scenario> scenarios) {
		List<ScenarioFailure> failures = new ArrayList<>();
		for (Scenario s : scenarios) {
			CommuneOutcome outcome = rules.classify(s.facts());
			Set<String> articles = s.expectedCriteria()
				.stream()
				.map(ScenarioRunner::article)
				.collect(Collectors.toSet());
			List<String> actual = outcome.criteriaMet()
				.stream()
				.filter(id -> articles.isEmpty() || articles.contains(article(id)))
				.toList();
			boolean criteriaOk = s.expectedCriteria().isEmpty()
					|| new TreeSet<>(s.expectedCriteria()).equals(new TreeSet<>(actual));
			if (outcome.classification() != s.expectedClassification() || !criteriaOk) {
				failures.add(new ScenarioFailure(s.file(), s.row(), s.description(), s.facts().communeCode(),
						s.expectedClassification(), outcome.classification(), s.expectedCriteria(), actual,
						outcome.decidedBy()));
			}
		}
		return new ScenarioReport(List.copyOf(files), scenarios.size(), scenarios.size() - failures.size(),
				List.copyOf(failures));
	}

	/**
	 * The article a criterion belongs to: {@code 4.2} for {@code 4.2.a}, {@code 6} for
	 * {@code 6.1}.
	 */
	static String article(String criterionId) {
		int dot = criterionId.lastIndexOf('.');
		return dot < 0 ? criterionId : criterionId.substring(0, dot);
	}

}
