package vn.drugcontrol.service.ruleset;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.engine.ShippedRuleSets;

/**
 * Health {@code ruleSets}, part of readiness: up once the shipped rule sets are compiled
 * on this node (at start-up, from their DRL), so a node takes requests only when it can
 * classify them without a compile on the request's time. Details (administrators only):
 * each shipped rule set's content hash and whether it is compiled.
 */
@Component
class RuleSetsHealthIndicator implements HealthIndicator {

	private final CompiledRuleSets compiled;

	private final Map<String, String> hashes = new LinkedHashMap<>();

	RuleSetsHealthIndicator(CompiledRuleSets compiled) {
		this.compiled = compiled;
		ShippedRuleSets.names().forEach(name -> hashes.put(name, ShippedRuleSets.source(name).contentHash()));
	}

	@Override
	public Health health() {
		Health.Builder health = Health.up();
		hashes.forEach((name, hash) -> {
			var rules = compiled.cached(hash, name);
			if (rules.isEmpty()) {
				health.down();
			}
			health.withDetail(name, Map.of("contentHash", hash, "compiled", rules.isPresent()));
		});
		return health.build();
	}

}
