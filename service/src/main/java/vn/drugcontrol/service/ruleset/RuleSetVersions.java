package vn.drugcontrol.service.ruleset;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.drugcontrol.rules.engine.CompileError;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetCompilationException;
import vn.drugcontrol.rules.engine.RuleSetExecutionException;
import vn.drugcontrol.rules.engine.RuleSetSource;
import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.NotMonotoneException;
import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.ScenariosFailedException;
import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.VersionStateException;
import vn.drugcontrol.service.scenario.Scenario;
import vn.drugcontrol.service.scenario.ScenarioReport;
import vn.drugcontrol.service.scenario.ScenarioRunner;
import vn.drugcontrol.service.scenario.ScenarioTable;
import vn.drugcontrol.service.security.Roles;
import vn.drugcontrol.service.system.NotFoundException;
import vn.drugcontrol.service.system.TextTooLongException;

/**
 * The life of a rule-set version: upload (compile, read and run its scenarios, keep it
 * whatever the outcome), activation (scenarios again, then effective for its periods) and
 * retirement (which rolls back to the versions its activation superseded). Nothing needs
 * a restart: the next run resolves the version anew.
 * <p>
 * Each change commits in one transaction with its audit entry (the audit trail's head
 * lock is taken inside it, last): a crash or a refused entry leaves neither.
 */
@Service
public class RuleSetVersions {

	private static final Logger log = LoggerFactory.getLogger(RuleSetVersions.class);

	/** First and last evaluation periods a version may be effective for. */
	public static final int FIRST_PERIOD = 2020;

	public static final int LAST_PERIOD = 2100;

	private final RuleSetVersionRepository versions;

	private final CompiledRuleSets compiled;

	private final TransactionTemplate transactions;

	private final AuditTrail audit;

	private final Clock clock;

	private final RuleSetProofs proofs;

	RuleSetVersions(RuleSetVersionRepository versions, CompiledRuleSets compiled, TransactionTemplate transactions,
			AuditTrail audit, Optional<Clock> clock, RuleSetProofs proofs) {
		this.proofs = proofs;
		this.versions = versions;
		this.audit = audit;
		this.compiled = compiled;
		this.transactions = transactions;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * Who made a version and what for.
	 *
	 * @param effectiveFrom first evaluation period, 2025 when null
	 * @param effectiveTo last evaluation period, open when null
	 */
	public record Metadata(String name, String label, String author, String note, Integer effectiveFrom,
			Integer effectiveTo) {
	}

	/**
	 * An uploaded version, whether this upload created it (false: the same bundle was
	 * uploaded before), and its scenarios' outcome.
	 */
	public record Uploaded(RuleSetVersion version, boolean created, ScenarioReport scenarios) {
	}

	/**
	 * Uploads a bundle an analyst made; the names of the shipped rule sets are taken. A
	 * new version is stored with its {@code RULE_SET_UPLOADED} entry, by {@code who}.
	 */
	public Uploaded upload(Bundle bundle, Metadata meta, String who) {
		if (ShippedRuleSets.names().contains(meta.name())) {
			throw new IllegalArgumentException("the name '" + meta.name()
					+ "' belongs to a shipped rule set; give the version a name of its own, e.g. '" + meta.name()
					+ "-2026'");
		}
		return store(bundle, meta, null, who);
	}

	/**
	 * Stores a bundle: compiled, its scenarios read and run, kept as REJECTED, FAILING or
	 * VALIDATED (or ACTIVE when {@code activateAt} is given and it validates); with its
	 * audit entry by {@code who} in the same transaction (none for the shipped versions,
	 * {@code who} null: they come with the service).
	 */
	Uploaded store(Bundle bundle, Metadata meta, Instant activateAt, String who) {
		String name = checkName(meta.name());
		// the columns' lengths (V2): checked before anything is stored
		TextTooLongException.check("label", meta.label(), 255);
		TextTooLongException.check("author", meta.author(), 128);
		TextTooLongException.check("note", meta.note(), 2000);
		int from = meta.effectiveFrom() == null ? 2025 : meta.effectiveFrom();
		checkPeriods(from, meta.effectiveTo());
		String bundleHash = bundle.hash(name);
		Optional<RuleSetVersion> existing = versions.findByBundleHash(bundleHash);
		if (existing.isPresent()) {
			return new Uploaded(existing.get(), false, scenariosOf(existing.get()));
		}
		List<BundleFile> files = bundle.files();
		String label = meta.label() == null || meta.label().isBlank() ? name : meta.label().strip();
		Checked checked = evaluate(bundle, name, label, compiled::of);
		List<CompileError> problems = checked.problems();
		RuleSetSource source = checked.source();
		ScenarioReport report = checked.scenarios();
		VersionStatus status = !problems.isEmpty() ? VersionStatus.REJECTED : statusOf(report, activateAt);
		RuleSetVersion version = new RuleSetVersion(null, name, label, clip(meta.author(), 128, "anonymous"),
				clip(meta.note(), 2000, ""), source == null ? "-".repeat(64) : source.contentHash(), bundleHash, status,
				from, meta.effectiveTo(), now(), status == VersionStatus.ACTIVE ? activateAt : null, null, null, files,
				problems.stream()
					.map(e -> new RuleSetVersion.Problem(clip(e.file(), 255, "?"), e.line(),
							clip(e.message(), 4000, "?")))
					.toList());
		// the exhaustive check of a usable version, before the transaction (it takes
		// seconds); stored with the version
		RuleSet checkable = status.usable() ? checked.rules() : null;
		if (checkable != null) {
			try {
				proofs.check(checkable);
			}
			catch (RuleSetExecutionException ex) {
				// stored as the check's failure below
			}
		}
		try {
			RuleSetVersion saved = transactions.execute(tx -> {
				RuleSetVersion stored = versions.save(version);
				if (checkable != null) {
					proofs.store(stored.id(), checkable, version.createdAt());
				}
				if (who != null) {
					audit.record(who, AuditTrail.Action.RULE_SET_UPLOADED, "rule-set/" + stored.id(), Map.of("name",
							stored.name(), "contentHash", stored.contentHash(), "status", stored.status().name()));
				}
				return stored;
			});
			log.info("rule set version {} '{}' stored as {} ({} problem(s), scenarios {}/{})", saved.id(), name, status,
					problems.size(), report.passed(), report.total());
			return new Uploaded(saved, true, report);
		}
		catch (DuplicateKeyException ex) {
			// the same bundle was stored meanwhile: that one stands
			return versions.findByBundleHash(bundleHash).map(v -> new Uploaded(v, false, report)).orElseThrow(() -> ex);
		}
	}

	/**
	 * What storing a bundle would find, without storing it: its problems (the allow-list,
	 * compile errors, the law's files, unreadable scenario tables, each at its file and
	 * line), its scenarios' report and the status a version of it would have. The same
	 * checks as {@link #upload}, in the same order: an analyst's draft is saved through
	 * them before it is published. The rules are compiled afresh and not kept (a draft
	 * changes with every save).
	 */
	public Checked check(Bundle bundle, String name) {
		return evaluate(bundle, name, name, compiled::trial);
	}

	/**
	 * A bundle checked: the source compiled (null without DRL), its problems, its
	 * scenarios' report ({@link ScenarioReport#NONE} when it has problems) and the status
	 * it would be stored with; the compiled rules (null when they did not compile), for
	 * the exhaustive check of a version being stored.
	 */
	public record Checked(RuleSetSource source, List<CompileError> problems, ScenarioReport scenarios,
			VersionStatus status, RuleSet rules) {
	}

	/** Compiles the rules of a source, or throws with every error. */
	interface Compiler {

		RuleSet compile(RuleSetSource source);

	}

	private static Checked evaluate(Bundle bundle, String name, String label, Compiler compiler) {
		List<CompileError> problems = new ArrayList<>(bundle.problems());
		List<BundleFile> files = bundle.files();
		boolean hasDrl = files.stream().anyMatch(f -> f.kind() == BundleFile.Kind.DRL);
		RuleSetSource source = hasDrl ? BundleFile.source(name, label, files) : null;
		RuleSet rules = null;
		if (problems.isEmpty()) {
			try {
				rules = compiler.compile(source);
			}
			catch (RuleSetCompilationException ex) {
				problems.addAll(ex.errors());
			}
		}
		List<Scenario> scenarios = new ArrayList<>();
		for (BundleFile file : files) {
			if (file.kind() == BundleFile.Kind.SCENARIO) {
				ScenarioTable.Read read = ScenarioTable.read(file.path(), file.content());
				problems.addAll(read.problems());
				scenarios.addAll(read.scenarios());
			}
		}
		// a runaway rule set (stopped at its limits) is a problem of the upload: refused
		ScenarioReport report = rules != null && problems.isEmpty() ? runScenarios(rules, files, scenarios, problems)
				: ScenarioReport.NONE;
		VersionStatus status = !problems.isEmpty() ? VersionStatus.REJECTED : statusOf(report, null);
		return new Checked(source, List.copyOf(problems), report, status, rules);
	}

	/**
	 * A usable version's status from its scenarios: failing rows, or rules that cannot
	 * classify every probe commune, make it FAILING; passing rows that leave a class it
	 * can give untested make it UNTESTED; only a fully tested one is VALIDATED (or
	 * ACTIVE).
	 */
	private static VersionStatus statusOf(ScenarioReport report, Instant activateAt) {
		if (!report.allPassed() || report.unusable() != null) {
			return VersionStatus.FAILING;
		}
		if (!report.missing().isEmpty()) {
			return VersionStatus.UNTESTED;
		}
		return activateAt != null ? VersionStatus.ACTIVE : VersionStatus.VALIDATED;
	}

	public RuleSetVersion find(long id) {
		return versions.findById(id).orElseThrow(() -> new NotFoundException("no rule set version " + id));
	}

	/** Runs a version's scenarios (none for a rejected version). */
	public ScenarioReport scenariosOf(RuleSetVersion version) {
		if (!version.status().usable()) {
			return ScenarioReport.NONE;
		}
		RuleSet rules = compiled.of(version.source());
		List<Scenario> scenarios = new ArrayList<>();
		for (BundleFile file : version.scenarios()) {
			scenarios.addAll(ScenarioTable.read(file.path(), file.content()).scenarios());
		}
		return ScenarioRunner.run(rules, scenarioPaths(version.files()), scenarios);
	}

	/**
	 * Makes a version effective for its periods (or those given) in one step: its
	 * scenarios run first and must all pass; active versions it covers entirely are
	 * retired, to come back if it is rolled back. The change and its
	 * {@code RULE_SET_ACTIVATED} entry by {@code who} commit together or not at all.
	 */
	public Activated activate(long id, Integer effectiveFrom, Integer effectiveTo, String who) {
		return activate(id, effectiveFrom, effectiveTo, who, null);
	}

	/**
	 * Activates as {@link #activate(long, Integer, Integer, String)} does; a version
	 * whose exhaustive check found monotonicity counterexamples (a commune with more of a
	 * measure given a better class) is activated only with {@code overrideReason}, by an
	 * analyst: the override is stored with the version's proof and audited
	 * ({@code RULE_SET_MONOTONICITY_OVERRIDDEN}) in the activation's transaction.
	 * @throws NotMonotoneException when the check found counterexamples and no reason is
	 * given, or the user is not an analyst
	 */
	public Activated activate(long id, Integer effectiveFrom, Integer effectiveTo, String who, String overrideReason) {
		RuleSetVersion version = find(id);
		if (version.status() == VersionStatus.REJECTED) {
			throw new VersionStateException("rule set version " + id + " was rejected (it does not compile or its "
					+ "scenario tables cannot be read) and can never be activated; upload a corrected bundle");
		}
		int from = effectiveFrom == null ? version.effectiveFrom() : effectiveFrom;
		Integer to = effectiveFrom == null && effectiveTo == null ? version.effectiveTo() : effectiveTo;
		checkPeriods(from, to);
		ScenarioReport report = scenariosOf(version);
		if (!report.validates()) {
			// checked again here: versions stored before coverage was required may say
			// VALIDATED
			throw new ScenariosFailedException(id, report);
		}
		RuleSetProofs.Summary proof = proofs.of(version).orElse(null);
		String reason = overrideReason == null || overrideReason.isBlank() ? null : overrideReason.strip();
		boolean overriding = proof != null && proof.breaksMonotonicity();
		if (overriding && (reason == null || !isAnalyst())) {
			throw new NotMonotoneException(id, proof, reason != null);
		}
		Instant at = now();
		int superseded = transactions.execute(tx -> {
			if (overriding) {
				proofs.recordOverride(id, who, reason, at);
				audit.record(who, AuditTrail.Action.RULE_SET_MONOTONICITY_OVERRIDDEN, "rule-set/" + id, Map.of("reason",
						reason, "counterexamples", proof.counterexamples(), "contentHash", version.contentHash()));
			}
			versions.markActive(id, from, to, at);
			int retired = versions.supersedeCovered(id, from, to, at);
			audit.record(who, AuditTrail.Action.RULE_SET_ACTIVATED, "rule-set/" + id, Map.of("effectiveFrom",
					String.valueOf(from), "effectiveTo", String.valueOf(to), "superseded", retired));
			return retired;
		});
		log.info("rule set version {} '{}' active for periods {}–{}; {} version(s) superseded", id, version.name(),
				from, to == null ? "" : to, superseded);
		return new Activated(find(id), report);
	}

	/** An activated version and the scenarios it passed. */
	public record Activated(RuleSetVersion version, ScenarioReport scenarios) {
	}

	/**
	 * Rolls an active version back in one step: it is retired, and the versions its
	 * activation superseded are active again; with its {@code RULE_SET_ROLLED_BACK} entry
	 * by {@code who}, in one transaction.
	 */
	public RuleSetVersion retire(long id, String who) {
		RuleSetVersion version = find(id);
		if (version.status() != VersionStatus.ACTIVE) {
			throw new VersionStateException("rule set version " + id + " is " + version.status()
					+ ", not ACTIVE: there is nothing to roll back");
		}
		int restored = transactions.execute(tx -> {
			versions.markRetired(id, now());
			int back = versions.restoreSupersededBy(id);
			audit.record(who, AuditTrail.Action.RULE_SET_ROLLED_BACK, "rule-set/" + id, Map.of("restored", back));
			return back;
		});
		log.info("rule set version {} '{}' retired; {} version(s) it had superseded are active again", id,
				version.name(), restored);
		return find(id);
	}

	private static boolean isAnalyst() {
		Authentication user = SecurityContextHolder.getContext().getAuthentication();
		return user != null
				&& user.getAuthorities().stream().anyMatch(a -> ("ROLE_" + Roles.ANALYST).equals(a.getAuthority()));
	}

	private static String checkName(String name) {
		if (name == null || !name.strip().matches("[a-z0-9][a-z0-9._-]{0,63}")) {
			throw new IllegalArgumentException(
					"a rule set version needs a name of lower-case letters, digits, '.', '_' or '-' (at most 64), e.g. "
							+ "'literal-2026'; got '" + name + "'");
		}
		return name.strip();
	}

	private static void checkPeriods(int from, Integer to) {
		if (from < FIRST_PERIOD || from > LAST_PERIOD || to != null && (to < from || to > LAST_PERIOD)) {
			throw new IllegalArgumentException("effective periods must be years from " + FIRST_PERIOD + " to "
					+ LAST_PERIOD + " with effectiveTo ≥ effectiveFrom; got " + from + "–" + (to == null ? "" : to));
		}
	}

	/**
	 * Runs an upload's scenarios. Rules that fail on them — a runaway halted at its time
	 * or firing limit, a commune given no class or several — are a problem of the bundle,
	 * whatever the scenarios expect.
	 */
	private static ScenarioReport runScenarios(RuleSet rules, List<BundleFile> files, List<Scenario> scenarios,
			List<CompileError> problems) {
		try {
			return ScenarioRunner.run(rules, scenarioPaths(files), scenarios);
		}
		catch (RuleSetExecutionException ex) {
			problems.add(new CompileError(scenarioPaths(files).stream().findFirst().orElse("?"), 0,
					"the rules failed while running the scenarios: " + ex.getMessage()));
			return ScenarioReport.NONE;
		}
	}

	private static List<String> scenarioPaths(List<BundleFile> files) {
		return files.stream().filter(f -> f.kind() == BundleFile.Kind.SCENARIO).map(BundleFile::path).toList();
	}

	private static String clip(String text, int max, String fallback) {
		String t = text == null || text.isBlank() ? fallback : text.strip();
		return t.length() > max ? t.substring(0, max) : t;
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

}
