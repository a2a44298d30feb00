package vn.drugcontrol.service.audit;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.security.access.prepost.PreAuthorize;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import tools.jackson.databind.json.JsonMapper;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Appends entries to the audit trail: who did what to which subject, when, with details.
 * Each entry carries the SHA-256 of the previous entry and its own hash over its
 * canonical content, so any edit, removal or reordering shows in {@link #verify()}.
 * <p>
 * {@link #record} joins the caller's transaction (the entry commits with the change it
 * records, or not at all) or opens its own. Entries are only ever inserted.
 */
@Component
public class AuditTrail {

	/** The previous hash of the first entry. */
	static final String GENESIS = "0".repeat(64);

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final Clock clock;

	AuditTrail(JdbcClient jdbc, TransactionTemplate transactions, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** What is audited; other features may add their own action names. */
	public static final class Action {

		public static final String RUN_CREATED = "RUN_CREATED";

		public static final String RUN_SUBMITTED = "RUN_SUBMITTED";

		public static final String RUN_APPROVED = "RUN_APPROVED";

		public static final String RUN_RETURNED = "RUN_RETURNED";

		public static final String OVERRIDE_PROPOSED = "OVERRIDE_PROPOSED";

		public static final String OVERRIDE_CONFIRMED = "OVERRIDE_CONFIRMED";

		/**
		 * Any file or data leaving the service: details name its {@code kind} (run-list,
		 * run-report, province-report, run-chart, trend-chart, simulation,
		 * overrides-report), {@code format}, and the run, province and period.
		 */
		public static final String EXPORT = "EXPORT";

		public static final String ROUTE_REGISTERED = "ROUTE_REGISTERED";

		public static final String TARGET_SET = "TARGET_SET";

		public static final String LOGIN_FAILED = "LOGIN_FAILED";

		public static final String API_TOKEN_CREATED = "API_TOKEN_CREATED";

		public static final String RULE_SET_UPLOADED = "RULE_SET_UPLOADED";

		public static final String RULE_SET_ACTIVATED = "RULE_SET_ACTIVATED";

		public static final String RULE_SET_ROLLED_BACK = "RULE_SET_ROLLED_BACK";

		/**
		 * A version activated although its exhaustive check found monotonicity
		 * counterexamples: the analyst's reason, the counterexamples' number.
		 */
		public static final String RULE_SET_MONOTONICITY_OVERRIDDEN = "RULE_SET_MONOTONICITY_OVERRIDDEN";

		private Action() {
		}

	}

	/** One stored entry. */
	@Schema(name = "AuditEntry")
	public record Entry(long id, Instant occurredAt, String actor, String action, String subject, String details,
			String previousHash, String entryHash) {
	}

	/**
	 * Appends an entry.
	 * @param actor who (a user, an API client, {@code cli})
	 * @param action e.g. {@link Action#RUN_APPROVED}
	 * @param subject what, e.g. {@code run:12}
	 * @param details small facts of the change (kept as canonical JSON, keys sorted)
	 * @return the stored entry
	 */
	public Entry record(String actor, String action, String subject, Map<String, ?> details) {
		String canonicalDetails = JSON.writeValueAsString(new TreeMap<>(details));
		return transactions.execute(
				tx -> append(clip(actor, 128), clip(action, 64), clip(subject, 128), clip(canonicalDetails, 4000)));
	}

	private Entry append(String actor, String action, String subject, String details) {
		Head head = lockHead();
		// whole seconds: what every supported database keeps (Connector/J sends no
		// fractions
		// to MariaDB), so the hash verifies against the value read back
		Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
		long id = head.lastId() + 1;
		String hash = hash(id, now, actor, action, subject, details, head.lastHash());
		jdbc.sql("""
				INSERT INTO audit_entry (id, occurred_at, actor, action, subject, details, previous_hash, entry_hash)
				VALUES (:id, :at, :actor, :action, :subject, :details, :previous, :hash)
				""")
			.param("id", id)
			.param("at", java.time.LocalDateTime.ofInstant(now, java.time.ZoneOffset.UTC))
			.param("actor", actor)
			.param("action", action)
			.param("subject", subject)
			.param("details", details)
			.param("previous", head.lastHash())
			.param("hash", hash)
			.update();
		jdbc.sql("UPDATE audit_head SET last_id = :id, last_hash = :hash WHERE id = 1")
			.param("id", id)
			.param("hash", hash)
			.update();
		return new Entry(id, now, actor, action, subject, details, head.lastHash(), hash);
	}

	private record Head(long lastId, String lastHash) {
	}

	/** The head row, locked until the transaction ends; made on first use. */
	private Head lockHead() {
		for (int attempt = 0; attempt < 3; attempt++) {
			Optional<Head> head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE id = 1 FOR UPDATE")
				.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
				.optional();
			if (head.isPresent()) {
				return head.get();
			}
			try {
				jdbc.sql("INSERT INTO audit_head (id, last_id, last_hash) VALUES (1, 0, :genesis)")
					.param("genesis", GENESIS)
					.update();
			}
			catch (DuplicateKeyException ex) {
				// another transaction made it first: lock that one
			}
		}
		throw new IllegalStateException("the audit trail's head row cannot be locked");
	}

	/** Entries in order, from {@code afterId} on, at most {@code limit}. */
	@PreAuthorize("@provinceScope.national()")
	public List<Entry> entries(long afterId, int limit) {
		return page(afterId, Long.MAX_VALUE, limit);
	}

	/**
	 * The hash an entry had when a checkpoint signed it.
	 *
	 * @param checkpointId the checkpoint
	 * @param entryId the entry it names, the chain's last when it was signed
	 * @param entryHash that entry's hash then
	 * @param signedAt when
	 */
	record Anchor(long checkpointId, long entryId, String entryHash, Instant signedAt) {
	}

	/**
	 * Walks the whole chain: each entry must follow the one before (its id, its previous
	 * hash) and hash to what it carries; the head must point at the last entry.
	 */
	public AuditVerification verify() {
		return verify(List.of());
	}

	/**
	 * Walks the whole chain as {@link #verify()} does, and each entry a checkpoint names
	 * must still have the hash the checkpoint signed: a chain rewritten with every hash
	 * recomputed verifies on its own, but no longer matches its checkpoints.
	 */
	AuditVerification verify(List<Anchor> anchors) {
		return walk(null, anchors);
	}

	/**
	 * Walks the chain from a checkpoint on (the entry it names must be as it signed it)
	 * to the head: what a new checkpoint is signed over.
	 */
	AuditVerification verifySince(Anchor from) {
		return walk(from, List.of());
	}

	private AuditVerification walk(Anchor from, List<Anchor> anchors) {
		// the head first: entries up to it were committed with it; later ones are not
		// walked (they are appended meanwhile, not removed)
		Optional<Head> head = jdbc.sql("SELECT last_id, last_hash FROM audit_head WHERE id = 1")
			.query((rs, n) -> new Head(rs.getLong(1), rs.getString(2)))
			.optional();
		long upTo = head.map(Head::lastId).orElse(Long.MAX_VALUE);
		Map<Long, List<Anchor>> byEntry = new TreeMap<>();
		anchors.forEach(a -> byEntry.computeIfAbsent(a.entryId(), k -> new ArrayList<>()).add(a));
		long checked = 0;
		long lastId = 0;
		String lastHash = GENESIS;
		if (from != null) {
			Optional<Entry> start = page(from.entryId() - 1, from.entryId(), 1).stream().findFirst();
			if (start.isEmpty() || !start.get().entryHash().equals(from.entryHash())
					|| !hashOf(start.get()).equals(from.entryHash())) {
				return AuditVerification.broken(0, from.entryId(), from.checkpointId(),
						mismatch(from, start.isEmpty() ? "is missing" : "differs"));
			}
			lastId = from.entryId();
			lastHash = from.entryHash();
		}
		List<Entry> page;
		do {
			page = page(lastId, upTo, 1000);
			for (Entry e : page) {
				checked++;
				if (e.id() != lastId + 1) {
					return AuditVerification.broken(checked, e.id(),
							"entries " + (lastId + 1) + "–" + (e.id() - 1) + " are missing before entry " + e.id());
				}
				if (!e.previousHash().equals(lastHash)) {
					return AuditVerification.broken(checked, e.id(), "entry " + e.id()
							+ " does not carry the hash of entry " + lastId + ": the chain was rewritten or reordered");
				}
				if (!hashOf(e).equals(e.entryHash())) {
					return AuditVerification.broken(checked, e.id(), "entry " + e.id()
							+ " was changed after it was written: its content no longer matches its hash");
				}
				for (Anchor a : byEntry.getOrDefault(e.id(), List.of())) {
					if (!a.entryHash().equals(e.entryHash())) {
						return AuditVerification.broken(checked, e.id(), a.checkpointId(), mismatch(a, "differs"));
					}
				}
				lastId = e.id();
				lastHash = e.entryHash();
			}
		}
		while (page.size() == 1000);
		if (head.isPresent() && head.get().lastId() != lastId) {
			return AuditVerification.broken(checked, head.get().lastId(), "the chain ends at entry " + lastId
					+ " but entry " + head.get().lastId() + " was written: entries were removed from the end");
		}
		for (Anchor a : anchors) {
			if (a.entryId() > lastId) {
				return AuditVerification.broken(checked, a.entryId(), a.checkpointId(),
						"checkpoint " + a.checkpointId() + " signed entry " + a.entryId() + " at " + a.signedAt()
								+ ", but the chain ends at entry " + lastId + ": entries were removed");
			}
		}
		long anchored = anchors.stream().mapToLong(Anchor::entryId).max().orElse(0);
		return AuditVerification.intact(checked, lastId, lastHash, anchors.size(), anchored == 0 ? null : anchored);
	}

	private static String mismatch(Anchor a, String how) {
		return "entry " + a.entryId() + " " + how + " from what checkpoint " + a.checkpointId() + " signed at "
				+ a.signedAt() + " (hash " + a.entryHash().substring(0, 12) + "…): the chain was rewritten, "
				+ "its hashes recomputed, after the checkpoint";
	}

	/**
	 * Entries after {@code afterId} up to {@code upTo}, in order, at most {@code limit}.
	 */
	private List<Entry> page(long afterId, long upTo, int limit) {
		return jdbc.sql("""
				SELECT id, occurred_at, actor, action, subject, details, previous_hash, entry_hash
				FROM audit_entry WHERE id > :after AND id <= :upto ORDER BY id LIMIT :limit
				""")
			.param("after", afterId)
			.param("upto", upTo)
			.param("limit", limit)
			.query((rs, n) -> new Entry(rs.getLong(1),
					rs.getObject(2, java.time.LocalDateTime.class).toInstant(java.time.ZoneOffset.UTC), rs.getString(3),
					rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8)))
			.list();
	}

	private static String hashOf(Entry e) {
		return hash(e.id(), e.occurredAt(), e.actor(), e.action(), e.subject(), e.details(), e.previousHash());
	}

	/** SHA-256 over the entry's canonical content: a JSON array of its fields. */
	static String hash(long id, Instant at, String actor, String action, String subject, String details,
			String previousHash) {
		List<Object> content = new ArrayList<>(
				List.of(id, at.toEpochMilli(), actor, action, subject, details, previousHash));
		byte[] canonical = JSON.writeValueAsString(content).getBytes(StandardCharsets.UTF_8);
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(canonical));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static String clip(String value, int max) {
		String v = value == null ? "" : value;
		return v.length() > max ? v.substring(0, max) : v;
	}

}
