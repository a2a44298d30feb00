package vn.drugcontrol.rules.ledger;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import vn.drugcontrol.rules.engine.CompileError;
import vn.drugcontrol.rules.engine.RuleSetSource;
import vn.drugcontrol.rules.law.Csv;

/**
 * The interpretation ledger, read from {@value #SWITCHES}: one row per option of a
 * switch, with the columns {@code switch, option, files, question_vi, question_en,
 * option_vi, option_en, sources, decided_by, decided_on} (the question on a switch's
 * first row; files separated by {@code ;}). Every problem is reported with its file and
 * line. Immutable.
 */
public final class Ledger {

	/** The ledger's path beside the law's files. */
	public static final String SWITCHES = "law/switches.csv";

	static final List<String> COLUMNS = List.of("switch", "option", "files", "question_vi", "question_en", "option_vi",
			"option_en", "sources", "decided_by", "decided_on");

	private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,63}");

	private static final String ROOT = "vn/drugcontrol/rules/";

	private static volatile Ledger shipped;

	private final Map<String, Switch> switches;

	private Ledger(Map<String, Switch> switches) {
		this.switches = switches;
	}

	/** The ledger shipped with the engine, its option files checked on the classpath. */
	public static Ledger shipped() {
		Ledger ledger = shipped;
		if (ledger == null) {
			List<CompileError> errors = new ArrayList<>();
			ledger = read(SWITCHES, text(SWITCHES),
					path -> Ledger.class.getClassLoader().getResource(ROOT + path) != null, errors);
			if (!errors.isEmpty()) {
				throw new IllegalStateException("the shipped ledger has problems: " + errors);
			}
			shipped = ledger;
		}
		return ledger;
	}

	/**
	 * Reads a ledger.
	 * @param exists whether a file an option names exists
	 * @param errors where each problem goes, at its line
	 */
	public static Ledger read(String file, String text, Predicate<String> exists, List<CompileError> errors) {
		Csv.Table table = Csv.read(text);
		Map<String, Switch> switches = new LinkedHashMap<>();
		if (!table.readable()) {
			errors.add(new CompileError(file, table.problemLine(), table.problem()));
			return new Ledger(switches);
		}
		List<String> missing = COLUMNS.stream().filter(c -> !table.columns().contains(c)).toList();
		if (!missing.isEmpty()) {
			errors.add(new CompileError(file, 1, "the ledger needs the columns " + String.join(", ", COLUMNS)
					+ "; missing: " + String.join(", ", missing)));
			return new Ledger(switches);
		}
		Map<String, String> ownerOfFile = new HashMap<>();
		for (Csv.Row row : table.rows()) {
			String switchId = row.get("switch");
			String optionId = row.get("option");
			List<String> problems = new ArrayList<>();
			if (!ID.matcher(switchId).matches()) {
				problems
					.add("the switch '" + switchId + "' is not a name (lower-case letters, digits, '-'), e.g. bands");
			}
			if (!ID.matcher(optionId).matches()) {
				problems.add("the option '" + optionId + "' is not a name (lower-case letters, digits, '-'), e.g. "
						+ "cumulative");
			}
			for (String column : List.of("option_vi", "option_en", "sources", "decided_by")) {
				if (row.get(column).isEmpty()) {
					problems.add(column + " is empty: every option says what it means, where it comes from and who "
							+ "decided it");
				}
			}
			LocalDate decidedOn = null;
			try {
				decidedOn = LocalDate.parse(row.get("decided_on"));
			}
			catch (DateTimeParseException ex) {
				problems.add("decided_on '" + row.get("decided_on") + "' is not a date (YYYY-MM-DD)");
			}
			List<String> files = Arrays.stream(row.get("files").split(";"))
				.map(String::strip)
				.filter(f -> !f.isEmpty())
				.toList();
			for (String f : files) {
				if (!exists.test(f)) {
					problems.add("the file " + f + " does not exist");
				}
				String owner = ownerOfFile.get(f);
				if (owner != null && !owner.startsWith(switchId + ":")) {
					problems.add("the file " + f + " belongs to " + owner + " already: one file serves one switch");
				}
			}
			Switch existing = switches.get(switchId);
			if (existing == null && (row.get("question_vi").isEmpty() || row.get("question_en").isEmpty())) {
				problems.add(
						"the first row of switch " + switchId + " states its question (question_vi, " + "question_en)");
			}
			if (existing != null && existing.option(optionId).isPresent()) {
				problems.add("switch " + switchId + " has the option " + optionId + " twice (also on line "
						+ existing.option(optionId).get().line() + ")");
			}
			if (!problems.isEmpty()) {
				problems.forEach(p -> errors.add(new CompileError(file, row.line(), p)));
				continue;
			}
			files.forEach(f -> ownerOfFile.putIfAbsent(f, switchId + ":" + optionId));
			Switch.Option option = new Switch.Option(optionId, files, row.get("option_vi"), row.get("option_en"),
					row.get("sources"), row.get("decided_by"), decidedOn, row.line());
			List<Switch.Option> options = new ArrayList<>(existing == null ? List.of() : existing.options());
			options.add(option);
			switches.put(switchId, existing == null
					? new Switch(switchId, row.get("question_vi"), row.get("question_en"), options, row.line())
					: new Switch(switchId, existing.questionVi(), existing.questionEn(), options, existing.line()));
		}
		for (Switch s : switches.values()) {
			if (s.hasAlternatives()) {
				s.options()
					.stream()
					.filter(o -> o.files().isEmpty())
					.forEach(o -> errors.add(new CompileError(file, o.line(), "switch " + s.id() + " has several "
							+ "options, so each names the files that implement it; " + o.id() + " names none")));
			}
		}
		if (switches.isEmpty() && errors.isEmpty()) {
			errors.add(new CompileError(file, 1, "the ledger has no switch"));
		}
		return new Ledger(switches);
	}

	public List<Switch> switches() {
		return List.copyOf(switches.values());
	}

	public Optional<Switch> find(String switchId) {
		return Optional.ofNullable(switches.get(switchId));
	}

	/**
	 * A reading as a manifest writes it, {@code bands:cumulative, type3-zero:…}: one
	 * option of every switch.
	 * @throws IllegalArgumentException naming each unknown switch or option, each switch
	 * given twice and each switch left out
	 */
	public Reading reading(String name, String spec) {
		Map<String, String> options = new LinkedHashMap<>();
		List<String> problems = new ArrayList<>();
		for (String part : spec.split(",")) {
			String choice = part.strip();
			if (choice.isEmpty()) {
				continue;
			}
			int colon = choice.indexOf(':');
			if (colon < 0) {
				problems.add("'" + choice + "' is not switch:option");
				continue;
			}
			String switchId = choice.substring(0, colon).strip();
			String optionId = choice.substring(colon + 1).strip();
			Switch s = switches.get(switchId);
			if (s == null) {
				problems.add("no switch '" + switchId + "' in " + SWITCHES + " (there are "
						+ String.join(", ", switches.keySet()) + ")");
			}
			else if (s.option(optionId).isEmpty()) {
				problems.add("switch " + switchId + " has no option '" + optionId + "' (it has "
						+ s.options().stream().map(Switch.Option::id).collect(Collectors.joining(", ")) + ")");
			}
			else if (options.putIfAbsent(switchId, optionId) != null) {
				problems.add("switch " + switchId + " is given twice");
			}
		}
		switches.keySet()
			.stream()
			.filter(id -> !options.containsKey(id) && problems.stream().noneMatch(p -> p.contains("'" + id + "'")))
			.forEach(id -> problems.add("switch " + id + " has no option: a reading takes one option of every switch"));
		if (!problems.isEmpty()) {
			throw new IllegalArgumentException("reading '" + name + "': " + String.join("; ", problems));
		}
		Map<String, String> ordered = new LinkedHashMap<>();
		switches.keySet().forEach(id -> ordered.put(id, options.get(id)));
		return new Reading(name, ordered);
	}

	/** The files a reading's options bring into its bundle, in the ledger's order. */
	public List<String> files(Reading reading) {
		Set<String> files = new LinkedHashSet<>();
		switches.values().forEach(s -> files.addAll(s.option(reading.option(s.id())).orElseThrow().files()));
		return List.copyOf(files);
	}

	/**
	 * The option of a switch a bundle takes, from its files: all of that option's files
	 * and none of another's. Empty when the files show none (a bundle edited outside the
	 * ledger, with files of its own).
	 */
	public Optional<Switch.Option> taken(Switch s, Set<String> paths) {
		List<Switch.Option> taken = s.options()
			.stream()
			.filter(o -> paths.containsAll(o.files()))
			.filter(o -> s.options()
				.stream()
				.filter(other -> other != o)
				.flatMap(other -> other.files().stream())
				.noneMatch(f -> !o.files().contains(f) && paths.contains(f)))
			.toList();
		return taken.size() == 1 ? Optional.of(taken.get(0)) : Optional.empty();
	}

	/**
	 * Every alternative of a bundle: for each switch with another option, the bundle with
	 * that one switch flipped — the option's files replaced by the other option's (their
	 * text from {@code textOf}), every other file kept, the law's parameters included.
	 */
	public List<Alternative> alternatives(RuleSetSource bundle, Function<String, String> textOf) {
		List<Alternative> alternatives = new ArrayList<>();
		for (Switch s : switches.values()) {
			if (!s.hasAlternatives()) {
				continue;
			}
			Optional<Switch.Option> from = taken(s, bundle.files().keySet());
			if (from.isEmpty()) {
				alternatives.add(new Alternative(s, null, null, null,
						"the rule set's files take no one option of this switch (the options' files: " + s.options()
							.stream()
							.map(o -> o.id() + " = " + String.join(" ", o.files()))
							.collect(Collectors.joining("; ")) + ")"));
				continue;
			}
			for (Switch.Option to : s.options()) {
				if (to == from.get()) {
					continue;
				}
				Map<String, String> files = new LinkedHashMap<>(bundle.files());
				from.get().files().forEach(files::remove);
				try {
					to.files().forEach(f -> files.put(f, textOf.apply(f)));
				}
				catch (RuntimeException ex) {
					alternatives.add(new Alternative(s, from.get(), to, null,
							"the files of option " + to.id() + " cannot be read: " + ex.getMessage()));
					continue;
				}
				alternatives.add(new Alternative(s, from.get(), to,
						new RuleSetSource(bundle.name() + "~" + s.id() + ":" + to.id(),
								bundle.label() + ", with " + s.id() + ": " + to.id(), files),
						null));
			}
		}
		return alternatives;
	}

	/**
	 * A shipped file's text, by its path in a bundle (e.g. for {@link #alternatives}).
	 */
	public static String text(String path) {
		try (InputStream in = resource(path)) {
			if (in == null) {
				throw new IllegalStateException("no shipped file " + path);
			}
			return new String(in.readAllBytes(), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static InputStream resource(String path) {
		return Ledger.class.getClassLoader().getResourceAsStream(ROOT + path);
	}

}
