package vn.drugcontrol.service.ruleset;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetExecutionException;
import vn.drugcontrol.rules.proof.ExhaustiveCheck;
import vn.drugcontrol.rules.proof.Proof;

/**
 * The exhaustive check of each stored version (the rules module's
 * {@link ExhaustiveCheck}): run when a version is stored, its summary kept with the
 * version (table {@code rule_set_proof}), its cells recomputed from the version's rules
 * when asked for. A version stored before the check is checked the first time it is asked
 * about. Proofs are kept per content hash in this JVM: the same rules give the same
 * cells.
 */
@Component
public class RuleSetProofs {

	/** Proofs kept in memory, by content hash (the most recently used). */
	private static final int KEPT = 16;

	private static final Map<String, Proof> CHECKED = Collections
		.synchronizedMap(new LinkedHashMap<>(KEPT, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Proof> eldest) {
				return size() > KEPT;
			}
		});

	private final JdbcClient jdbc;

	private final CompiledRuleSets compiled;

	RuleSetProofs(JdbcClient jdbc, CompiledRuleSets compiled) {
		this.jdbc = jdbc;
		this.compiled = compiled;
	}

	/**
	 * What the check stored for a version.
	 *
	 * @param classes cells per class
	 * @param overlaps cells where Art. 6 and a type of Art. 4 both hold, by
	 * {@code TYPE>DECIDED}
	 * @param failure why the check could not run (null when it ran)
	 * @param overrideBy who last activated it despite its counterexamples (null: nobody)
	 */
	public record Summary(long versionId, Instant checkedAt, String periods, int cells,
			Map<Classification, Integer> classes, int unclassified, int notOneClass, int counterexamples,
			Map<String, Integer> overlaps, boolean monotone, boolean proven, long millis, String failure,
			String overrideBy, Instant overrideAt, String overrideReason) {

		/**
		 * The check ran and found a commune with more of a measure given a better class.
		 */
		public boolean breaksMonotonicity() {
			return failure == null && !monotone;
		}

	}

	/** Checks a rule set (or takes the check of the same rules from this JVM). */
	public Proof check(RuleSet rules) {
		Proof proof = CHECKED.get(rules.contentHash());
		if (proof == null) {
			proof = ExhaustiveCheck.of(rules);
			CHECKED.put(rules.contentHash(), proof);
		}
		return proof;
	}

	/** The proof of a usable version, with every listed cell. */
	public Proof proofOf(RuleSetVersion version) {
		return check(compiled.of(version.source()));
	}

	/**
	 * Stores the check of a version's rules (in the caller's transaction): its summary,
	 * or why it could not run.
	 */
	void store(long versionId, RuleSet rules, Instant at) {
		Proof proof;
		try {
			proof = check(rules);
		}
		catch (RuleSetExecutionException ex) {
			insert(versionId, at, null, clip(ex.getMessage(), 2000));
			return;
		}
		insert(versionId, at, proof, null);
	}

	private void insert(long versionId, Instant at, Proof p, String failure) {
		Map<Classification, Integer> classes = p == null ? Map.of() : p.classes();
		jdbc.sql(
				"""
						INSERT INTO rule_set_proof (version_id, checked_at, periods, cells, type_i, type_ii, type_iii,
						    drug_free, unclassified, not_one_class, counterexamples, overlaps, monotone, proven, millis, failure)
						VALUES (:id, :at, :periods, :cells, :t1, :t2, :t3, :df, :un, :notOne, :ce, :overlaps, :monotone,
						    :proven, :millis, :failure)
						""")
			.param("id", versionId)
			.param("at", java.sql.Timestamp.from(at))
			.param("periods",
					p == null ? "" : p.periods().stream().map(String::valueOf).collect(Collectors.joining(",")))
			.param("cells", p == null ? 0 : p.cells())
			.param("t1", classes.getOrDefault(Classification.TYPE_I, 0))
			.param("t2", classes.getOrDefault(Classification.TYPE_II, 0))
			.param("t3", classes.getOrDefault(Classification.TYPE_III, 0))
			.param("df", classes.getOrDefault(Classification.DRUG_FREE, 0))
			.param("un", p == null ? 0 : p.unclassifiedCells())
			.param("notOne", p == null ? 0 : p.notOneClassCells())
			.param("ce", p == null ? 0 : p.counterexampleCount())
			.param("overlaps",
					p == null ? ""
							: clip(p.overlaps()
								.stream()
								.map(o -> o.type() + ">" + o.decided() + "=" + o.cells())
								.collect(Collectors.joining(";")), 1000))
			.param("monotone", p != null && p.monotone())
			.param("proven", p != null && p.proven())
			.param("millis", p == null ? 0 : p.millis())
			.param("failure", failure)
			.update();
	}

	/**
	 * The stored summary of a version, checking it first if it was stored before the
	 * check.
	 */
	public Optional<Summary> of(RuleSetVersion version) {
		Optional<Summary> stored = find(version.id());
		if (stored.isPresent() || !version.status().usable()) {
			return stored;
		}
		try {
			store(version.id(), compiled.of(version.source()), Instant.now());
		}
		catch (org.springframework.dao.DuplicateKeyException ex) {
			// checked meanwhile by another request or node: that one stands
		}
		return find(version.id());
	}

	Optional<Summary> find(long versionId) {
		return jdbc.sql("SELECT * FROM rule_set_proof WHERE version_id = :id").param("id", versionId).query((rs, n) -> {
			Map<Classification, Integer> classes = new EnumMap<>(Classification.class);
			classes.put(Classification.TYPE_I, rs.getInt("type_i"));
			classes.put(Classification.TYPE_II, rs.getInt("type_ii"));
			classes.put(Classification.TYPE_III, rs.getInt("type_iii"));
			classes.put(Classification.DRUG_FREE, rs.getInt("drug_free"));
			classes.put(Classification.UNCLASSIFIED, rs.getInt("unclassified"));
			Map<String, Integer> overlaps = new LinkedHashMap<>();
			for (String part : rs.getString("overlaps").split(";")) {
				int eq = part.lastIndexOf('=');
				if (eq > 0) {
					overlaps.put(part.substring(0, eq), Integer.parseInt(part.substring(eq + 1)));
				}
			}
			java.sql.Timestamp overrideAt = rs.getTimestamp("override_at");
			return new Summary(rs.getLong("version_id"), rs.getTimestamp("checked_at").toInstant(),
					rs.getString("periods"), rs.getInt("cells"), classes, rs.getInt("unclassified"),
					rs.getInt("not_one_class"), rs.getInt("counterexamples"), overlaps, rs.getBoolean("monotone"),
					rs.getBoolean("proven"), rs.getLong("millis"), rs.getString("failure"), rs.getString("override_by"),
					overrideAt == null ? null : overrideAt.toInstant(), rs.getString("override_reason"));
		}).optional();
	}

	/**
	 * Records an analyst's override (in the caller's transaction, with its audit entry).
	 */
	void recordOverride(long versionId, String who, String reason, Instant at) {
		jdbc.sql("""
				UPDATE rule_set_proof SET override_by = :who, override_at = :at, override_reason = :reason
				WHERE version_id = :id
				""")
			.param("who", clip(who, 128))
			.param("at", java.sql.Timestamp.from(at))
			.param("reason", clip(reason, 2000))
			.param("id", versionId)
			.update();
	}

	private static String clip(String text, int max) {
		return text == null || text.length() <= max ? text : text.substring(0, max);
	}

	/**
	 * The rows a view lists of each kind: the API gives them all (up to the check's
	 * limit).
	 */
	static <T> List<T> first(List<T> list, int n) {
		return list.size() <= n ? list : list.subList(0, n);
	}

}
