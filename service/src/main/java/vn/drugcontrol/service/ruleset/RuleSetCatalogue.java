package vn.drugcontrol.service.ruleset;

import java.util.List;
import java.util.Optional;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.VersionStateException;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * Which rules classify a request: a version asked for by id, a rule set asked for by name
 * ({@code default}, {@code literal}, or an uploaded version's name), else the version
 * effective for the evaluation period (as-of dating: the period, not the wall clock) —
 * or, in development mode, the watched directory's rules. Compiled rules come from the
 * cache by content hash.
 */
@Component
public class RuleSetCatalogue {

	private final String defaultName;

	private final RuleSetVersionRepository versions;

	private final CompiledRuleSets compiled;

	private final ShippedVersions shipped;

	private final ObjectProvider<RuleSetWatcher> watcher;

	private final JdbcClient jdbc;

	RuleSetCatalogue(RuleSetProperties properties, RuleSetVersionRepository versions, CompiledRuleSets compiled,
			ShippedVersions shipped, ObjectProvider<RuleSetWatcher> watcher, JdbcClient jdbc) {
		this.jdbc = jdbc;
		this.defaultName = properties.defaultRuleSet();
		this.versions = versions;
		this.compiled = compiled;
		this.shipped = shipped;
		this.watcher = watcher;
	}

	/** Rules chosen for a request, and the stored version they are (null if none). */
	public record Pinned(RuleSet ruleSet, Long versionId) {
	}

	/** The shipped names, always known. */
	public List<String> names() {
		return ShippedRuleSets.names();
	}

	/**
	 * The named rule set, or the default one when {@code name} is blank (as before
	 * versions).
	 */
	public RuleSet get(String name) {
		return resolve(name, null, null).ruleSet();
	}

	/**
	 * The rules for a request.
	 * @param name a rule set's name, or null
	 * @param versionId a version's id, or null; wins over the name
	 * @param period the evaluation period, or null
	 * @throws UnknownRuleSetException for a name no version has
	 * @throws NotFoundException for an unknown version id
	 * @throws VersionStateException for a rejected version
	 */
	public Pinned resolve(String name, Long versionId, Integer period) {
		// runs on every evaluation: one small query once the rules are compiled; the
		// shipped versions are stored at start-up, and again whenever one is missing
		if (versionId != null) {
			return pin(versions.findById(versionId)
				.orElseThrow(() -> new NotFoundException("no rule set version " + versionId)));
		}
		if (name != null && !name.isBlank()) {
			return named(name.strip());
		}
		RuleSetWatcher watched = watcher.getIfAvailable();
		if (watched != null && watched.current().isPresent()) {
			// development mode: the watched directory's last state, as the database
			// stores it
			Optional<RuleSetVersion> stored = versions.findById(watched.current().get().versionId());
			if (stored.isPresent()) {
				return pin(stored.get());
			}
		}
		if (period != null) {
			Optional<VersionKey> effective = effectiveFor(period);
			if (effective.isPresent()) {
				VersionKey key = effective.get();
				return compiled.cached(key.contentHash(), key.name())
					.map(rules -> new Pinned(rules, key.id()))
					.orElseGet(() -> pin(versions.findById(key.id()).orElseThrow()));
			}
		}
		return named(defaultName);
	}

	/** What picks a version's compiled rules, without reading its files. */
	private record VersionKey(long id, String name, String contentHash) {
	}

	/** The active version whose periods cover {@code period}; the one activated last. */
	private Optional<VersionKey> effectiveFor(int period) {
		return jdbc.sql("""
				SELECT id, name, content_hash FROM rule_set_version
				WHERE status = 'ACTIVE' AND effective_from <= :period
				  AND (effective_to IS NULL OR effective_to >= :period)
				ORDER BY activated_at DESC, id DESC LIMIT 1
				""")
			.param("period", period)
			.query((r, n) -> new VersionKey(r.getLong(1), r.getString(2), r.getString(3)))
			.optional();
	}

	/** The stored version, compiled. */
	public Pinned pin(RuleSetVersion version) {
		if (!version.status().usable()) {
			throw new VersionStateException("rule set version " + version.id() + " was rejected: it does not compile");
		}
		return new Pinned(compiled.of(version.source()), version.id());
	}

	/**
	 * The rules a stored run used, by the content hash and name it recorded: compiled
	 * from the bundle the database stores, never from what this node happens to have
	 * compiled or to ship, so every node replays a run alike — or none does, when its
	 * rules are no longer stored.
	 */
	public Optional<Pinned> byContentHash(String contentHash, String name) {
		shipped.ensureStored();
		return versions.findUsableByContentHash(contentHash, name)
			.map(version -> new Pinned(compiled.of(version.source()), version.id()));
	}

	private Pinned named(String name) {
		if (names().contains(name)) {
			// the shipped reading as stored (the same text this node ships, by its hash)
			return pin(shipped.version(name));
		}
		return versions.findNewestUsableByName(name)
			.map(this::pin)
			.orElseThrow(() -> new UnknownRuleSetException(name, names()));
	}

}
