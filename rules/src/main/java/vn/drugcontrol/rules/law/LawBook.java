package vn.drugcontrol.rules.law;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.kie.api.definition.rule.Rule;

import vn.drugcontrol.rules.engine.CompileError;

/**
 * The law of one bundle: its clause register and its parameters, read from
 * {@value #CLAUSES} and {@value #PARAMETERS}, and the {@link Law} they make for each
 * evaluation period. Immutable; one {@link Law} per period is made once and shared by
 * every session.
 */
public final class LawBook {

	/** The clause register's path in a bundle. */
	public static final String CLAUSES = "law/clauses.csv";

	/** The parameters' path in a bundle. */
	public static final String PARAMETERS = "law/parameters.csv";

	/** The metadata a rule declares its clauses with: {@code @clause("4.1.a")}. */
	public static final String CLAUSE_METADATA = "clause";

	/**
	 * {@code {type1.users_rate}} or {@code {type1.drug_use_points:02}} in a clause's
	 * text.
	 */
	private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}:]*)(?::([^{}]*))?\\}");

	private final ClauseRegister register;

	private final ParameterTable parameters;

	private final Map<Integer, Law> byPeriod = new ConcurrentHashMap<>();

	private final Map<String, Clause> criterionByRule = new ConcurrentHashMap<>();

	private LawBook(ClauseRegister register, ParameterTable parameters) {
		this.register = register;
		this.parameters = parameters;
	}

	/** Whether a bundle's path is one of the law's files rather than DRL. */
	public static boolean isLawFile(String path) {
		return CLAUSES.equals(path) || PARAMETERS.equals(path);
	}

	/**
	 * Reads the law files of a bundle.
	 * @param files the bundle's files by path (others than the law's are ignored)
	 * @param errors where each problem goes, with its file and line
	 * @return the law, or null when the bundle has neither file (a bundle stored before
	 * the register) or when they have problems
	 */
	public static LawBook read(Map<String, String> files, List<CompileError> errors) {
		String clauses = files.get(CLAUSES);
		String parameters = files.get(PARAMETERS);
		if (clauses == null && parameters == null) {
			return null;
		}
		if (clauses == null || parameters == null) {
			errors.add(new CompileError(clauses == null ? CLAUSES : PARAMETERS, 0,
					"is missing: a bundle with " + (clauses == null ? PARAMETERS : CLAUSES) + " needs it too (the "
							+ "clause register and the parameters go together)"));
			return null;
		}
		int before = errors.size();
		ClauseRegister register = ClauseRegister.read(CLAUSES, clauses, errors);
		ParameterTable table = ParameterTable.read(PARAMETERS, parameters, register, errors);
		for (Clause clause : register.clauses()) {
			checkTemplate(clause, clause.textVi(), table, errors);
			checkTemplate(clause, clause.textEn(), table, errors);
		}
		return errors.size() == before ? new LawBook(register, table) : null;
	}

	private static void checkTemplate(Clause clause, String text, ParameterTable table, List<CompileError> errors) {
		Matcher m = PLACEHOLDER.matcher(text);
		while (m.find()) {
			String id = m.group(1).strip();
			String format = m.group(2);
			if (table.find(id).isEmpty() && !table.names(id)) {
				errors.add(new CompileError(CLAUSES, clause.line(),
						"clause " + clause.id() + " names the parameter {" + id + "}, which is not in " + PARAMETERS));
			}
			else if (format != null && table.find(id).isPresent()
					&& !(format.equals("02") && table.find(id).get().unit().whole())) {
				errors.add(new CompileError(CLAUSES, clause.line(), "clause " + clause.id() + ": {" + id + ":" + format
						+ "} — the only format is :02 (two digits, as the Decision writes 02 điểm), for whole numbers"));
			}
		}
		String rest = PLACEHOLDER.matcher(text).replaceAll("");
		if (rest.contains("{") || rest.contains("}")) {
			errors.add(new CompileError(CLAUSES, clause.line(), "clause " + clause.id() + " has a brace that is not a "
					+ "parameter: write a parameter as {type1.users_rate}"));
		}
	}

	public ClauseRegister register() {
		return register;
	}

	public ParameterTable parameters() {
		return parameters;
	}

	/**
	 * The law at an evaluation period: every parameter's latest value effective at that
	 * period.
	 * @throws NoParameterValueException when the period is before some parameter's first
	 * value
	 */
	public Law at(int period) {
		Law law = byPeriod.get(period);
		if (law != null) {
			return law;
		}
		Map<String, BigDecimal> values = new LinkedHashMap<>();
		for (Parameter p : parameters.parameters()) {
			BigDecimal value = p.valueAt(period)
				.orElseThrow(() -> new NoParameterValueException("the law has no value of " + p.id() + " for period "
						+ period + ": its first value takes effect from " + p.firstPeriod() + " (" + PARAMETERS
						+ " line " + p.values().get(0).line() + "); add a value effective from " + period
						+ " or earlier, or evaluate a later period"));
			values.put(p.id(), value);
		}
		return byPeriod.computeIfAbsent(period, k -> new Law(this, period, values));
	}

	/** The periods some value takes effect from: where the law changes. */
	public SortedSet<Integer> periods() {
		SortedSet<Integer> periods = new TreeSet<>();
		parameters.parameters().forEach(p -> p.values().forEach(d -> periods.add(d.effectiveFrom())));
		return periods;
	}

	/**
	 * This law with one parameter's value from one period changed (the mutation gate).
	 */
	public LawBook with(String parameter, int effectiveFrom, BigDecimal value) {
		return new LawBook(register, parameters.with(parameter, effectiveFrom, value));
	}

	/** A clause's text with the values of the period put in. */
	String render(String template, Map<String, BigDecimal> values, boolean vietnamese) {
		Matcher m = PLACEHOLDER.matcher(template);
		StringBuilder out = new StringBuilder();
		while (m.find()) {
			String id = m.group(1).strip();
			Parameter p = parameters.find(id).orElseThrow();
			m.appendReplacement(out, Matcher
				.quoteReplacement(Numbers.format(values.get(id), p.unit(), vietnamese, "02".equals(m.group(2)))));
		}
		m.appendTail(out);
		return out.toString();
	}

	/** The clause ids a rule declares with {@code @clause("…")}, in its order. */
	public static List<String> clausesOf(Rule rule) {
		Object declared = rule.getMetaData().get(CLAUSE_METADATA);
		return declared == null ? List.of() : split(String.valueOf(declared));
	}

	/** {@code "4.1, precedence"} → {@code [4.1, precedence]}. */
	public static List<String> split(String declared) {
		List<String> ids = new ArrayList<>();
		for (String id : declared.replace("\"", "").split("[,;\\s]+")) {
			if (!id.isBlank()) {
				ids.add(id.strip());
			}
		}
		return ids;
	}

	/** The criterion a rule assesses: the one criterion among the clauses it declares. */
	Clause criterionOf(Rule rule) {
		return criterionByRule.computeIfAbsent(rule.getPackageName() + "/" + rule.getName(), key -> {
			List<Clause> criteria = clausesOf(rule).stream()
				.map(register::find)
				.flatMap(java.util.Optional::stream)
				.filter(c -> c.kind() == Clause.Kind.CRITERION)
				.toList();
			if (criteria.size() != 1) {
				throw new IllegalStateException("rule \"" + rule.getName() + "\" assesses a criterion, so it declares "
						+ "exactly one criterion clause with @clause(\"…\"); it declares " + clausesOf(rule));
			}
			return criteria.get(0);
		});
	}

}
