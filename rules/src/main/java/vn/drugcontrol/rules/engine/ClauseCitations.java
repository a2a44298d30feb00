package vn.drugcontrol.rules.engine;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import vn.drugcontrol.rules.engine.DrlAllowList.Kind;
import vn.drugcontrol.rules.engine.DrlAllowList.Token;
import vn.drugcontrol.rules.law.Clause;
import vn.drugcontrol.rules.law.LawBook;
import vn.drugcontrol.rules.law.Parameter;
import vn.drugcontrol.rules.law.Unit;

/**
 * What the rules of a bundle say about its law, checked before they are compiled, each
 * problem at its file and line: every rule declares the clauses it implements
 * ({@code @clause("4.1.a")}) and they are in the register; a rule that assesses a
 * criterion declares exactly one; every parameter a rule reads
 * ({@code $law.atLeast("…")}) is in the parameters, in a unit that fits; and a bundle
 * with parameters types no number of the Decision (no
 * {@code Threshold.percentAtLeast("0.5")}, no texts in {@code CriterionEvidence.assess}).
 * A bundle without the law's files (stored before them) may neither cite clauses nor read
 * the law.
 */
final class ClauseCitations {

	private static final Set<Unit> WHOLE = EnumSet.of(Unit.POINTS, Unit.PLANTS, Unit.CRITERIA);

	/** The law's methods that read parameters, and the units each argument may have. */
	private static final Map<String, List<Set<Unit>>> PARAMETER_METHODS = Map.ofEntries(
			Map.entry("count", List.of(WHOLE)), Map.entry("percentAtLeast", List.of(EnumSet.of(Unit.PERCENT))),
			Map.entry("percentInBand", List.of(EnumSet.of(Unit.PERCENT), EnumSet.of(Unit.PERCENT))),
			Map.entry("percentBelow", List.of(EnumSet.of(Unit.PERCENT))),
			Map.entry("percentBelowOrHigher", List.of(EnumSet.of(Unit.PERCENT))), Map.entry("atLeast", List.of(WHOLE)),
			Map.entry("exactly", List.of(WHOLE)), Map.entry("onKeyRouteMeetingAtLeast", List.of(WHOLE)),
			Map.entry("plantsAtLeast", List.of(EnumSet.of(Unit.PLANTS), EnumSet.of(Unit.M2))),
			Map.entry("plantsBelow", List.of(EnumSet.of(Unit.PLANTS), EnumSet.of(Unit.M2))),
			Map.entry("plantsBelowOrHigher", List.of(EnumSet.of(Unit.PLANTS), EnumSet.of(Unit.M2))),
			Map.entry("plantsInBand",
					List.of(EnumSet.of(Unit.PLANTS), EnumSet.of(Unit.M2), EnumSet.of(Unit.PLANTS),
							EnumSet.of(Unit.M2))),
			Map.entry("excess", List.of(EnumSet.of(Unit.PERCENT, Unit.POINTS, Unit.PLANTS, Unit.CRITERIA))),
			Map.entry("plantsOrAreaExcess", List.of(EnumSet.of(Unit.PLANTS), EnumSet.of(Unit.M2))),
			Map.entry("areaExcess", List.of(EnumSet.of(Unit.M2))), Map.entry("vi", List.of(EnumSet.allOf(Unit.class))),
			Map.entry("en", List.of(EnumSet.allOf(Unit.class))));

	/** The threshold factories that take the Decision's numbers typed in the rule. */
	private static final Set<String> TYPED_NUMBERS = Set.of("percentAtLeast", "percentInBand", "percentBelow",
			"atLeast", "exactly", "plantsAtLeast", "plantsInBand", "plantsBelow", "anyValue",
			"onKeyRouteMeetingAtLeast");

	private ClauseCitations() {
	}

	/**
	 * A rule as its text declares it: name, line, clauses cited and whether it assesses.
	 */
	record CitingRule(String file, String name, int line, List<String> clauses, List<Integer> clauseLines,
			boolean assesses) {
	}

	/** The rules of the files and the clauses each declares. */
	static List<CitingRule> rules(Map<String, String> drl) {
		List<CitingRule> rules = new ArrayList<>();
		new TreeMap<>(drl).forEach((file, text) -> rules.addAll(read(file, DrlAllowList.tokens(file, text), null)));
		return rules;
	}

	static List<CompileError> check(Map<String, String> drl, LawBook law) {
		List<CompileError> errors = new ArrayList<>();
		new TreeMap<>(drl).forEach((file, text) -> read(file, DrlAllowList.tokens(file, text), new Sink(law, errors)));
		return errors;
	}

	/** Where a file's findings go: the law to check them against, and the errors. */
	private record Sink(LawBook law, List<CompileError> errors) {

		void error(String file, int line, String message) {
			errors.add(new CompileError(file, line, message));
		}

	}

	private static List<CitingRule> read(String file, List<Token> tokens, Sink sink) {
		List<CitingRule> rules = new ArrayList<>();
		String rule = null;
		int ruleLine = 0;
		List<String> cited = new ArrayList<>();
		List<Integer> citedLines = new ArrayList<>();
		boolean assesses = false;
		for (int i = 0; i < tokens.size(); i++) {
			Token t = tokens.get(i);
			Token next = at(tokens, i + 1);
			if (t.kind() == Kind.NAME && t.text().equals("rule") && next != null && next.kind() == Kind.STRING) {
				if (rule != null) {
					rules.add(finish(file, rule, ruleLine, cited, citedLines, assesses, sink));
				}
				rule = unquote(next.text());
				ruleLine = t.line();
				cited = new ArrayList<>();
				citedLines = new ArrayList<>();
				assesses = false;
				i++;
				continue;
			}
			if (t.is("@") && next != null && next.text().equals("clause") && at(tokens, i + 3) != null) {
				for (String id : LawBook.split(unquote(at(tokens, i + 3).text()))) {
					cited.add(id);
					citedLines.add(t.line());
				}
				i += 4;
				continue;
			}
			if (sink == null) {
				continue;
			}
			if (t.kind() == Kind.NAME && t.text().equals("Law") && sink.law() == null) {
				sink.error(file, t.line(), "the rules read the law (Law), but the bundle has no " + LawBook.CLAUSES
						+ " and " + LawBook.PARAMETERS + ": add them");
			}
			if (t.kind() == Kind.NAME && next != null && next.is(".") && at(tokens, i + 2) != null
					&& sink.law() != null) {
				String member = at(tokens, i + 2).text();
				if (t.text().equals("CriterionEvidence") && member.equals("assess")) {
					sink.error(file, t.line(),
							"CriterionEvidence.assess types the criterion's texts in the rule; " + "in a bundle with "
									+ LawBook.CLAUSES + " write $law.assess(kcontext, unitCode, measure, "
									+ "observed, bound): the texts come from the register");
				}
				if (t.text().equals("Threshold") && TYPED_NUMBERS.contains(member)) {
					sink.error(file, t.line(),
							"Threshold." + member + " takes the Decision's numbers typed in the "
									+ "rule; in a bundle with " + LawBook.PARAMETERS + " read them by name, e.g. $law."
									+ member + "(\"type1.users_rate\")");
				}
			}
			boolean lawCall = t.kind() == Kind.NAME && t.text().startsWith("$") && next != null && next.is(".")
					&& at(tokens, i + 2) != null && at(tokens, i + 3) != null && at(tokens, i + 3).is("(");
			if (lawCall) {
				String method = at(tokens, i + 2).text();
				if (method.equals("assess")) {
					assesses = true;
				}
				if (sink.law() != null) {
					checkCall(file, method, arguments(tokens, i + 3), sink);
				}
			}
		}
		if (rule != null) {
			rules.add(finish(file, rule, ruleLine, cited, citedLines, assesses, sink));
		}
		return rules;
	}

	private static CitingRule finish(String file, String rule, int line, List<String> cited, List<Integer> lines,
			boolean assesses, Sink sink) {
		CitingRule found = new CitingRule(file, rule, line, List.copyOf(cited), List.copyOf(lines), assesses);
		if (sink == null) {
			return found;
		}
		LawBook law = sink.law();
		if (law == null) {
			if (!cited.isEmpty()) {
				sink.error(file, lines.get(0), "rule \"" + rule + "\" cites clause " + cited.get(0)
						+ ", but the bundle has no clause register " + LawBook.CLAUSES);
			}
			return found;
		}
		if (cited.isEmpty()) {
			sink.error(file, line, "rule \"" + rule + "\" declares no clause: write @clause(\"…\") after its name, "
					+ "with the id(s) in " + LawBook.CLAUSES + " of the clause(s) it implements");
			return found;
		}
		int criteria = 0;
		boolean unknown = false;
		for (int c = 0; c < cited.size(); c++) {
			String id = cited.get(c);
			if (!law.register().contains(id)) {
				unknown = true;
				sink.error(file, lines.get(c), "rule \"" + rule + "\" cites clause '" + id + "', which is not in the "
						+ "register " + LawBook.CLAUSES);
			}
			else if (law.register().find(id).get().kind() == Clause.Kind.CRITERION) {
				criteria++;
			}
		}
		if (assesses && criteria != 1 && !unknown) {
			sink.error(file, line, "rule \"" + rule + "\" assesses a criterion, so it cites exactly one criterion "
					+ "clause (e.g. @clause(\"4.1.a\")); it cites " + criteria);
		}
		return found;
	}

	/** The direct arguments of a call whose "(" is at {@code open}, as token lists. */
	private static List<List<Token>> arguments(List<Token> tokens, int open) {
		List<List<Token>> args = new ArrayList<>();
		List<Token> current = new ArrayList<>();
		int depth = 0;
		for (int i = open; i < tokens.size(); i++) {
			Token t = tokens.get(i);
			if (t.is("(")) {
				depth++;
				if (depth == 1) {
					continue;
				}
			}
			else if (t.is(")")) {
				depth--;
				if (depth == 0) {
					if (!current.isEmpty()) {
						args.add(current);
					}
					return args;
				}
			}
			else if (t.is(",") && depth == 1) {
				args.add(current);
				current = new ArrayList<>();
				continue;
			}
			current.add(t);
		}
		return args;
	}

	private static void checkCall(String file, String method, List<List<Token>> args, Sink sink) {
		if (method.equals("criteriaOf")) {
			if (!args.isEmpty() && args.get(0).size() == 1 && args.get(0).get(0).kind() == Kind.STRING) {
				String article = unquote(args.get(0).get(0).text());
				if (sink.law().register().criteriaOf(article) == 0) {
					sink.error(file, args.get(0).get(0).line(), "criteriaOf(\"" + article + "\"): the register "
							+ LawBook.CLAUSES + " has no criterion of article " + article);
				}
			}
			return;
		}
		List<Set<Unit>> units = PARAMETER_METHODS.get(method);
		if (units == null) {
			return;
		}
		for (int a = 0; a < Math.min(units.size(), args.size()); a++) {
			List<Token> arg = args.get(a);
			if (arg.size() != 1 || arg.get(0).kind() != Kind.STRING) {
				sink.error(file, arg.isEmpty() ? 0 : arg.get(0).line(), method + ": name the parameter in quotes, "
						+ "e.g. \"type1.users_rate\", so the check can find it in " + LawBook.PARAMETERS);
				continue;
			}
			String id = unquote(arg.get(0).text());
			Parameter p = sink.law().parameters().find(id).orElse(null);
			if (p == null) {
				sink.error(file, arg.get(0).line(),
						method + "(\"" + id + "\"): no parameter " + id + " in " + LawBook.PARAMETERS);
			}
			else if (!units.get(a).contains(p.unit())) {
				sink.error(file, arg.get(0).line(), method + "(\"" + id + "\"): " + id + " is in " + p.unit().label()
						+ ", which " + method + " does not take");
			}
		}
	}

	private static Token at(List<Token> tokens, int i) {
		return i < tokens.size() ? tokens.get(i) : null;
	}

	private static String unquote(String s) {
		return s.length() >= 2 && (s.startsWith("\"") || s.startsWith("'")) ? s.substring(1, s.length() - 1) : s;
	}

}
