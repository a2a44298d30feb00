package vn.drugcontrol.rules.engine;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import vn.drugcontrol.rules.commune.CommuneFacts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

/**
 * An analyst's upload must not run code: every escape from the fact model is refused with
 * its file and line before anything is compiled, and none of it runs. Each attack here
 * compiled and ran before the allow-list (issue 13, item 1).
 */
class DrlAllowListTest {

	private static final String FILE = "analyst/attack.drl";

	@TempDir
	static Path dir;

	/** A file a successful attack would create (or the path it would touch). */
	private static String marker(String name) {
		return dir.resolve(name).toString();
	}

	private static String header(String dialect) {
		return """
				package vn.drugcontrol.rules;

				import vn.drugcontrol.rules.commune.CommuneFacts;
				import vn.drugcontrol.rules.criteria.Warning;

				""" + (dialect == null ? "" : "dialect \"" + dialect + "\"\n\n");
	}

	/** A rule whose consequence is the attack, on a line marked {@code // here}. */
	private static String consequence(String dialect, String code) {
		return header(dialect) + """
				rule "attack"
				    @clause("precedence")
				when
				    $c : CommuneFacts()
				then
				    %s // here
				end
				""".formatted(code);
	}

	/** The shipped default rule set plus the analyst's file: a real upload. */
	private static RuleSetSource withDefault(String text) {
		Map<String, String> files = new LinkedHashMap<>(ShippedRuleSets.source(ShippedRuleSets.DEFAULT).files());
		files.put(FILE, text);
		return new RuleSetSource("attack", "attack", files);
	}

	private static int lineOf(String text, String mark) {
		List<String> lines = List.of(text.split("\n", -1));
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).contains(mark)) {
				return i + 1;
			}
		}
		throw new IllegalArgumentException("no line with " + mark);
	}

	/**
	 * Compiling (and, if it ever compiled, classifying) is refused at the marked line.
	 */
	private static void assertRefusedAtMarkedLine(String text) {
		RuleSetCompilationException ex = catchThrowableOfType(RuleSetCompilationException.class, () -> {
			RuleSet ruleSet = RuleSet.compile(withDefault(text));
			// were it accepted, this is when the attack would run
			ruleSet.classify(CommuneFacts.builder("01234").build());
		});
		assertThat(ex).as("refused").isNotNull();
		assertThat(ex.errors()).isNotEmpty().allSatisfy(e -> assertThat(e.file()).isEqualTo(FILE));
		assertThat(ex.errors()).anySatisfy(e -> assertThat(e.line()).isEqualTo(lineOf(text, "// here")));
		assertThat(ex).hasMessageContaining(FILE + ":" + lineOf(text, "// here"));
	}

	static Stream<Arguments> consequenceEscapes() {
		return Stream.of("java", "mvel", null).flatMap(dialect -> {
			String d = dialect == null ? "default" : dialect;
			return Stream.of(
					Arguments.of(dialect, "file write",
							"java.nio.file.Files.writeString(java.nio.file.Path.of(\"" + marker("written-" + d)
									+ "\"), \"pwned\");",
							"written-" + d),
					Arguments.of(dialect, "file write, imported type",
							"new java.io.File(\"" + marker("created-" + d) + "\").createNewFile();", "created-" + d),
					Arguments.of(dialect, "process start",
							"new ProcessBuilder(\"touch\", \"" + marker("process-" + d) + "\").start();",
							"process-" + d),
					Arguments.of(dialect, "Runtime.exec",
							"Runtime.getRuntime().exec(\"touch " + marker("exec-" + d) + "\");", "exec-" + d),
					Arguments.of(dialect, "reflection",
							"Class.forName(\"java.lang.Runtime\").getMethod(\"getRuntime\").invoke(null);", null),
					Arguments.of(dialect, "reflection from a fact",
							"$c.getClass().getClassLoader().loadClass(\"java.lang.Runtime\");", null),
					Arguments.of(dialect, "class loading",
							"Thread.currentThread().getContextClassLoader().loadClass(\"java.lang.ProcessBuilder\");",
							null),
					Arguments.of(dialect, "network", "new java.net.Socket(\"127.0.0.1\", 9);", null),
					Arguments.of(dialect, "reading /etc/passwd into a warning",
							"insert(Warning.raise(kcontext, $c.communeCode(), \"X\", java.nio.file.Files.readString(java.nio.file.Path.of(\"/etc/passwd\")), \"x\"));",
							null),
					Arguments.of(dialect, "System.exit", "System.exit(3);", null),
					Arguments.of(dialect, "Thread.sleep", "Thread.sleep(60000);", null),
					Arguments.of(dialect, "initialiser of an anonymous class",
							"insert(new Object() { { java.nio.file.Files.createFile(java.nio.file.Path.of(\""
									+ marker("initialiser-" + d) + "\")); } });",
							"initialiser-" + d),
					Arguments.of(dialect, "the session behind kcontext", "kcontext.getKieRuntime().halt();", null),
					Arguments.of(dialect, "a loop", "while (true) { }", null),
					Arguments.of(dialect, "a lambda", "insert((Runnable) () -> System.exit(3));", null),
					Arguments.of(dialect, "a unicode escape hiding code in a comment",
							"// \\u000a Runtime.getRuntime().exec(\"touch " + marker("unicode-" + d) + "\");",
							"unicode-" + d),
					Arguments.of(dialect, "a lone carriage return ending a comment early",
							"// nothing to see\rRuntime.getRuntime().exec(\"touch " + marker("cr-" + d) + "\");",
							"cr-" + d));
		}).map(a -> Arguments.of(a.get()[0] == null ? "default" : a.get()[0], a.get()[1], a.get()[2], a.get()[3]));
	}

	@ParameterizedTest(name = "{0} dialect: {1}")
	@MethodSource("consequenceEscapes")
	void anEscapeInAConsequenceIsRefusedAndNotRun(String dialect, String attack, String code, String markerName) {
		String text = consequence(dialect.equals("default") ? null : dialect, code);
		assertRefusedAtMarkedLine(text);
		if (markerName != null) {
			assertThat(dir.resolve(markerName)).as("nothing of the attack ran").doesNotExist();
		}
	}

	static Stream<Arguments> otherEscapes() {
		return Stream.of(Arguments.of("function", header("java") + """
				function String steal() { // here
				    return java.nio.file.Files.readString(java.nio.file.Path.of("/etc/passwd"));
				}
				"""), Arguments.of("eval", header("java") + """
				rule "eval"
				when
				    eval( System.getenv("HOME") != null ) // here
				then
				end
				"""), Arguments.of("declare", header("java") + """
				declare Evil // here
				    name : String
				end
				"""), Arguments.of("global", header("java") + """
				global java.util.List sink; // here
				"""), Arguments.of("import of a JDK type", header("java") + """
				import java.nio.file.Files; // here
				"""), Arguments.of("static import", header("java") + """
				import static java.lang.System.exit; // here
				"""), Arguments.of("import of the engine", header("java") + """
				import vn.drugcontrol.rules.engine.RuleSet; // here
				"""), Arguments.of("accumulate import", header("java") + """
				import accumulate com.example.Evil evil; // here
				"""), Arguments.of("from an expression", header("java") + """
				rule "from"
				when
				    $line : String() from java.nio.file.Files.readAllLines(java.nio.file.Path.of("/etc/passwd")) // here
				then
				end
				"""), Arguments.of("a constraint calling out", header("java") + """
				rule "constraint"
				when
				    CommuneFacts( communeCode == System.getProperty("user.name") ) // here
				then
				end
				"""), Arguments.of("a constraint in mvel navigating to the class", header("mvel") + """
				rule "constraint"
				when
				    CommuneFacts( this.class.classLoader != null ) // here
				then
				end
				"""), Arguments.of("salience expression", header("java") + """
				rule "salience"
				    salience ( Runtime.getRuntime().availableProcessors() ) // here
				when
				    CommuneFacts()
				then
				end
				"""),
				Arguments.of("inline accumulate code",
						header("java")
								+ """
										rule "accumulate"
										when
										    CommuneFacts( $code : communeCode )
										    Number() from accumulate( $c : CommuneFacts(), init( int n = 0; ), action( n++; ), result( n ) ) // here
										then
										end
										"""),
				Arguments.of("a pattern over a JDK type (refused on the parsed rules)", header("java") + """
						rule "strings"
						when
						    $s : String() // here
						then
						end
						"""), Arguments.of("query", header("java") + """
						query "everything" // here
						    CommuneFacts()
						end
						"""), Arguments.of("package elsewhere", """
						package java.lang; // here
						"""), Arguments.of("enabled expression", header("java") + """
						rule "enabled"
						    enabled ( System.exit(1) == null ) // here
						when
						    CommuneFacts()
						then
						end
						"""));
	}

	@ParameterizedTest(name = "{0}")
	@MethodSource("otherEscapes")
	void otherEscapesAreRefusedWithTheirFileAndLine(String attack, String text) {
		assertRefusedAtMarkedLine(text);
	}

	@Nested
	class WhatIsAllowed {

		@Test
		void theShippedRuleSetsPass() {
			for (String name : ShippedRuleSets.names()) {
				assertThat(DrlAllowList.check(ShippedRuleSets.source(name))).as(name).isEmpty();
			}
		}

		@Test
		void aPlainRuleInEitherDialectPasses() {
			for (String dialect : new String[] { "java", "mvel" }) {
				String text = consequence(dialect,
						"""
								long n = $c.population() - 1;
								    insert(Warning.raise(kcontext, $c.communeCode(), "CHECK", "kiểm tra " + n, "check " + n));""");
				assertThat(DrlAllowList.check(FILE, text)).as(dialect).isEmpty();
				assertThat(
						RuleSet.compile(withDefault(text)).classify(CommuneFacts.builder("01234").build()).warnings())
					.as(dialect)
					.anySatisfy(w -> assertThat(w.code()).isEqualTo("CHECK"));
			}
		}

		@Test
		void aCopyInAPackageOfItsOwnPassesButNotInTheEngines() {
			String tally = ShippedRuleSets.source(ShippedRuleSets.DEFAULT).files().get("common/tally.drl");
			String copy = tally.replace("package vn.drugcontrol.rules;", "package vn.drugcontrol.rules.generated2;");
			assertThat(DrlAllowList.check("copy.drl", copy)).isEmpty();
			assertThat(DrlAllowList.check("copy.drl", copy.replace("generated2", "engine"))).singleElement()
				.satisfies(e -> assertThat(e.line()).isEqualTo(1));
		}

		@Test
		void theFactModelIsEveryClassOfItsPackagesAndNothingElse() throws IOException, URISyntaxException {
			Path classes = Path.of(CommuneFacts.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Set<String> found = new TreeSet<>();
			for (String pkg : List.of("commune", "criteria", "province")) {
				try (Stream<Path> files = Files.list(classes.resolve("vn/drugcontrol/rules/" + pkg))) {
					files.map(p -> p.getFileName().toString())
						.filter(f -> f.endsWith(".class") && !f.contains("$") && !f.equals("package-info.class"))
						.forEach(f -> found.add("vn.drugcontrol.rules." + pkg + "." + f.replace(".class", "")));
				}
			}
			// the facts contract's declaration sits beside the fact it declares, but no
			// rule
			// names it: rules read the facts, never how they are read
			found.remove("vn.drugcontrol.rules.commune.FactsColumn");
			// and, of the law's package, only the fact rules read it through
			found.add("vn.drugcontrol.rules.law.Law");
			assertThat(DrlAllowList.TYPES.stream().map(Class::getName)).containsExactlyInAnyOrderElementsOf(found);
		}

		@Test
		void noDangerousNameIsAllowed() {
			assertThat(DrlAllowList.allowedNames()).doesNotContain("class", "getClass", "forName", "getClassLoader",
					"loadClass", "invoke", "exec", "exit", "System", "Runtime", "Thread", "Class", "Object", "Files",
					"eval", "function", "declare", "global", "modify", "drools", "this");
		}

	}

	@Nested
	class TimeLimit {

		private static final String LOOP = header(null) + """
				import vn.drugcontrol.rules.criteria.Tally;

				rule "count for ever"
				    @clause("precedence")
				when
				    $t : Tally( met >= 0 )
				then
				    insert(new Tally($t.unitCode(), $t.article(), $t.met() + 1, $t.assessed()));
				end
				""";

		@Test
		void aRunawayRuleIsHaltedAtTheTimeLimit() {
			RuleSet runaway = RuleSet.compile(withDefault(LOOP))
				.withFiringLimit(Integer.MAX_VALUE)
				.withTimeLimit(Duration.ofMillis(300));
			assertThat(runaway.timeLimit()).isEqualTo(Duration.ofMillis(300));
			long started = System.nanoTime();
			RuleSetExecutionException ex = catchThrowableOfType(RuleSetExecutionException.class,
					() -> runaway.classify(CommuneFacts.builder("01234").build()));
			Duration took = Duration.ofNanos(System.nanoTime() - started);
			assertThat(ex).isNotNull().hasMessageContaining("time limit of 300 ms").hasMessageContaining("loop");
			assertThat(took).isLessThan(Duration.ofSeconds(5));
		}

		@Test
		void aRunawayRuleIsStoppedByTheFiringLimitFirstByDefault() {
			RuleSet runaway = RuleSet.compile(withDefault(LOOP));
			assertThat(runaway.timeLimit()).isEqualTo(RuleSet.DEFAULT_TIME_LIMIT);
			assertThat(catchThrowableOfType(RuleSetExecutionException.class,
					() -> runaway.classify(CommuneFacts.builder("01234").build())))
				.hasMessageContaining("fired");
		}

		@Test
		void theShippedRulesRunWellWithinATightLimit() {
			RuleSet shipped = ShippedRuleSets.defaultReading().withTimeLimit(Duration.ofSeconds(2));
			assertThat(shipped.classify(CommuneFacts.builder("01234").managedUsers(50).build()).classification())
				.isNotNull();
		}

	}

}
