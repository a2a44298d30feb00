package vn.drugcontrol.service.scenario;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetExecutionException;
import vn.drugcontrol.rules.engine.RuleSetRunawayException;
import vn.drugcontrol.rules.province.ProvinceOutcome;

/**
 * Runs scenarios against compiled rules (a province table's rows against the rules of
 * Art. 5 and 6). A scenario passes when its class is the one expected and, when criteria
 * are expected, the criteria met of the articles it names are exactly those it lists
 * ({@code 4.2.a;4.2.c} means: of Art. 4.2, a and c are met and no other).
 * <p>
 * A version is tested only when its passing scenarios show every class its rules can
 * give: types I, II and III and drug-free always (the law's classes: a reading that never
 * gives one of them is a reading to look at, not to activate untested), and
 * {@code UNCLASSIFIED} when the {@link ClassProbe} finds the rules give it.
 */
public final class ScenarioRunner {

	private ScenarioRunner() {
	}

	/** The classes every version's scenarios must show. */
	static final List<Classification> ALWAYS_REQUIRED = List.of(Classification.TYPE_I, Classification.TYPE_II,
			Classification.TYPE_III, Classification.DRUG_FREE);

	public static ScenarioReport run(RuleSet rules, List<String> files, List<Scenario> scenarios) {
		List<ScenarioFailure> failures = new ArrayList<>();
		EnumSet<Classification> shown = EnumSet.noneOf(Classification.class);
		for (Scenario s : scenarios) {
			String actualClass;
			String decidedBy;
			List<String> met;
			try {
				if (s.facts() != null) {
					CommuneOutcome outcome = rules.classify(s.facts());
					actualClass = outcome.classification().name();
					decidedBy = outcome.decidedBy();
					met = outcome.criteriaMet();
				}
				else {
					ProvinceOutcome outcome = rules.classifyProvince(s.province());
					actualClass = outcome.classification().name();
					decidedBy = outcome.decidedBy();
					met = outcome.criteriaMet();
				}
			}
			catch (RuleSetRunawayException ex) {
				// rules that loop fail the upload, not a row
				throw ex;
			}
			catch (RuleSetExecutionException ex) {
				// rules that give a row no class (or several) fail that row, not the
				// upload
				failures.add(new ScenarioFailure(s.file(), s.row(), s.description(), s.unitCode(), s.expected(), null,
						s.expectedCriteria(), List.of(), null, ex.getMessage()));
				continue;
			}
			Set<String> articles = s.expectedCriteria()
				.stream()
				.map(ScenarioRunner::article)
				.collect(Collectors.toSet());
			List<String> actual = met.stream()
				.filter(id -> articles.isEmpty() || articles.contains(article(id)))
				.toList();
			boolean criteriaOk = s.expectedCriteria().isEmpty()
					|| new TreeSet<>(s.expectedCriteria()).equals(new TreeSet<>(actual));
			if (!actualClass.equals(s.expected()) || !criteriaOk) {
				failures.add(new ScenarioFailure(s.file(), s.row(), s.description(), s.unitCode(), s.expected(),
						actualClass, s.expectedCriteria(), actual, decidedBy, null));
			}
			else if (s.facts() != null) {
				shown.add(s.expectedClassification());
			}
		}
		ClassProbe.Result probe = ClassProbe.of(rules);
		EnumSet<Classification> required = EnumSet.copyOf(ALWAYS_REQUIRED);
		if (probe.classes().contains(Classification.UNCLASSIFIED)) {
			required.add(Classification.UNCLASSIFIED);
		}
		List<Classification> missing = required.stream().filter(c -> !shown.contains(c)).toList();
		return new ScenarioReport(List.copyOf(files), scenarios.size(), scenarios.size() - failures.size(),
				List.copyOf(failures), List.copyOf(required), missing, probe.unusable());
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
