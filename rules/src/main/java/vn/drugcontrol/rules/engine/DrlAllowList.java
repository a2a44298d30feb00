package vn.drugcontrol.rules.engine;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;

import org.drools.drl.ast.descr.AccumulateDescr;
import org.drools.drl.ast.descr.AnnotationDescr;
import org.drools.drl.ast.descr.AttributeDescr;
import org.drools.drl.ast.descr.BaseDescr;
import org.drools.drl.ast.descr.CollectDescr;
import org.drools.drl.ast.descr.ConditionalElementDescr;
import org.drools.drl.ast.descr.ImportDescr;
import org.drools.drl.ast.descr.PackageDescr;
import org.drools.drl.ast.descr.PatternDescr;
import org.drools.drl.ast.descr.PatternSourceDescr;
import org.drools.drl.ast.descr.QueryDescr;
import org.drools.drl.ast.descr.RuleDescr;
import org.drools.drl.parser.DrlParser;
import org.drools.drl.parser.DroolsParserException;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.commune.Verdict;
import vn.drugcontrol.rules.criteria.AreaFacts;
import vn.drugcontrol.rules.criteria.CriterionEvidence;
import vn.drugcontrol.rules.criteria.Gap;
import vn.drugcontrol.rules.criteria.Measure;
import vn.drugcontrol.rules.criteria.Persons;
import vn.drugcontrol.rules.criteria.PlantFinding;
import vn.drugcontrol.rules.criteria.Rate;
import vn.drugcontrol.rules.criteria.RouteFinding;
import vn.drugcontrol.rules.criteria.Tally;
import vn.drugcontrol.rules.criteria.Threshold;
import vn.drugcontrol.rules.criteria.UsersOutsideExemptions;
import vn.drugcontrol.rules.criteria.Warning;
import vn.drugcontrol.rules.law.Law;
import vn.drugcontrol.rules.law.LawBook;
import vn.drugcontrol.rules.province.ProvinceClassification;
import vn.drugcontrol.rules.province.ProvinceFacts;
import vn.drugcontrol.rules.province.ProvinceOutcome;
import vn.drugcontrol.rules.province.ProvinceVerdict;

/**
 * What uploaded DRL may say, checked before anything of it is compiled or run. DRL is
 * code: a consequence, a constraint, a {@code from} or a salience expression is Java or
 * MVEL that the service would run as its own OS user. Rules written for Decision 28 need
 * none of that power, so a rule set may only name
 * <ul>
 * <li>the fact model ({@link #TYPES}: the classes of
 * {@code vn.drugcontrol.rules.commune}, {@code .criteria}, {@code .province}) and
 * {@code java.util.List} (for {@code from collect}), {@code String} and the primitives
 * {@code int}, {@code long}, {@code boolean} for a consequence's local values;</li>
 * <li>their public members (record components, methods, enum constants), a few plain JDK
 * methods on the values they return ({@link #JDK_METHODS}), bindings ({@code $name}) and
 * locals declared in a consequence;</li>
 * <li>the DRL of patterns, {@code not}/{@code exists}/{@code forall},
 * {@code from collect}, {@code accumulate} with the built-in functions, and
 * {@code insert}, {@code insertLogical} with {@code kcontext} handed to the evidence
 * helpers;</li>
 * <li>the attributes {@code salience} (a whole number), {@code no-loop} and
 * {@code dialect "java"|"mvel"}.</li>
 * </ul>
 * Everything else is refused with its file and line: other types or names (so no
 * {@code Runtime}, {@code System}, {@code Thread}, {@code Class}, {@code getClass},
 * files, sockets), {@code function}, {@code eval}, {@code declare}, {@code global},
 * {@code query}, {@code from} an expression, inline accumulate code, other imports,
 * braces (blocks, anonymous classes, initialisers), lambdas, method references,
 * annotations, arrays and unicode escapes. The check is an allow-list on every name in
 * the text — both dialects are refused the same way, since the same names are needed to
 * do harm in either — and a second pass over the parsed rules (Drools' own DRL parser)
 * for the constructs that need their context.
 */
public final class DrlAllowList {

	/** The fact model: every class a rule may name. */
	static final List<Class<?>> TYPES = List.of(CommuneFacts.class, Classification.class, CommuneOutcome.class,
			Verdict.class, AreaFacts.class, CriterionEvidence.class, Gap.class, Measure.class, Persons.class,
			PlantFinding.class, Rate.class, RouteFinding.class, Tally.class, Threshold.class,
			UsersOutsideExemptions.class, Warning.class, ProvinceClassification.class, ProvinceFacts.class,
			ProvinceOutcome.class, ProvinceVerdict.class, Law.class);

	/** The package a rule file may declare. */
	static final String PACKAGE = "vn.drugcontrol.rules";

	/**
	 * Or a package of its own below it (the benchmark's copies), though not the engine's:
	 * a simple name resolves in a file's own package.
	 */
	private static final Pattern SUB_PACKAGE = Pattern
		.compile("vn\\.drugcontrol\\.rules\\.(?!engine$|law$)[a-z][a-z0-9]*");

	/**
	 * Methods of the JDK values the fact model hands out, needed for plain comparisons:
	 * {@code size}, {@code isEmpty}, {@code contains} on a collected {@code List} or a
	 * {@code Set}; {@code intValue}, {@code longValue} on an accumulate's {@code Number};
	 * {@code signum}, {@code compareTo} on a {@code BigDecimal}; {@code equals},
	 * {@code name} on any value or enum constant.
	 */
	static final Set<String> JDK_METHODS = Set.of("size", "isEmpty", "contains", "intValue", "longValue", "signum",
			"compareTo", "equals", "name");

	/** DRL and Java words rules need, none of which runs anything by itself. */
	private static final Set<String> KEYWORDS = Set.of("package", "import", "rule", "when", "then", "end", "not",
			"exists", "forall", "and", "or", "from", "collect", "accumulate", "in", "true", "false", "null", "salience",
			"no-loop", "dialect", "new", "insert", "insertLogical", "kcontext", "int", "long", "boolean", "String",
			"List");

	/** The accumulate functions built into Drools, all plain arithmetic or collecting. */
	private static final Set<String> ACCUMULATE_FUNCTIONS = Set.of("count", "sum", "min", "max", "average",
			"collectList", "collectSet");

	/**
	 * Names never allowed, even if a fact-model class one day declares a member so
	 * called: reflection, class loading, processes, the session behind {@code kcontext}.
	 */
	private static final Set<String> NEVER = Set.of("class", "getClass", "forName", "getClassLoader", "classLoader",
			"loadClass", "invoke", "newInstance", "exec", "exit", "halt", "getRuntime", "runtime", "setAccessible",
			"getDeclaredMethod", "getDeclaredMethods", "getMethod", "getMethods", "getField", "getDeclaredField",
			"getConstructor", "getDeclaredConstructor", "getKieRuntime", "kieRuntime", "getKieBase", "getWorkingMemory",
			"getSession", "getDeclaringClass", "declaringClass", "wait", "notify", "notifyAll", "clone", "finalize",
			"start", "run", "sleep", "load", "loadLibrary", "getResource", "getResourceAsStream", "lookup",
			"describeConstable");

	private static final Set<String> TYPE_NAMES;

	private static final Set<String> MEMBER_NAMES;

	private static final Set<String> IMPORTS;

	private static final Set<String> LOCAL_TYPES = Set.of("int", "long", "boolean", "String");

	private static final Pattern LOCAL_NAME = Pattern.compile("[a-z][A-Za-z0-9]*");

	private static final Pattern BINDING = Pattern.compile("\\$[A-Za-z_][A-Za-z0-9_]*");

	private static final Pattern WHOLE_NUMBER = Pattern.compile("-?[0-9]+");

	/** A number literal, and nothing glued to it. */
	private static final Pattern NUMBER = Pattern
		.compile("[0-9][0-9_]*(\\.[0-9]+)?([eE][0-9]+)?[lLdDfFbB]?|0[xX][0-9a-fA-F_]+[lL]?");

	/** Operator characters a rule may use; braces, brackets, @, # and ` are not. */
	private static final String OPERATORS = "(),;.:=!<>+-*/%&|?";

	private static final int MAX_ERRORS_PER_FILE = 50;

	/** {@code @clause("4.1.a")}: the one annotation allowed, on a rule. */
	private static final Pattern CLAUSE_ANNOTATION = Pattern.compile("@clause\\s*\\(\\s*\"[^\"\\\\\\n]*\"\\s*\\)");

	static {
		Set<String> types = new TreeSet<>();
		Set<String> members = new TreeSet<>(JDK_METHODS);
		Set<String> imports = new TreeSet<>(Set.of("java.util.List", "vn.drugcontrol.rules.commune.*",
				"vn.drugcontrol.rules.criteria.*", "vn.drugcontrol.rules.province.*"));
		for (Class<?> type : TYPES) {
			types.add(type.getSimpleName());
			imports.add(type.getName());
			for (Method method : type.getDeclaredMethods()) {
				if (Modifier.isPublic(method.getModifiers()) && !method.isSynthetic()) {
					members.add(method.getName());
					String property = property(method.getName());
					if (property != null) {
						members.add(property);
					}
				}
			}
			for (Field field : type.getDeclaredFields()) {
				// enum constants and constants: a rule reads them, never assigns them
				if (Modifier.isPublic(field.getModifiers()) && Modifier.isFinal(field.getModifiers())) {
					members.add(field.getName());
				}
			}
			if (type.isRecord()) {
				for (RecordComponent component : type.getRecordComponents()) {
					members.add(component.getName());
				}
			}
		}
		members.removeAll(NEVER);
		members.removeAll(types);
		TYPE_NAMES = Collections.unmodifiableSet(types);
		MEMBER_NAMES = Collections.unmodifiableSet(members);
		IMPORTS = Collections.unmodifiableSet(imports);
	}

	private DrlAllowList() {
	}

	/** Every name a rule may use, beyond bindings and locals: for the documentation. */
	static Set<String> allowedNames() {
		Set<String> all = new TreeSet<>(KEYWORDS);
		all.addAll(ACCUMULATE_FUNCTIONS);
		all.addAll(TYPE_NAMES);
		all.addAll(MEMBER_NAMES);
		return all;
	}

	/**
	 * Checks every file of a rule set.
	 * @return what is not allowed, by file and line; empty when the rule set may be
	 * compiled
	 */
	public static List<CompileError> check(RuleSetSource source) {
		Map<String, String> drl = new TreeMap<>(source.files());
		drl.keySet().removeIf(LawBook::isLawFile);
		return check(drl);
	}

	/** Checks DRL files by path. */
	static List<CompileError> check(Map<String, String> drl) {
		List<CompileError> errors = new ArrayList<>();
		new TreeMap<>(drl).forEach((path, text) -> errors.addAll(check(path, text)));
		return errors;
	}

	/**
	 * The tokens of a DRL file, as the check reads them (what it refuses is left out).
	 */
	static List<Token> tokens(String file, String text) {
		return lex(file, text, new ArrayList<>());
	}

	/** Checks one DRL file. */
	static List<CompileError> check(String file, String text) {
		List<CompileError> errors = new ArrayList<>();
		List<Token> tokens = lex(file, text, errors);
		if (errors.isEmpty()) {
			checkNames(file, tokens, errors);
		}
		if (errors.isEmpty()) {
			checkParsed(file, text, errors);
		}
		errors.sort(Comparator.comparingInt(CompileError::line));
		return errors.size() > MAX_ERRORS_PER_FILE ? List.copyOf(errors.subList(0, MAX_ERRORS_PER_FILE)) : errors;
	}

	private static String property(String method) {
		for (String prefix : List.of("get", "is")) {
			if (method.length() > prefix.length() && method.startsWith(prefix)
					&& Character.isUpperCase(method.charAt(prefix.length()))) {
				return Character.toLowerCase(method.charAt(prefix.length())) + method.substring(prefix.length() + 1);
			}
		}
		return null;
	}

	enum Kind {

		NAME, NUMBER, STRING, OPERATOR

	}

	record Token(Kind kind, String text, int line) {

		boolean is(String s) {
			return text.equals(s) && kind != Kind.STRING;
		}

	}

	/**
	 * Splits DRL text into names, numbers, strings and operators, the way Java, MVEL and
	 * the DRL parser all read it. Whatever they might read differently is refused here:
	 * unicode escapes (Java decodes them even inside comments and strings), {@code #}
	 * comments, text blocks, strings across lines, and any character that is not an
	 * allowed operator.
	 */
	private static List<Token> lex(String file, String text, List<CompileError> errors) {
		List<Token> tokens = new ArrayList<>();
		int line = 1;
		// a byte-order mark some editors save: before the package, read by no compiler
		int i = text.startsWith("\uFEFF") ? 1 : 0;
		int n = text.length();
		while (i < n && errors.size() <= MAX_ERRORS_PER_FILE) {
			char c = text.charAt(i);
			if (c == '\\' && i + 1 < n && text.charAt(i + 1) == 'u') {
				errors.add(new CompileError(file, line,
						"a unicode escape (\\u) is not allowed in rules: write the character itself"));
				i += 2;
			}
			else if (c == '\n') {
				line++;
				i++;
			}
			else if (c == '\r' && !(i + 1 < n && text.charAt(i + 1) == '\n') || c == '\u0085' || c == '\u2028'
					|| c == '\u2029') {
				// a line break to some readers and not to others: a comment could hide
				// code
				errors.add(new CompileError(file, line,
						"a line break other than \n or \r\n is not allowed in rules: save the file with plain line ends"));
				i++;
			}
			else if (Character.isWhitespace(c)) {
				i++;
			}
			else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
				while (i < n && text.charAt(i) != '\n' && text.charAt(i) != '\r') {
					i = escapeCheck(file, text, i, line, errors);
				}
			}
			else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
				int start = line;
				i += 2;
				while (i < n && !(text.charAt(i) == '*' && i + 1 < n && text.charAt(i + 1) == '/')) {
					if (text.charAt(i) == '\n') {
						line++;
					}
					i = escapeCheck(file, text, i, line, errors);
				}
				if (i >= n) {
					errors.add(new CompileError(file, start, "a comment is not closed"));
				}
				i += 2;
			}
			else if (c == '"' || c == '\'') {
				if (c == '"' && text.startsWith("\"\"\"", i)) {
					errors.add(new CompileError(file, line, "text blocks (\"\"\") are not allowed in rules"));
					i += 3;
					continue;
				}
				int start = i++;
				boolean closed = false;
				while (i < n) {
					char d = text.charAt(i);
					if (d == '\n' || d == '\r') {
						break;
					}
					if (d == '\u0085' || d == '\u2028' || d == '\u2029') {
						i = escapeCheck(file, text, i, line, errors);
						continue;
					}
					if (d == '\\') {
						if (i + 1 < n && text.charAt(i + 1) == 'u') {
							i = escapeCheck(file, text, i, line, errors);
							continue;
						}
						i += 2;
						continue;
					}
					i++;
					if (d == c) {
						closed = true;
						break;
					}
				}
				if (!closed) {
					errors.add(new CompileError(file, line, "a string is not closed on its line"));
				}
				tokens.add(new Token(Kind.STRING, text.substring(start, Math.min(i, n)), line));
			}
			else if (Character.isJavaIdentifierStart(c)) {
				int start = i;
				while (i < n && Character.isJavaIdentifierPart(text.charAt(i))) {
					i++;
				}
				String name = text.substring(start, i);
				// DRL's hyphenated attribute, read as one word
				if (name.equals("no") && text.startsWith("-loop", i)
						&& (i + 5 >= n || !Character.isJavaIdentifierPart(text.charAt(i + 5)))) {
					name = "no-loop";
					i += 5;
				}
				tokens.add(new Token(Kind.NAME, name, line));
			}
			else if (Character.isDigit(c)) {
				int start = i;
				while (i < n && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_'
						|| text.charAt(i) == '.' && i + 1 < n && Character.isDigit(text.charAt(i + 1)))) {
					i++;
				}
				String number = text.substring(start, i);
				if (!NUMBER.matcher(number).matches()) {
					errors.add(new CompileError(file, line, "'" + number + "' is not a number"));
				}
				tokens.add(new Token(Kind.NUMBER, number, line));
			}
			else if (c == '@' && CLAUSE_ANNOTATION.matcher(text).region(i, n).lookingAt()) {
				// the one annotation a rule may carry: the clauses it implements
				tokens.add(new Token(Kind.OPERATOR, "@", line));
				i++;
			}
			else if (OPERATORS.indexOf(c) >= 0) {
				String op = String.valueOf(c);
				if (i + 1 < n && (c == '-' && text.charAt(i + 1) == '>' || c == ':' && text.charAt(i + 1) == ':')) {
					errors.add(new CompileError(file, line, "'" + c + text.charAt(i + 1)
							+ "' is not allowed in rules: no lambdas or method references"));
					i += 2;
					continue;
				}
				tokens.add(new Token(Kind.OPERATOR, op, line));
				i++;
			}
			else {
				errors
					.add(new CompileError(file, line,
							"'" + c + "' is not allowed in rules" + (c == '{' || c == '}'
									? ": no blocks, anonymous classes or initialisers"
									: c == '@' ? ": no annotations" : c == '[' || c == ']' ? ": no arrays" : "")));
				i++;
			}
		}
		return tokens;
	}

	/** One character of a comment or string: refuses a unicode escape. */
	private static int escapeCheck(String file, String text, int i, int line, List<CompileError> errors) {
		char c = text.charAt(i);
		if (c == '\r' && !(i + 1 < text.length() && text.charAt(i + 1) == '\n') || c == '\u0085' || c == '\u2028'
				|| c == '\u2029') {
			errors.add(new CompileError(file, line,
					"a line break other than \n or \r\n is not allowed in rules: save the file with plain line ends"));
			return i + 1;
		}
		if (text.charAt(i) == '\\' && i + 1 < text.length() && text.charAt(i + 1) == 'u') {
			errors.add(new CompileError(file, line,
					"a unicode escape (\\u) is not allowed in rules, not even in a comment or string: write the character itself"));
			return i + 2;
		}
		return i + 1;
	}

	/** Every name must be on the allow-list, and a few need what follows them to be. */
	private static void checkNames(String file, List<Token> tokens, List<CompileError> errors) {
		Set<String> locals = new HashSet<>();
		Map<Integer, Set<String>> refused = new TreeMap<>();
		for (int i = 0; i < tokens.size() && errors.size() <= MAX_ERRORS_PER_FILE; i++) {
			Token t = tokens.get(i);
			if (t.kind() != Kind.NAME) {
				continue;
			}
			String name = t.text();
			Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
			switch (name) {
				case "package", "import" -> {
					StringBuilder qualified = new StringBuilder();
					int j = i + 1;
					while (j < tokens.size()
							&& (tokens.get(j).kind() == Kind.NAME || tokens.get(j).is(".") || tokens.get(j).is("*"))
							&& tokens.get(j).line() == t.line()) {
						qualified.append(tokens.get(j).text());
						j++;
					}
					String q = qualified.toString();
					boolean allowed = name.equals("package") ? q.equals(PACKAGE) || SUB_PACKAGE.matcher(q).matches()
							: IMPORTS.contains(q);
					if (!allowed) {
						errors.add(new CompileError(file, t.line(), name.equals("package")
								? "package '" + q + "' is not allowed: rule files are in package " + PACKAGE
										+ " or a package of their own below it"
								: "import '" + q
										+ "' is not allowed: rules may import only the fact model (vn.drugcontrol.rules.commune, .criteria, .province) and java.util.List"));
					}
					i = j - 1;
				}
				case "salience" -> {
					String value = next != null && next.is("-") && i + 2 < tokens.size()
							? "-" + tokens.get(i + 2).text() : next != null ? next.text() : "";
					if (!WHOLE_NUMBER.matcher(value).matches()) {
						errors.add(
								new CompileError(file, t.line(), "salience must be a whole number, not an expression"));
					}
				}
				case "dialect" -> {
					if (next == null || !(next.text().equals("\"java\"") || next.text().equals("\"mvel\""))) {
						errors.add(new CompileError(file, t.line(), "dialect must be \"java\" or \"mvel\""));
					}
				}
				case "new" -> {
					Token after = i + 2 < tokens.size() ? tokens.get(i + 2) : null;
					if (next == null || next.kind() != Kind.NAME || !TYPE_NAMES.contains(next.text()) || after == null
							|| !after.is("(")) {
						errors.add(new CompileError(file, t.line(), "'new " + (next != null ? next.text() : "")
								+ "' is not allowed: rules may create only fact-model objects"));
					}
					i++;
				}
				case "from" -> {
					if (next == null || !(next.is("collect") || next.is("accumulate"))) {
						errors.add(new CompileError(file, t.line(),
								"'from' an expression is not allowed: only 'from collect' and 'from accumulate'"));
					}
				}
				case "clause" -> {
					boolean annotation = i > 0 && tokens.get(i - 1).is("@");
					if (!annotation && !isAllowed(name) && !locals.contains(name)) {
						refused.computeIfAbsent(t.line(), l -> new LinkedHashSet<>()).add(name);
					}
				}
				case "kcontext" -> {
					if (next != null && next.is(".")) {
						errors.add(new CompileError(file, t.line(),
								"kcontext may only be handed to the evidence helpers, not used directly"));
					}
				}
				default -> {
					if (LOCAL_TYPES.contains(name) && next != null && next.kind() == Kind.NAME && i + 2 < tokens.size()
							&& tokens.get(i + 2).is("=")) {
						String local = next.text();
						if (LOCAL_NAME.matcher(local).matches() && !NEVER.contains(local) && !isAllowed(local)) {
							locals.add(local);
							i++;
							continue;
						}
					}
					if (!isAllowed(name) && !locals.contains(name) && !BINDING.matcher(name).matches()) {
						refused.computeIfAbsent(t.line(), l -> new LinkedHashSet<>()).add(name);
					}
				}
			}
		}
		reportRefused(file, refused, errors);
	}

	/** One error per line: what that line names that is not allowed. */
	private static void reportRefused(String file, Map<Integer, Set<String>> refused, List<CompileError> errors) {
		refused.forEach((line, names) -> {
			List<String> plain = new ArrayList<>();
			for (String name : names) {
				if (SPECIAL.contains(name)) {
					errors.add(new CompileError(file, line, refusal(name)));
				}
				else {
					plain.add("'" + name + "'");
				}
			}
			if (!plain.isEmpty()) {
				errors.add(new CompileError(file, line,
						String.join(", ", plain) + (plain.size() == 1 ? " is" : " are") + " not allowed" + WHY));
			}
		});
	}

	private static boolean isAllowed(String name) {
		return KEYWORDS.contains(name) || ACCUMULATE_FUNCTIONS.contains(name) || TYPE_NAMES.contains(name)
				|| MEMBER_NAMES.contains(name);
	}

	/** The DRL words refused with a reason of their own. */
	private static final Set<String> SPECIAL = Set.of("function", "eval", "declare", "global", "query", "modify",
			"update", "delete", "retract");

	private static final String WHY = ": rules may name only the fact model, its members, bindings ($name) and plain"
			+ " comparisons (docs/rules-authoring.md, allow-list)";

	private static String refusal(String name) {
		String why = switch (name) {
			case "function" -> "functions are not allowed";
			case "eval" -> "eval is not allowed (write the condition as a pattern constraint)";
			case "declare" -> "declared types are not allowed (rules use the fact model)";
			case "global" -> "globals are not allowed";
			case "query" -> "queries are not allowed";
			case "modify", "update", "delete", "retract" -> "'" + name + "' is not allowed (rules only insert facts)";
			default -> "'" + name + "' is not allowed";
		};
		return why + WHY;
	}

	/**
	 * The constructs that need their context, on the rules as Drools' parser reads them.
	 * Text the parser refuses is left to the compiler, which reports it the same way.
	 */
	private static void checkParsed(String file, String text, List<CompileError> errors) {
		DrlParser parser = new DrlParser();
		PackageDescr pkg;
		try {
			pkg = parser.parse(false, text);
		}
		catch (DroolsParserException | RuntimeException ex) {
			return;
		}
		if (pkg == null || parser.hasErrors()) {
			return;
		}
		refuse(file, pkg.getFunctions(), "functions are not allowed", errors);
		refuse(file, pkg.getGlobals(), "globals are not allowed", errors);
		refuse(file, pkg.getTypeDeclarations(), "declared types are not allowed", errors);
		refuse(file, pkg.getEnumDeclarations(), "declared enums are not allowed", errors);
		refuse(file, pkg.getFunctionImports(), "static and function imports are not allowed", errors);
		refuse(file, pkg.getAccumulateImports(), "accumulate imports are not allowed", errors);
		refuse(file, pkg.getEntryPointDeclarations(), "entry points are not allowed", errors);
		refuse(file, pkg.getWindowDeclarations(), "windows are not allowed", errors);
		for (ImportDescr imported : pkg.getImports()) {
			if (!IMPORTS.contains(imported.getTarget())) {
				errors.add(new CompileError(file, imported.getLine(),
						"import '" + imported.getTarget() + "' is not allowed"));
			}
		}
		for (AttributeDescr attribute : pkg.getAttributes()) {
			checkAttribute(file, attribute, errors);
		}
		for (RuleDescr rule : pkg.getRules()) {
			if (rule instanceof QueryDescr) {
				errors.add(new CompileError(file, rule.getLine(), "queries are not allowed"));
				continue;
			}
			if (rule.getParentName() != null) {
				errors.add(new CompileError(file, rule.getLine(), "rule inheritance (extends) is not allowed"));
			}
			for (AnnotationDescr annotation : rule.getAnnotations()) {
				if (!annotation.getName().equals("clause")) {
					errors.add(new CompileError(file, annotation.getLine() > 0 ? annotation.getLine() : rule.getLine(),
							"annotations are not allowed, except @clause(\"…\") naming the clauses a rule implements"));
				}
			}
			for (AttributeDescr attribute : rule.getAttributes().values()) {
				checkAttribute(file, attribute, errors);
			}
			if (!rule.getNamedConsequences().isEmpty()) {
				errors.add(new CompileError(file, rule.getLine(), "named consequences are not allowed"));
			}
			if (rule.getLhs() != null) {
				checkConditions(file, rule.getLhs(), errors);
			}
		}
	}

	private static void refuse(String file, Iterable<? extends BaseDescr> descrs, String why,
			List<CompileError> errors) {
		for (BaseDescr descr : descrs) {
			errors.add(new CompileError(file, Math.max(descr.getLine(), 0), why));
		}
	}

	private static void checkAttribute(String file, AttributeDescr attribute, List<CompileError> errors) {
		String value = attribute.getValue() == null ? "" : attribute.getValue().strip();
		boolean allowed = switch (attribute.getName()) {
			case "salience" -> WHOLE_NUMBER.matcher(value).matches();
			case "no-loop" -> true;
			case "dialect" -> value.equals("java") || value.equals("mvel");
			default -> false;
		};
		if (!allowed) {
			errors.add(new CompileError(file, Math.max(attribute.getLine(), 0), "attribute '" + attribute.getName()
					+ " " + value + "' is not allowed: only salience (a whole number), no-loop and dialect"));
		}
	}

	/** Patterns, not/exists/forall/and/or, from collect and accumulate of built-ins. */
	private static void checkConditions(String file, BaseDescr descr, List<CompileError> errors) {
		if (descr instanceof PatternDescr pattern) {
			String type = pattern.getObjectType();
			PatternSourceDescr source = pattern.getSource();
			// a stand-alone accumulate( … ) is read as Object() from accumulate( … )
			boolean accumulated = "Object".equals(type) && source instanceof AccumulateDescr;
			if (type != null && !accumulated && !TYPE_NAMES.contains(type) && !type.equals("List")
					&& !IMPORTS.contains(type)) {
				errors.add(new CompileError(file, pattern.getLine(),
						"pattern type '" + type + "' is not allowed: match the fact model"));
			}
			if (source instanceof CollectDescr collect) {
				checkConditions(file, collect.getInputPattern(), errors);
			}
			else if (source instanceof AccumulateDescr accumulate) {
				checkAccumulate(file, accumulate, errors);
			}
			else if (source != null) {
				errors.add(new CompileError(file, Math.max(source.getLine(), pattern.getLine()),
						"'from' " + source.getClass().getSimpleName().replace("Descr", "").toLowerCase()
								+ " is not allowed: only 'from collect' and 'from accumulate'"));
			}
		}
		else if (descr instanceof AccumulateDescr accumulate) {
			checkAccumulate(file, accumulate, errors);
		}
		else if (descr instanceof ConditionalElementDescr element
				&& Set.of("AndDescr", "OrDescr", "NotDescr", "ExistsDescr", "ForallDescr")
					.contains(descr.getClass().getSimpleName())) {
			for (Object child : element.getDescrs()) {
				checkConditions(file, (BaseDescr) child, errors);
			}
		}
		else {
			errors.add(new CompileError(file, Math.max(descr.getLine(), 0), "condition '"
					+ descr.getClass().getSimpleName().replace("Descr", "").toLowerCase() + "' is not allowed"));
		}
	}

	private static void checkAccumulate(String file, AccumulateDescr accumulate, List<CompileError> errors) {
		if (!accumulate.isExternalFunction()) {
			errors.add(new CompileError(file, accumulate.getLine(),
					"inline accumulate code (init/action/result) is not allowed: use count, sum, min, max, average, collectList or collectSet"));
			return;
		}
		for (AccumulateDescr.AccumulateFunctionCallDescr function : accumulate.getFunctions()) {
			if (!ACCUMULATE_FUNCTIONS.contains(function.getFunction())) {
				errors.add(new CompileError(file, accumulate.getLine(),
						"accumulate function '" + function.getFunction() + "' is not allowed"));
			}
		}
		if (accumulate.getInput() != null) {
			checkConditions(file, accumulate.getInput(), errors);
		}
	}

	/** For tests: the names derived from the fact model. */
	static Map<String, Set<String>> derived() {
		return Map.of("types", TYPE_NAMES, "members", MEMBER_NAMES, "imports", IMPORTS);
	}

}
