package vn.drugcontrol.service.run;

import org.springframework.security.access.prepost.PreAuthorize;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.facts.FactsBatch;
import vn.drugcontrol.service.route.KeyRoutes;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue;

/**
 * Starts runs: classifies a validated batch with the chosen rule set and stores the run
 * and every decision in one transaction — all of it or nothing. Identical facts for the
 * same province, period and rule set return the run already stored.
 */
@Service
public class RunService {

	private static final Logger log = LoggerFactory.getLogger(RunService.class);

	private final RunRepository runs;

	private final DecisionWriter decisions;

	private final RuleSetCatalogue ruleSets;

	private final TransactionTemplate transactions;

	private final Clock clock;

	private final MeterRegistry meters;

	private final KeyRoutes routes;

	private final ApplicationEventPublisher events;

	private final AuditTrail audit;

	private final RunReadings readings;

	RunService(RunRepository runs, DecisionWriter decisions, RuleSetCatalogue ruleSets,
			TransactionTemplate transactions, Optional<Clock> clock, MeterRegistry meters, KeyRoutes routes,
			ApplicationEventPublisher events, AuditTrail audit, RunReadings readings) {
		this.readings = readings;
		this.audit = audit;
		this.runs = runs;
		this.decisions = decisions;
		this.ruleSets = ruleSets;
		this.transactions = transactions;
		this.clock = clock.orElse(Clock.systemUTC());
		this.meters = meters;
		this.routes = routes;
		this.events = events;
	}

	/**
	 * What to run.
	 *
	 * @param ruleSetName a rule set's name, or null for the version effective for the
	 * period
	 * @param sourceName the file name, or e.g. {@code api}
	 * @param sourceFormat CSV, XLSX or JSON
	 * @param startedBy who asked
	 * @param ruleSetVersion a rule-set version's id, or null; wins over the name
	 */
	public record StartRun(FactsBatch facts, String ruleSetName, String sourceName, String sourceFormat,
			String startedBy, Long ruleSetVersion) {

		public StartRun(FactsBatch facts, String ruleSetName, String sourceName, String sourceFormat,
				String startedBy) {
			this(facts, ruleSetName, sourceName, sourceFormat, startedBy, null);
		}

	}

	/**
	 * The run, and whether this call created it (false: identical facts were already
	 * run).
	 */
	public record Started(Run run, boolean created) {
	}

	/**
	 * Facts ready to classify, and the rules that classify them: what a run, an
	 * evaluation and the console's preview all start from, so the same facts give the
	 * same answer on every path.
	 */
	public record Prepared(FactsBatch batch, RuleSet ruleSet) {

		public List<CommuneOutcome> classify() {
			return ruleSet.classify(batch.communes());
		}

	}

	/**
	 * Derives the route facts from the key-route registry (where it governs the province)
	 * and resolves the rules as a run for that period would.
	 * @param ruleSetName a rule set's name, or null for the version effective for the
	 * period
	 * @param ruleSetVersion a version's id, or null; wins over the name
	 * @throws vn.drugcontrol.service.facts.FactsRejectedException for a route value that
	 * contradicts the registry, naming its row and column
	 */
	public Prepared prepare(FactsBatch facts, String sourceName, String ruleSetName, Long ruleSetVersion) {
		FactsBatch batch = routes.derive(facts, sourceName);
		// the caller keeps this instance to the end, whatever is activated meanwhile
		RuleSet ruleSet = ruleSets.resolve(ruleSetName, ruleSetVersion, batch.period()).ruleSet();
		return new Prepared(batch, ruleSet);
	}

	@PreAuthorize("@provinceScope.write(#command.facts().provinceCode())")
	public Started start(StartRun command) {
		Prepared prepared = prepare(command.facts(), command.sourceName(), command.ruleSetName(),
				command.ruleSetVersion());
		FactsBatch batch = prepared.batch();
		RuleSet ruleSet = prepared.ruleSet();
		String factsHash = FactsHash.of(batch.communes());
		Optional<Run> existing = findIdentical(batch, ruleSet, factsHash);
		if (existing.isPresent()) {
			MDC.put("runId", String.valueOf(existing.get().id()));
			log.info("run {} already holds these facts for province {} period {}; not run again", existing.get().id(),
					batch.provinceCode(), batch.period());
			return new Started(existing.get(), false);
		}
		Instant startedAt = now();
		Timer.Sample sample = Timer.start(meters);
		List<CommuneOutcome> outcomes = ruleSet.classify(batch.communes());
		Map<Classification, Long> counts = outcomes.stream()
			.collect(Collectors.groupingBy(CommuneOutcome::classification, Collectors.counting()));
		// the ledger's other readings over the same facts, outside the transaction
		List<RunReadings.Counted> alternatives = readings.evaluate(ruleSet, batch.communes(), outcomes);
		Run run = new Run(null, batch.provinceCode(), batch.period(), ruleSet.name(), ruleSet.contentHash(),
				RuleSet.engineVersion(), factsHash, command.sourceName(), command.sourceFormat(), command.startedBy(),
				startedAt, now(), outcomes.size(), count(counts, Classification.TYPE_I),
				count(counts, Classification.TYPE_II), count(counts, Classification.TYPE_III),
				count(counts, Classification.DRUG_FREE), count(counts, Classification.UNCLASSIFIED));
		try {
			Run saved = transactions.execute(tx -> audited(store(run, ruleSet, batch, outcomes, alternatives)));
			sample.stop(meters.timer("classifier.run.duration", "ruleSet", ruleSet.name()));
			meters.summary("classifier.run.size").record(outcomes.size());
			counts.forEach((k, n) -> meters.counter("classifier.decisions", "classification", k.name()).increment(n));
			log.info("run {} stored: province {} period {} rule set {} ({}), {} communes {}", saved.id(),
					saved.provinceCode(), saved.period(), saved.ruleSetName(), saved.ruleSetHash().substring(0, 12),
					saved.communeCount(), counts);
			return new Started(saved, true);
		}
		catch (DuplicateKeyException ex) {
			// an identical run was stored meanwhile by another request: that one stands
			return findIdentical(batch, ruleSet, factsHash).map(r -> new Started(r, false)).orElseThrow(() -> ex);
		}
	}

	private Run store(Run run, RuleSet ruleSet, FactsBatch batch, List<CommuneOutcome> outcomes,
			List<RunReadings.Counted> alternatives) {
		List<CommuneFacts> communes = batch.communes();
		Run saved = runs.save(run);
		// every later line of the request names the run (LogContextFilter clears it)
		MDC.put("runId", String.valueOf(saved.id()));
		List<Decision> rows = new ArrayList<>(communes.size());
		for (int i = 0; i < communes.size(); i++) {
			rows.add(Decision.of(saved.id(), communes.get(i), outcomes.get(i)));
		}
		decisions.insert(saved.id(), rows);
		readings.store(saved.id(), alternatives);
		events.publishEvent(new RunStored(saved.id(), ruleSet, batch, outcomes));
		return saved;
	}

	/** The run's audit entry, in the run's transaction: both are stored or neither. */
	private Run audited(Run saved) {
		audit.record(saved.startedBy(), AuditTrail.Action.RUN_CREATED, "run:" + saved.id(),
				Map.of("province", saved.provinceCode(), "period", saved.period(), "ruleSetHash", saved.ruleSetHash(),
						"factsHash", saved.factsHash(), "communes", saved.communeCount()));
		return saved;
	}

	private Optional<Run> findIdentical(FactsBatch batch, RuleSet ruleSet, String factsHash) {
		return runs.findByProvinceCodeAndPeriodAndRuleSetHashAndFactsHash(batch.provinceCode(), batch.period(),
				ruleSet.contentHash(), factsHash);
	}

	/** Milliseconds, as the database keeps them: a run reads back as it was answered. */
	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static int count(Map<Classification, Long> counts, Classification k) {
		return counts.getOrDefault(k, 0L).intValue();
	}

}
