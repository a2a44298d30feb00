package vn.drugcontrol.service.ruleset;

import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetCompilationException;
import vn.drugcontrol.rules.engine.RuleSetSource;
import vn.drugcontrol.service.system.LimitsProperties;

/**
 * Compiled rule sets by content hash (and the name they are known by, which runs record):
 * each DRL text is compiled once per JVM and name. A compiled {@link RuleSet} is
 * immutable, so a run holding one finishes on it whatever is activated meanwhile.
 */
@Component
public class CompiledRuleSets {

	private final Map<String, RuleSet> byHash = new ConcurrentHashMap<>();

	private final RuleSetMetrics metrics;

	private final Duration timeLimit;

	CompiledRuleSets(RuleSetMetrics metrics, LimitsProperties limits) {
		this.metrics = metrics;
		this.timeLimit = limits.ruleTime();
	}

	/**
	 * The compiled rules of this text, compiled now if never before.
	 * @throws RuleSetCompilationException when it does not compile (nothing is cached)
	 */
	public RuleSet of(RuleSetSource source) {
		return byHash.computeIfAbsent(key(source.contentHash(), source.name()),
				key -> measured(RuleSet.compile(source)));
	}

	/**
	 * Compiles this text without keeping it (an analyst's draft, which changes with every
	 * save), with the same checks and limits as {@link #of}.
	 * @throws RuleSetCompilationException when it does not compile
	 */
	public RuleSet trial(RuleSetSource source) {
		return cached(source.contentHash(), source.name())
			.orElseGet(() -> RuleSet.compile(source).withTimeLimit(timeLimit));
	}

	/** Keeps rules compiled elsewhere (the shipped ones) under their hash. */
	RuleSet keep(RuleSet ruleSet) {
		return byHash.computeIfAbsent(key(ruleSet.contentHash(), ruleSet.name()), key -> measured(ruleSet));
	}

	/** The compiled rules of this content hash and name, if compiled already. */
	public Optional<RuleSet> cached(String contentHash, String name) {
		return Optional.ofNullable(byHash.get(key(contentHash, name)));
	}

	/**
	 * Records its compile time and counts its rule firings from now on; halts a session
	 * that fires longer than the time limit.
	 */
	private RuleSet measured(RuleSet ruleSet) {
		metrics.compiled(ruleSet);
		return ruleSet.withListener(metrics).withTimeLimit(timeLimit);
	}

	private static String key(String contentHash, String name) {
		return contentHash + "/" + name;
	}

}
