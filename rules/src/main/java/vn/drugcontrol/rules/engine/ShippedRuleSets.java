package vn.drugcontrol.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import vn.drugcontrol.rules.ledger.Ledger;
import vn.drugcontrol.rules.ledger.Reading;

/**
 * The rule sets that ship with the engine, read from DRL text on the classpath (and
 * compiled at run time like any analyst's rule set): {@value #DEFAULT}, the cumulative
 * reading used unless told otherwise, and {@value #LITERAL}, the exclusive-bands reading.
 */
public final class ShippedRuleSets {

	public static final String DEFAULT = "default";

	public static final String LITERAL = "literal";

	private static final String ROOT = "vn/drugcontrol/rules/";

	private static final Map<String, RuleSet> COMPILED = new java.util.concurrent.ConcurrentHashMap<>();

	private ShippedRuleSets() {
	}

	public static List<String> names() {
		return List.of(DEFAULT, LITERAL);
	}

	/** The DRL text of a shipped rule set. */
	public static RuleSetSource source(String name) {
		Properties manifest = load();
		Reading reading = reading(name);
		Map<String, String> texts = new LinkedHashMap<>();
		Arrays.stream(manifest.getProperty("shared.files").split(","))
			.map(String::strip)
			.forEach(path -> texts.put(path, read(ROOT + path)));
		Ledger.shipped().files(reading).forEach(path -> texts.put(path, read(ROOT + path)));
		return new RuleSetSource(name, manifest.getProperty(name + ".label"), texts);
	}

	/**
	 * The reading a shipped rule set takes: one option of every switch of the ledger
	 * ({@value Ledger#SWITCHES}), as its manifest names them; its bundle is the shared
	 * files plus those options' files.
	 */
	public static Reading reading(String name) {
		String spec = load().getProperty(name + ".reading");
		if (spec == null) {
			throw new IllegalArgumentException("no shipped rule set '" + name + "'; there are " + names());
		}
		return Ledger.shipped().reading(name, spec);
	}

	/**
	 * The scenario tables shipped with a rule set (CSV text by path): communes with the
	 * class and criteria analysts expect, checked whenever the bundle is loaded.
	 */
	public static Map<String, String> scenarios(String name) {
		source(name);
		String files = load().getProperty(name + ".scenarios", "");
		Map<String, String> texts = new LinkedHashMap<>();
		Arrays.stream(files.split(","))
			.map(String::strip)
			.filter(path -> !path.isEmpty())
			.forEach(path -> texts.put(path, read(ROOT + path)));
		return texts;
	}

	/** A shipped rule set, compiled once per JVM. */
	public static RuleSet compiled(String name) {
		return COMPILED.computeIfAbsent(name, n -> RuleSet.compile(source(n)));
	}

	/**
	 * Starts compiling the shipped rule sets on a thread of its own, so that an
	 * application can do its other start-up work meanwhile; whoever asks for one before
	 * it is ready waits for this same compilation. A rule set that fails to compile fails
	 * again, with its errors, for whoever asks for it.
	 */
	public static void compileInBackground() {
		Thread compiling = new Thread(() -> names().forEach(ShippedRuleSets::compiled), "compile-shipped-rule-sets");
		compiling.setDaemon(true);
		compiling.start();
	}

	public static RuleSet defaultReading() {
		return compiled(DEFAULT);
	}

	public static RuleSet literalReading() {
		return compiled(LITERAL);
	}

	private static Properties load() {
		Properties p = new Properties();
		try (InputStream in = stream(ROOT + "rulesets.properties")) {
			p.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		return p;
	}

	private static String read(String resource) {
		try (InputStream in = stream(resource)) {
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream stream(String resource) {
		InputStream in = ShippedRuleSets.class.getClassLoader().getResourceAsStream(resource);
		if (in == null) {
			throw new IllegalStateException("missing resource " + resource);
		}
		return in;
	}

}
