package vn.drugcontrol.service.ruleset;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetCompilationException;
import vn.drugcontrol.rules.engine.RuleSetSource;

/**
 * Compiled rule sets by content hash: each DRL text is compiled once per JVM. A compiled
 * {@link RuleSet} is immutable, so a run holding one finishes on it whatever is activated
 * meanwhile.
 */
@Component
public class CompiledRuleSets {

	private final Map<String, RuleSet> byHash = new ConcurrentHashMap<>();

	/**
	 * The compiled rules of this text, compiled now if never before.
	 * @throws RuleSetCompilationException when it does not compile (nothing is cached)
	 */
	public RuleSet of(RuleSetSource source) {
		return byHash.computeIfAbsent(source.contentHash(), hash -> RuleSet.compile(source));
	}

	/** Keeps rules compiled elsewhere (the shipped ones) under their hash. */
	RuleSet keep(RuleSet ruleSet) {
		return byHash.computeIfAbsent(ruleSet.contentHash(), hash -> ruleSet);
	}

	public Optional<RuleSet> cached(String contentHash) {
		return Optional.ofNullable(byHash.get(contentHash));
	}

}
