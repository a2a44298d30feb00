package vn.drugcontrol.service.ruleset;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.engine.RuleSetSource;
import vn.drugcontrol.rules.engine.ShippedRuleSets;

/**
 * The shipped readings as the first versions: {@code default} active for periods from
 * 2025, {@code literal} validated. Stored at start-up, and again whenever found missing
 * (an emptied database), so a version always backs the shipped names.
 */
@Component
class ShippedVersions implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(ShippedVersions.class);

	private final RuleSetVersions lifecycle;

	private final RuleSetVersionRepository versions;

	private final CompiledRuleSets compiled;

	private final Clock clock;

	private final Map<String, Bundle> bundles = new LinkedHashMap<>();

	ShippedVersions(RuleSetVersions lifecycle, RuleSetVersionRepository versions, CompiledRuleSets compiled,
			Optional<Clock> clock) {
		this.lifecycle = lifecycle;
		this.versions = versions;
		this.compiled = compiled;
		this.clock = clock.orElse(Clock.systemUTC());
		for (String name : ShippedRuleSets.names()) {
			RuleSetSource source = ShippedRuleSets.source(name);
			compiled.keep(ShippedRuleSets.compiled(name));
			Bundle bundle = new Bundle();
			source.files().forEach((path, text) -> bundle.add(path, text.getBytes(StandardCharsets.UTF_8)));
			ShippedRuleSets.scenarios(name)
				.forEach((path, text) -> bundle.add(path, text.getBytes(StandardCharsets.UTF_8)));
			bundles.put(name, bundle);
		}
	}

	@Override
	public void run(ApplicationArguments args) {
		ensureStored();
	}

	/** Stores the shipped versions that are missing. */
	void ensureStored() {
		bundles.forEach((name, bundle) -> {
			if (!versions.existsByBundleHash(bundle.hash(name))) {
				boolean active = ShippedRuleSets.DEFAULT.equals(name);
				RuleSetVersions.Uploaded stored = lifecycle.store(bundle,
						new RuleSetVersions.Metadata(name, ShippedRuleSets.source(name).label(), "shipped",
								"Shipped with the service (rules/src/main/resources/vn/drugcontrol/rules)", 2025, null),
						active ? Instant.now(clock).truncatedTo(ChronoUnit.MILLIS) : null, null);
				if (stored.created()) {
					log.info("shipped rule set '{}' stored as version {} ({})", name, stored.version().id(),
							stored.version().status());
				}
			}
		});
	}

	/** The stored version of a shipped rule set, storing it first if missing. */
	RuleSetVersion version(String name) {
		Bundle bundle = bundles.get(name);
		return versions.findByBundleHash(bundle.hash(name)).orElseGet(() -> {
			ensureStored();
			return versions.findByBundleHash(bundle.hash(name)).orElseThrow();
		});
	}

}
