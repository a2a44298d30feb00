package vn.drugcontrol.rules.law;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Collectors;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.criteria.CriterionEvidence;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetExecutionException;
import vn.drugcontrol.rules.engine.RuleSetListener;
import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.rules.province.ProvinceFacts;
import vn.drugcontrol.rules.province.ProvinceOutcome;

/**
 * The scenario tables shipped with each rule set, read and run the way the service runs
 * an upload's (commune tables: the facts contract's columns,
 * {@code expected_classification}, {@code expected_criteria}; province tables: the
 * province's summed facts and {@code expected_province_classification}): a row passes
 * when its class is the one expected and, of the articles its expected criteria name,
 * exactly those are met.
 */
final class ShippedScenarios {

	private ShippedScenarios() {
	}

	/**
	 * One row: where it is, its facts (a commune's or a province's) and what it expects.
	 */
	record Row(String file, int line, String description, Object facts, String expectedClass,
			List<String> expectedCriteria) {

		@Override
		public String toString() {
			return file + ":" + line;
		}

	}

	/** What the rules made of a row. */
	record Result(Row row, boolean passed, String actualClass, List<CriterionEvidence> evidence, Set<String> firedRules,
			String error) {
	}

	static List<Row> rows(String ruleSet) {
		List<Row> rows = new ArrayList<>();
		ShippedRuleSets.scenarios(ruleSet).forEach((file, text) -> rows.addAll(read(file, text)));
		return rows;
	}

	static List<Row> read(String file, String text) {
		Csv.Table table = Csv.read(text);
		if (!table.readable()) {
			throw new IllegalStateException(file + ":" + table.problemLine() + ": " + table.problem());
		}
		boolean province = table.columns().contains("expected_province_classification");
		List<Row> rows = new ArrayList<>();
		for (Csv.Row r : table.rows()) {
			List<String> criteria = Arrays.stream(r.get("expected_criteria").split("[;,]"))
				.map(String::strip)
				.filter(id -> !id.isEmpty())
				.toList();
			Object facts = province ? province(r) : commune(r);
			String expected = r.get(province ? "expected_province_classification" : "expected_classification");
			rows.add(new Row(file, r.line(), r.get("scenario"), facts, expected.toUpperCase(Locale.ROOT), criteria));
		}
		return rows;
	}

	private static CommuneFacts commune(Csv.Row r) {
		return new CommuneFacts(text(r, "commune_code", String.format("%05d", r.line())), r.get("commune_name"),
				text(r, "province_code", "00"), (int) whole(r, "period", 2025), whole(r, "population", 0),
				whole(r, "managed_users", 0), whole(r, "in_substitution_treatment", 0),
				whole(r, "in_community_rehab", 0), whole(r, "in_post_rehab_management", 0),
				whole(r, "drug_use_points", 0), whole(r, "arrested_offenders", 0), whole(r, "resident_violators", 0),
				whole(r, "wanted_fugitives", 0), whole(r, "plants_destroyed", 0), decimal(r, "plant_area_m2"),
				flag(r, "on_intra_provincial_route"), flag(r, "on_inter_provincial_route"),
				whole(r, "held_in_centres_or_prison", 0));
	}

	private static ProvinceFacts province(Csv.Row r) {
		return new ProvinceFacts(text(r, "province_code", "00"), (int) whole(r, "period", 2025),
				whole(r, "population", 0), whole(r, "managed_users", 0), whole(r, "exempt_users", 0),
				whole(r, "drug_use_points", 0), whole(r, "arrested_offenders", 0), whole(r, "resident_violators", 0),
				whole(r, "wanted_fugitives", 0), whole(r, "plants_destroyed", 0), decimal(r, "plant_area_m2"),
				whole(r, "commune_units", 0), whole(r, "type_i_and_ii_communes", 0),
				flag(r, "on_inter_provincial_route"));
	}

	private static String text(Csv.Row r, String column, String fallback) {
		return r.get(column).isEmpty() ? fallback : r.get(column);
	}

	private static long whole(Csv.Row r, String column, long fallback) {
		return r.get(column).isEmpty() ? fallback : Long.parseLong(r.get(column));
	}

	private static BigDecimal decimal(Csv.Row r, String column) {
		return r.get(column).isEmpty() ? BigDecimal.ZERO : new BigDecimal(r.get(column));
	}

	private static boolean flag(Csv.Row r, String column) {
		return Set.of("true", "1", "yes", "có").contains(r.get(column).toLowerCase(Locale.ROOT));
	}

	/** Runs every row: each alone, as the service's scenario runner does. */
	static List<Result> run(RuleSet rules, List<Row> rows) {
		List<Result> results = new ArrayList<>();
		for (Row row : rows) {
			Set<String> fired = new TreeSet<>();
			RuleSet counting = rules.withTimeLimit(Duration.ofSeconds(10)).withListener(new RuleSetListener() {
				@Override
				public void classified(String ruleSet, int facts, Duration took, Map<String, Integer> firings) {
					fired.addAll(firings.keySet());
				}
			});
			try {
				String actual;
				List<CriterionEvidence> evidence;
				if (row.facts() instanceof CommuneFacts c) {
					CommuneOutcome o = counting.classify(c);
					actual = o.classification().name();
					evidence = o.evidence();
				}
				else {
					ProvinceOutcome o = counting.classifyProvince((ProvinceFacts) row.facts());
					actual = o.classification().name();
					evidence = o.evidence();
				}
				results.add(new Result(row, actual.equals(row.expectedClass()) && criteriaAsExpected(row, evidence),
						actual, evidence, fired, null));
			}
			catch (RuleSetExecutionException ex) {
				results.add(new Result(row, false, null, List.of(), fired, ex.getMessage()));
			}
		}
		return results;
	}

	/** Of the articles the row's expected criteria name, exactly those are met. */
	private static boolean criteriaAsExpected(Row row, List<CriterionEvidence> evidence) {
		if (row.expectedCriteria().isEmpty()) {
			return true;
		}
		Set<String> articles = row.expectedCriteria()
			.stream()
			.map(ShippedScenarios::article)
			.collect(Collectors.toSet());
		Set<String> met = evidence.stream()
			.filter(CriterionEvidence::met)
			.map(CriterionEvidence::id)
			.filter(id -> articles.contains(article(id)))
			.collect(Collectors.toCollection(TreeSet::new));
		return met.equals(new TreeSet<>(row.expectedCriteria()));
	}

	/** The evaluation period of a row's facts. */
	static int period(Row row) {
		return row.facts() instanceof CommuneFacts c ? c.period() : ((ProvinceFacts) row.facts()).period();
	}

	static String article(String criterionId) {
		int dot = criterionId.lastIndexOf('.');
		return dot < 0 ? criterionId : criterionId.substring(0, dot);
	}

	/** The failing rows, one line each. */
	static List<String> failures(List<Result> results) {
		List<String> failures = new ArrayList<>();
		for (Result r : results) {
			if (!r.passed()) {
				Map<String, Boolean> met = new TreeMap<>();
				r.evidence().forEach(e -> met.put(e.id(), e.met()));
				failures.add(r.row() + " " + r.row().description() + ": expected " + r.row().expectedClass() + " "
						+ r.row().expectedCriteria() + ", got " + r.actualClass() + " "
						+ met.entrySet().stream().filter(Map.Entry::getValue).map(Map.Entry::getKey).toList()
						+ (r.error() == null ? "" : " (" + r.error() + ")"));
			}
		}
		return failures;
	}

}
