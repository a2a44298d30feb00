package vn.drugcontrol.rules.engine;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;

import org.kie.api.KieBase;
import org.kie.api.event.rule.AfterMatchFiredEvent;
import org.kie.api.event.rule.DefaultAgendaEventListener;
import org.kie.api.io.ResourceType;
import org.kie.api.runtime.KieSession;
import org.kie.internal.builder.CompositeKnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilder;
import org.kie.internal.builder.KnowledgeBuilderConfiguration;
import org.kie.internal.builder.KnowledgeBuilderError;
import org.kie.internal.builder.KnowledgeBuilderFactory;
import org.kie.internal.builder.conf.ParallelRulesBuildThresholdOption;
import org.kie.internal.io.ResourceFactory;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.commune.Verdict;
import vn.drugcontrol.rules.criteria.CriterionEvidence;
import vn.drugcontrol.rules.criteria.Gap;
import vn.drugcontrol.rules.criteria.Warning;
import vn.drugcontrol.rules.law.Law;
import vn.drugcontrol.rules.law.LawBook;
import vn.drugcontrol.rules.law.NoParameterValueException;
import vn.drugcontrol.rules.province.ProvinceFacts;
import vn.drugcontrol.rules.province.ProvinceOutcome;
import vn.drugcontrol.rules.province.ProvinceVerdict;

/**
 * A rule set compiled from DRL text, ready to classify. Compiling is the slow part (tens
 * of milliseconds to seconds); classifying opens one short-lived session per call, so one
 * instance serves any number of threads at once.
 */
public final class RuleSet {

	/** Rule firings allowed per fact before a run is stopped as a runaway rule set. */
	public static final int DEFAULT_FIRINGS_PER_FACT = 200;

	/**
	 * How long one session (up to {@value #COMMUNES_PER_SESSION} communes, or one
	 * province) may fire its rules before it is halted as a runaway: the shipped rules
	 * need a few milliseconds, so this only ever stops a rule set that loops.
	 */
	public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(10);

	/** Halts the sessions that run past their time limit: one daemon thread for all. */
	private static final ScheduledThreadPoolExecutor WATCHDOG = watchdog();

	/**
	 * Communes per session. Rules relate a commune only to its own facts, so a batch is
	 * cut into sessions of this size: working memory, its join indexes and its fact map
	 * stay small, which is three times faster per commune than one session for a province
	 * of thousands (docs/benchmarks.md).
	 */
	static final int COMMUNES_PER_SESSION = 100;

	/** By article, then point (a, b, …, đ): a plain comparison, no comparator chain. */
	private static final Comparator<CriterionEvidence> LAW_ORDER = (a, b) -> {
		int byArticle = a.article().compareTo(b.article());
		return byArticle != 0 ? byArticle : a.point().compareTo(b.point());
	};

	/** One type down first, then what Art. 6 needs; by criterion within each. */
	private static final Comparator<Gap> GAP_ORDER = Comparator.comparing((Gap g) -> g.towards().equals("DRUG_FREE"))
		.thenComparing(Gap::criterionId);

	private final RuleSetSource source;

	private final String contentHash;

	private final KieBase kieBase;

	private final Duration compileTime;

	private final RuleSetListener listener;

	private final Duration timeLimit;

	private final int firingsPerFact;

	/** The bundle's clause register and parameters; null for a bundle without them. */
	private final LawBook law;

	private RuleSet(RuleSetSource source, String contentHash, LawBook law, KieBase kieBase, Duration compileTime,
			RuleSetListener listener, Duration timeLimit, int firingsPerFact) {
		this.source = source;
		this.contentHash = contentHash;
		this.law = law;
		this.kieBase = kieBase;
		this.compileTime = compileTime;
		this.listener = listener;
		this.timeLimit = timeLimit;
		this.firingsPerFact = firingsPerFact;
	}

	private static ScheduledThreadPoolExecutor watchdog() {
		ScheduledThreadPoolExecutor executor = new ScheduledThreadPoolExecutor(1, runnable -> {
			Thread thread = new Thread(runnable, "rule-set-watchdog");
			thread.setDaemon(true);
			return thread;
		});
		executor.setRemoveOnCancelPolicy(true);
		return executor;
	}

	/**
	 * Compiles DRL text, once it passes the {@linkplain DrlAllowList allow-list}: text
	 * that names anything outside the fact model is refused before any of it is compiled
	 * or run.
	 * @throws RuleSetCompilationException listing every error with its file and line
	 */
	public static RuleSet compile(RuleSetSource source) {
		long started = System.nanoTime();
		Map<String, String> drl = new TreeMap<>();
		Map<String, String> lawFiles = new TreeMap<>();
		source.files().forEach((path, text) -> (LawBook.isLawFile(path) ? lawFiles : drl).put(path, text));
		List<CompileError> refused = new ArrayList<>(DrlAllowList.check(drl));
		if (drl.isEmpty()) {
			refused.add(new CompileError("(bundle)", 0, "has no DRL file: a rule set needs at least one .drl file"));
		}
		int beforeLaw = refused.size();
		LawBook law = LawBook.read(lawFiles, refused);
		boolean lawRead = refused.size() == beforeLaw;
		if (!refused.isEmpty()) {
			throw new RuleSetCompilationException(source.name(), refused);
		}
		KnowledgeBuilderConfiguration conf = KnowledgeBuilderFactory.newKnowledgeBuilderConfiguration();
		// the parallel build reports a failing rule as "compilation failed or
		// interrupted",
		// losing the file and line an analyst needs
		conf.setOption(ParallelRulesBuildThresholdOption.get(-1));
		KnowledgeBuilder builder = KnowledgeBuilderFactory.newKnowledgeBuilder(conf);
		CompositeKnowledgeBuilder batch = builder.batch();
		drl.forEach((path, text) -> batch.add(
				ResourceFactory.newByteArrayResource(text.getBytes(StandardCharsets.UTF_8)).setSourcePath(path),
				ResourceType.DRL));
		try {
			batch.build();
		}
		catch (RuntimeException ex) {
			// the builder throws on some broken input; its errors say why
			if (!builder.hasErrors()) {
				throw new RuleSetCompilationException(source.name(),
						List.of(new CompileError("?", 0, String.valueOf(ex))), ex);
			}
		}
		if (builder.hasErrors()) {
			List<CompileError> errors = new ArrayList<>();
			for (KnowledgeBuilderError error : builder.getErrors()) {
				int[] lines = error.getLines();
				String file = error.getResource() != null ? error.getResource().getSourcePath() : "?";
				errors.add(new CompileError(file, lines != null && lines.length > 0 ? Math.max(lines[0], 0) : 0,
						error.getMessage().strip()));
			}
			throw new RuleSetCompilationException(source.name(), errors);
		}
		// the clauses each rule cites and the parameters it reads, once the DRL parses
		List<CompileError> citations = lawRead ? ClauseCitations.check(drl, law) : List.of();
		if (!citations.isEmpty()) {
			throw new RuleSetCompilationException(source.name(), citations);
		}
		KieBase kieBase = builder.newKieBase();
		return new RuleSet(source, source.contentHash(), law, kieBase, Duration.ofNanos(System.nanoTime() - started),
				RuleSetListener.NONE, DEFAULT_TIME_LIMIT, DEFAULT_FIRINGS_PER_FACT);
	}

	/**
	 * The bundle's clause register and parameters, if it has them (a bundle stored before
	 * them has none).
	 */
	public Optional<LawBook> law() {
		return Optional.ofNullable(law);
	}

	/**
	 * The clauses each rule declares with {@code @clause("…")}, by rule name: what the
	 * register's clauses are implemented by.
	 */
	public Map<String, List<String>> clausesByRule() {
		Map<String, List<String>> clauses = new TreeMap<>();
		kieBase.getKiePackages()
			.forEach(pkg -> pkg.getRules().forEach(rule -> clauses.put(rule.getName(), LawBook.clausesOf(rule))));
		return clauses;
	}

	/**
	 * The same compiled rules with one value of one parameter changed: nothing is
	 * compiled again, since parameters are data the rules read. What-if runs use it (the
	 * build's mutation gate, a preview of an analyst's edit); its content hash is the
	 * original's with the change, so it is never mistaken for the bundle.
	 */
	public RuleSet withParameter(String parameter, int effectiveFrom, BigDecimal value) {
		if (law == null) {
			throw new IllegalStateException("rule set '" + name() + "' has no parameters");
		}
		return new RuleSet(source, sha256(contentHash + "/" + parameter + "@" + effectiveFrom + "=" + value),
				law.with(parameter, effectiveFrom, value), kieBase, compileTime, listener, timeLimit, firingsPerFact);
	}

	private static String sha256(String text) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

	/** Checks DRL text: the errors, or an empty list when it compiles. */
	public static List<CompileError> check(RuleSetSource source) {
		try {
			compile(source);
			return List.of();
		}
		catch (RuleSetCompilationException ex) {
			return ex.errors();
		}
	}

	public RuleSetSource source() {
		return source;
	}

	public String name() {
		return source.name();
	}

	public String contentHash() {
		return contentHash;
	}

	/** How long compiling the DRL text into this rule set took (parse, build, base). */
	public Duration compileTime() {
		return compileTime;
	}

	/**
	 * This rule set, reporting each classification to {@code listener}: the same compiled
	 * rules (nothing is compiled again), so it is cheap to call for every use.
	 */
	public RuleSet withListener(RuleSetListener listener) {
		return listener == this.listener ? this
				: new RuleSet(source, contentHash, law, kieBase, compileTime, listener, timeLimit, firingsPerFact);
	}

	/**
	 * This rule set, halting a session that fires its rules for longer than {@code limit}
	 * (default {@link #DEFAULT_TIME_LIMIT}): the same compiled rules. A halted run is a
	 * {@link RuleSetExecutionException}; nothing it derived is used.
	 */
	public RuleSet withTimeLimit(Duration limit) {
		if (limit.isNegative() || limit.isZero()) {
			throw new IllegalArgumentException("a time limit must be positive: " + limit);
		}
		return new RuleSet(source, contentHash, law, kieBase, compileTime, listener, limit, firingsPerFact);
	}

	/**
	 * This rule set, stopping a session after {@code perFact} rule firings per fact
	 * (default {@value #DEFAULT_FIRINGS_PER_FACT}): the same compiled rules.
	 */
	public RuleSet withFiringLimit(int perFact) {
		if (perFact < 1) {
			throw new IllegalArgumentException("a firing limit must be positive: " + perFact);
		}
		return new RuleSet(source, contentHash, law, kieBase, compileTime, listener, timeLimit, perFact);
	}

	/** How long one session may fire its rules before it is halted. */
	public Duration timeLimit() {
		return timeLimit;
	}

	/** The Drools version these rules run on, for the audit trail. */
	public static String engineVersion() {
		return EngineVersion.VALUE;
	}

	/**
	 * Classifies a batch of communes, in sessions of {@value #COMMUNES_PER_SESSION} run
	 * on all cores: each commune is classified from its own facts alone.
	 * @return one outcome per commune, in the batch's order
	 * @throws InvalidFactsException if any commune breaks the facts contract: none is
	 * classified
	 */
	public List<CommuneOutcome> classify(List<CommuneFacts> communes) {
		long started = System.nanoTime();
		List<FactViolation> violations = FactsContract.check(communes);
		if (!violations.isEmpty()) {
			throw new InvalidFactsException(violations);
		}
		boolean counting = listener != RuleSetListener.NONE;
		// one law per session: communes of different periods (rare: a batch is one
		// period) go to sessions of their own, each with the law of its period
		Map<Integer, List<Integer>> byPeriod = new TreeMap<>();
		for (int i = 0; i < communes.size(); i++) {
			byPeriod.computeIfAbsent(communes.get(i).period(), k -> new ArrayList<>()).add(i);
		}
		Map<Integer, Law> laws = new HashMap<>();
		byPeriod.keySet().forEach(period -> laws.put(period, lawAt(period)));
		List<List<Integer>> sessions = new ArrayList<>();
		byPeriod.values().forEach(indexes -> {
			for (int from = 0; from < indexes.size(); from += COMMUNES_PER_SESSION) {
				sessions.add(indexes.subList(from, Math.min(indexes.size(), from + COMMUNES_PER_SESSION)));
			}
		});
		// independent sessions: a large batch uses every core, results in batch order
		List<Session> done = sessions.parallelStream().map(indexes -> {
			Map<String, Integer> firings = counting ? new HashMap<>() : null;
			List<CommuneFacts> facts = indexes.stream().map(communes::get).toList();
			List<CommuneOutcome> outcomes = classifyInOneSession(facts, laws.get(facts.get(0).period()), firings);
			return new Session(indexes, outcomes, firings);
		}).toList();
		CommuneOutcome[] outcomes = new CommuneOutcome[communes.size()];
		Map<String, Integer> firings = counting ? new HashMap<>() : null;
		for (Session session : done) {
			for (int i = 0; i < session.indexes().size(); i++) {
				outcomes[session.indexes().get(i)] = session.outcomes().get(i);
			}
			if (counting) {
				session.firings().forEach((rule, n) -> firings.merge(rule, n, Integer::sum));
			}
		}
		report(communes.size(), started, firings);
		return Arrays.asList(outcomes);
	}

	/**
	 * The law at a period, or null for a bundle without parameters.
	 * @throws RuleSetExecutionException when the period is before a parameter's first
	 * value
	 */
	private Law lawAt(int period) {
		if (law == null) {
			return null;
		}
		try {
			return law.at(period);
		}
		catch (NoParameterValueException ex) {
			throw new RuleSetExecutionException(
					"rule set '" + name() + "' cannot evaluate period " + period + ": " + ex.getMessage());
		}
	}

	/** What one session gave: its communes' outcomes, and its rule firings if counted. */
	private record Session(List<Integer> indexes, List<CommuneOutcome> outcomes, Map<String, Integer> firings) {
	}

	private List<CommuneOutcome> classifyInOneSession(List<CommuneFacts> communes, Law law,
			Map<String, Integer> firings) {
		List<CommuneOutcome> outcomes = new ArrayList<>(communes.size());
		for (Examined e : fireEach(communes, law, firings)) {
			String code = e.facts().communeCode();
			List<Verdict> vs = e.verdicts();
			if (vs.size() != 1) {
				throw new RuleSetExecutionException("rule set '" + name() + "' gave commune " + code + " " + vs.size()
						+ " classes " + vs + ": its classification rules must give exactly one");
			}
			outcomes.add(new CommuneOutcome(code, vs.get(0).classification(), vs.get(0).rule(), e.evidence(),
					e.warnings(), e.gaps()));
		}
		return outcomes;
	}

	/**
	 * Fires the rules over a batch, in sessions of {@value #COMMUNES_PER_SESSION} run on
	 * all cores as {@link #classify(List)} does, but without requiring one class per
	 * commune: each commune's firing is handed as it is (no class, one, or several) to
	 * {@code summary}, in the session's thread, and only what it returns is kept — so a
	 * check over tens of thousands of communes holds none of their evidence. The facts
	 * are not checked against the contract: the caller builds them.
	 * @return one summary per commune, in the batch's order
	 */
	public <R> List<R> examine(List<CommuneFacts> communes, Function<Examined, R> summary) {
		Map<Integer, List<Integer>> byPeriod = new TreeMap<>();
		for (int i = 0; i < communes.size(); i++) {
			byPeriod.computeIfAbsent(communes.get(i).period(), k -> new ArrayList<>()).add(i);
		}
		Map<Integer, Law> laws = new HashMap<>();
		byPeriod.keySet().forEach(period -> laws.put(period, lawAt(period)));
		List<List<Integer>> sessions = new ArrayList<>();
		byPeriod.values().forEach(indexes -> {
			for (int from = 0; from < indexes.size(); from += COMMUNES_PER_SESSION) {
				sessions.add(indexes.subList(from, Math.min(indexes.size(), from + COMMUNES_PER_SESSION)));
			}
		});
		Object[] results = new Object[communes.size()];
		sessions.parallelStream().forEach(indexes -> {
			List<CommuneFacts> facts = indexes.stream().map(communes::get).toList();
			List<Examined> fired = fireEach(facts, laws.get(facts.get(0).period()), null);
			for (int i = 0; i < indexes.size(); i++) {
				results[indexes.get(i)] = summary.apply(fired.get(i));
			}
		});
		@SuppressWarnings("unchecked")
		List<R> list = (List<R>) Arrays.asList(results);
		return list;
	}

	/**
	 * What the rules gave one commune in a session, as fired: its class rules' verdicts
	 * (exactly one when the rules are sound), its evidence, warnings and gaps.
	 */
	public record Examined(CommuneFacts facts, List<Verdict> verdicts, List<CriterionEvidence> evidence,
			List<Warning> warnings, List<Gap> gaps) {
	}

	private List<Examined> fireEach(List<CommuneFacts> communes, Law law, Map<String, Integer> firings) {
		Map<String, List<CriterionEvidence>> evidence = new HashMap<>();
		Map<String, List<Warning>> warnings = new HashMap<>();
		Map<String, List<Verdict>> verdicts = new HashMap<>();
		Map<String, List<Gap>> gaps = new HashMap<>();
		for (Object o : fire(communes, law, firings)) {
			if (o instanceof CriterionEvidence e) {
				evidence.computeIfAbsent(e.unitCode(), k -> new ArrayList<>()).add(e);
			}
			else if (o instanceof Warning w) {
				warnings.computeIfAbsent(w.unitCode(), k -> new ArrayList<>()).add(w);
			}
			else if (o instanceof Verdict v) {
				verdicts.computeIfAbsent(v.communeCode(), k -> new ArrayList<>()).add(v);
			}
			else if (o instanceof Gap g) {
				gaps.computeIfAbsent(g.unitCode(), k -> new ArrayList<>()).add(g);
			}
		}
		List<Examined> examined = new ArrayList<>(communes.size());
		for (CommuneFacts c : communes) {
			String code = c.communeCode();
			List<CriterionEvidence> es = evidence.getOrDefault(code, new ArrayList<>());
			es.sort(LAW_ORDER);
			List<Gap> gs = gaps.getOrDefault(code, new ArrayList<>());
			gs.sort(GAP_ORDER);
			examined.add(new Examined(c, List.copyOf(verdicts.getOrDefault(code, List.of())), List.copyOf(es),
					List.copyOf(warnings.getOrDefault(code, List.of())), List.copyOf(gs)));
		}
		return examined;
	}

	/** Classifies one commune. */
	public CommuneOutcome classify(CommuneFacts commune) {
		return classify(List.of(commune)).get(0);
	}

	/** Classifies a province (Art. 5, 6) from its aggregated facts. */
	public ProvinceOutcome classifyProvince(ProvinceFacts province) {
		long started = System.nanoTime();
		List<FactViolation> violations = FactsContract.check(province);
		if (!violations.isEmpty()) {
			throw new InvalidFactsException(violations);
		}
		List<CriterionEvidence> evidence = new ArrayList<>();
		List<Warning> warnings = new ArrayList<>();
		List<ProvinceVerdict> verdicts = new ArrayList<>();
		Map<String, Integer> firings = listener == RuleSetListener.NONE ? null : new HashMap<>();
		for (Object o : fire(List.of(province), lawAt(province.period()), firings)) {
			if (o instanceof CriterionEvidence e) {
				evidence.add(e);
			}
			else if (o instanceof Warning w) {
				warnings.add(w);
			}
			else if (o instanceof ProvinceVerdict v) {
				verdicts.add(v);
			}
		}
		if (verdicts.size() != 1) {
			throw new RuleSetExecutionException("rule set '" + name() + "' gave province " + province.provinceCode()
					+ " " + verdicts.size() + " classes " + verdicts + ": its rules must give exactly one");
		}
		evidence.sort(LAW_ORDER);
		report(1, started, firings);
		return new ProvinceOutcome(province.provinceCode(), verdicts.get(0).classification(), verdicts.get(0).rule(),
				List.copyOf(evidence), List.copyOf(warnings));
	}

	private void report(int facts, long started, Map<String, Integer> firings) {
		if (firings != null) {
			listener.classified(name(), facts, Duration.ofNanos(System.nanoTime() - started), firings);
		}
	}

	/**
	 * Fires the rules over the facts in a new session.
	 * @param law the law of the facts' period, inserted with them; null for a bundle
	 * without parameters
	 * @param firings where to count each rule's firings, or null not to count them
	 */
	private Collection<?> fire(List<?> facts, Law law, Map<String, Integer> firings) {
		KieSession session = kieBase.newKieSession();
		try {
			if (firings != null) {
				session.addEventListener(new DefaultAgendaEventListener() {
					@Override
					public void afterMatchFired(AfterMatchFiredEvent event) {
						firings.merge(event.getMatch().getRule().getName(), 1, Integer::sum);
					}
				});
			}
			if (law != null) {
				session.insert(law);
			}
			facts.forEach(session::insert);
			int limit = (int) Math.min(Integer.MAX_VALUE, (long) firingsPerFact * Math.max(facts.size(), 1));
			AtomicBoolean halted = new AtomicBoolean();
			long started = System.nanoTime();
			// halts again every 100 ms past the limit: a halt before the firing starts is
			// lost
			ScheduledFuture<?> watchdog = WATCHDOG.scheduleWithFixedDelay(() -> {
				halted.set(true);
				session.halt();
			}, timeLimit.toNanos(), TimeUnit.MILLISECONDS.toNanos(100), TimeUnit.NANOSECONDS);
			int fired;
			try {
				fired = session.fireAllRules(limit);
			}
			catch (RuntimeException ex) {
				if (halted.get()) {
					throw ex;
				}
				// a rule's consequence failed (e.g. a parameter read in a unit it does
				// not
				// have): the rules' fault, reported as such
				throw new RuleSetExecutionException(
						"rule set '" + name() + "' failed while firing: " + rootMessage(ex));
			}
			finally {
				watchdog.cancel(false);
			}
			if (halted.get()) {
				throw new RuleSetRunawayException("rule set '" + name() + "' fired its rules for "
						+ Duration.ofNanos(System.nanoTime() - started).toMillis() + " ms (" + fired + " firings) on "
						+ facts.size() + " facts and was stopped at its time limit of " + timeLimit.toMillis()
						+ " ms: does a rule loop?");
			}
			if (fired >= limit) {
				throw new RuleSetRunawayException("rule set '" + name() + "' fired " + fired + " rules for "
						+ facts.size() + " facts and was stopped: does a rule loop?");
			}
			return new ArrayList<>(session.getObjects());
		}
		finally {
			session.dispose();
		}
	}

	private static String rootMessage(Throwable ex) {
		Throwable root = ex;
		while (root.getCause() != null && root.getCause() != root) {
			root = root.getCause();
		}
		return root == ex ? String.valueOf(ex.getMessage()) : ex.getMessage() + " (" + root.getMessage() + ")";
	}

	@Override
	public String toString() {
		return "RuleSet[" + name() + ", " + contentHash.substring(0, 12) + "]";
	}

	private static final class EngineVersion {

		static final String VALUE = read();

		private static String read() {
			try (InputStream in = KieBase.class.getClassLoader()
				.getResourceAsStream("META-INF/maven/org.drools/drools-core/pom.properties")) {
				if (in != null) {
					Properties p = new Properties();
					p.load(in);
					return "Drools " + p.getProperty("version");
				}
			}
			catch (IOException ex) {
				// fall through to the package version
			}
			return "Drools " + KieBase.class.getPackage().getImplementationVersion();
		}

	}

}
