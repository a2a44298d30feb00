package vn.drugcontrol.service.audit;

import java.security.PublicKey;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.media.Schema;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.JsonNode;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Signed checkpoints anchoring the audit chain. A checkpoint is the chain's position — an
 * entry's id and hash — signed with an Ed25519 key kept outside the database
 * ({@link CheckpointKey}). Whoever rewrites entries and recomputes every hash gets a
 * chain that verifies on its own, but cannot sign a checkpoint that matches it:
 * {@link #verify()} checks the chain against every stored checkpoint, and
 * {@link #verify(JsonNode)} against an export of them kept elsewhere (by an auditor), in
 * case the stored ones were removed.
 * <p>
 * A checkpoint is signed only over a chain that verifies from the previous checkpoint on;
 * checkpoints are numbered 1, 2, 3… and only ever inserted.
 */
@Service
public class AuditCheckpoints {

	private static final Logger log = LoggerFactory.getLogger(AuditCheckpoints.class);

	/** What is signed, given a checkpoint's fields: one line of text, UTF-8. */
	static String payload(long id, long entryId, String entryHash, Instant signedAt) {
		return "classifier-audit-checkpoint v1 id=" + id + " entry=" + entryId + " hash=" + entryHash + " signed-at="
				+ signedAt;
	}

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final AuditTrail trail;

	private final CheckpointKey key;

	private final Clock clock;

	AuditCheckpoints(JdbcClient jdbc, TransactionTemplate transactions, AuditTrail trail, CheckpointKey key,
			Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.trail = trail;
		this.key = key;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * One stored checkpoint.
	 *
	 * @param publicKey the signing key, X.509 DER in Base64
	 * @param signature Ed25519 over {@link #payload()}, Base64
	 */
	public record Checkpoint(long id, long entryId, String entryHash, Instant signedAt, String signedBy, String keyId,
			String publicKey, String signature) {

		public String payload() {
			return AuditCheckpoints.payload(id, entryId, entryHash, signedAt);
		}

		AuditTrail.Anchor anchor() {
			return new AuditTrail.Anchor(id, entryId, entryHash, signedAt);
		}

	}

	/** A checkpoint as exported: its fields, the text signed and the signature. */
	public record CheckpointView(long id, long entryId, String entryHash, Instant signedAt, String signedBy,
			String keyId, String payload, String signature) {

		static CheckpointView of(Checkpoint c) {
			return new CheckpointView(c.id(), c.entryId(), c.entryHash(), c.signedAt(), c.signedBy(), c.keyId(),
					c.payload(), c.signature());
		}

	}

	/**
	 * The export of every checkpoint, with the public keys to verify them: keep a copy
	 * outside the database and give it back to {@link #verify(JsonNode)}.
	 *
	 * @param keyId the key signing now
	 * @param publicKey its public key, PEM
	 * @param publicKeys every trusted public key (this one and earlier ones), PEM, by key
	 * id
	 */
	@Schema(name = "AuditExport")
	public record Export(String algorithm, String keyId, String publicKey, Map<String, String> publicKeys,
			Instant exportedAt, List<CheckpointView> checkpoints) {
	}

	/** A checkpoint signed now, or the last one when the chain did not grow since. */
	public record Signed(Checkpoint checkpoint, boolean created) {
	}

	/** No checkpoint could be signed: the chain is empty, or does not verify. */
	public static class NotSignedException extends RuntimeException {

		private final transient AuditVerification verification;

		NotSignedException(String message, AuditVerification verification) {
			super(message);
			this.verification = verification;
		}

		public AuditVerification verification() {
			return verification;
		}

	}

	/**
	 * Signs the chain's head, after checking the chain from the last checkpoint on; when
	 * nothing was appended since the last checkpoint, that one is the answer.
	 * @param who an administrator, or {@code scheduler}
	 * @throws NotSignedException the chain is empty, or it (or the last checkpoint) does
	 * not verify: nothing is signed over a chain that was tampered with
	 */
	public Signed sign(String who) {
		Optional<Checkpoint> last = latest();
		if (last.isPresent()) {
			String problem = signatureProblem(last.get(), key.trusted(last.get().keyId()));
			if (problem != null) {
				throw new NotSignedException("no checkpoint signed: " + problem,
						AuditVerification.broken(0, last.get().entryId(), last.get().id(), problem));
			}
		}
		AuditVerification since = trail.verifySince(last.map(Checkpoint::anchor).orElse(null));
		if (!since.intact()) {
			log.error("audit checkpoint not signed: the chain does not verify: {}", since.problem());
			throw new NotSignedException("no checkpoint signed: the audit chain does not verify: " + since.problem(),
					since);
		}
		long entryId = since.lastEntryId();
		if (entryId == 0) {
			throw new NotSignedException("no checkpoint signed: the audit trail has no entries yet", since);
		}
		if (last.isPresent() && entryId <= last.get().entryId()) {
			return new Signed(last.get(), false);
		}
		return transactions.execute(tx -> {
			// the head's lock orders checkpoints as it orders entries: one at a time
			jdbc.sql("SELECT last_id FROM audit_head WHERE id = 1 FOR UPDATE").query(Long.class).optional();
			Optional<Checkpoint> newest = latest();
			if (newest.isPresent() && newest.get().entryId() >= entryId) {
				return new Signed(newest.get(), false);
			}
			long id = newest.map(c -> c.id() + 1).orElse(1L);
			// whole seconds, as every supported database keeps them (see AuditTrail)
			Instant at = clock.instant().truncatedTo(ChronoUnit.SECONDS);
			String publicKey = java.util.Base64.getEncoder().encodeToString(key.publicKey().getEncoded());
			Checkpoint checkpoint = new Checkpoint(id, entryId, since.lastHash(), at, clip(who), key.keyId(), publicKey,
					null);
			checkpoint = new Checkpoint(id, entryId, since.lastHash(), at, checkpoint.signedBy(), key.keyId(),
					publicKey, key.sign(checkpoint.payload()));
			jdbc.sql("""
					INSERT INTO audit_checkpoint (id, entry_id, entry_hash, signed_at, signed_by, key_id, public_key,
					                              signature)
					VALUES (:id, :entry, :hash, :at, :by, :key, :public, :signature)
					""")
				.param("id", checkpoint.id())
				.param("entry", checkpoint.entryId())
				.param("hash", checkpoint.entryHash())
				.param("at", LocalDateTime.ofInstant(at, ZoneOffset.UTC))
				.param("by", checkpoint.signedBy())
				.param("key", checkpoint.keyId())
				.param("public", checkpoint.publicKey())
				.param("signature", checkpoint.signature())
				.update();
			// a copy outside the database: the log
			log.info("audit checkpoint signed by {}: \"{}\" signature {} key {}", checkpoint.signedBy(),
					checkpoint.payload(), checkpoint.signature(), checkpoint.keyId());
			return new Signed(checkpoint, true);
		});
	}

	/** Every checkpoint, oldest first. */
	public List<Checkpoint> list() {
		return query("ORDER BY id");
	}

	private Optional<Checkpoint> latest() {
		return query("ORDER BY id DESC LIMIT 1").stream().findFirst();
	}

	private List<Checkpoint> query(String order) {
		return jdbc.sql("""
				SELECT id, entry_id, entry_hash, signed_at, signed_by, key_id, public_key, signature
				FROM audit_checkpoint
				""" + order)
			.query((rs, n) -> new Checkpoint(rs.getLong(1), rs.getLong(2), rs.getString(3),
					rs.getObject(4, LocalDateTime.class).toInstant(ZoneOffset.UTC), rs.getString(5), rs.getString(6),
					rs.getString(7), rs.getString(8)))
			.list();
	}

	public Export export() {
		Map<String, String> keys = new LinkedHashMap<>();
		key.trusted().forEach((id, k) -> keys.put(id, CheckpointKey.pem("PUBLIC KEY", k.getEncoded())));
		Map<String, String> ordered = new LinkedHashMap<>();
		ordered.put(key.keyId(), keys.remove(key.keyId()));
		ordered.putAll(new java.util.TreeMap<>(keys));
		return new Export(CheckpointKey.ALGORITHM, key.keyId(), key.publicKeyPem(), ordered,
				clock.instant().truncatedTo(ChronoUnit.SECONDS), list().stream().map(CheckpointView::of).toList());
	}

	/**
	 * The chain checked against every stored checkpoint: each must be numbered in turn,
	 * signed by a trusted key (this one, or one of
	 * {@code classifier.audit.checkpoint.trusted-public-keys}) over its own fields, and
	 * the entry it names must still have the hash it signed.
	 */
	public AuditVerification verify() {
		List<Checkpoint> all = list();
		List<AuditTrail.Anchor> anchors = new ArrayList<>(all.size());
		long expected = 1;
		long previousEntry = 0;
		for (Checkpoint c : all) {
			if (c.id() != expected) {
				return AuditVerification.broken(0, c.entryId(), c.id(),
						"checkpoint"
								+ (c.id() - expected > 1 ? "s " + expected + "–" + (c.id() - 1) + " are"
										: " " + expected + " is")
								+ " missing before checkpoint " + c.id() + ": removed from the database");
			}
			String problem = signatureProblem(c, key.trusted(c.keyId()));
			if (problem != null) {
				return AuditVerification.broken(0, c.entryId(), c.id(), problem);
			}
			if (c.entryId() < previousEntry) {
				return AuditVerification.broken(0, c.entryId(), c.id(), "checkpoint " + c.id() + " names entry "
						+ c.entryId() + ", before the entry of the checkpoint ahead of it (" + previousEntry + ")");
			}
			previousEntry = c.entryId();
			anchors.add(c.anchor());
			expected++;
		}
		return trail.verify(anchors);
	}

	/**
	 * The chain checked against an export of the checkpoints held outside the database
	 * (as {@link #export()} gives it): each checkpoint of the file must be signed by a
	 * key the file holds, and match the chain.
	 * @throws IllegalArgumentException the file is not such an export
	 */
	public AuditVerification verify(JsonNode export) {
		if (export == null || !export.isObject() || !export.path("checkpoints").isArray()) {
			throw new IllegalArgumentException(
					"give the export of GET /api/v1/audit/checkpoints: an object with \"checkpoints\" and \"publicKeys\"");
		}
		Map<String, PublicKey> keys = new LinkedHashMap<>();
		List<String> pems = new ArrayList<>();
		if (export.path("publicKey").isString()) {
			pems.add(export.get("publicKey").asString());
		}
		export.path("publicKeys").forEach(k -> pems.add(k.asString()));
		for (String pem : pems) {
			PublicKey k = CheckpointKey.publicKey(pem);
			keys.put(CheckpointKey.keyId(k), k);
		}
		List<AuditTrail.Anchor> anchors = new ArrayList<>();
		for (JsonNode node : export.get("checkpoints")) {
			Checkpoint c = checkpoint(node);
			String problem = signatureProblem(c, Optional.ofNullable(keys.get(c.keyId())));
			if (problem != null) {
				return AuditVerification.broken(0, c.entryId(), c.id(), "in the file given: " + problem);
			}
			anchors.add(c.anchor());
		}
		return trail.verify(anchors);
	}

	private static Checkpoint checkpoint(JsonNode node) {
		for (String field : List.of("id", "entryId", "entryHash", "signedAt", "keyId", "signature")) {
			if (node.path(field).isMissingNode() || node.path(field).isNull()) {
				throw new IllegalArgumentException("a checkpoint of the file has no \"" + field + "\": " + node);
			}
		}
		try {
			return new Checkpoint(node.get("id").asLong(), node.get("entryId").asLong(),
					node.get("entryHash").asString(), Instant.parse(node.get("signedAt").asString()),
					node.path("signedBy").asString(""), node.get("keyId").asString(), null,
					node.get("signature").asString());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("a checkpoint of the file has a malformed \"signedAt\": " + node);
		}
	}

	/** Null if the checkpoint is signed by the key over its own fields, else why not. */
	private static String signatureProblem(Checkpoint c, Optional<PublicKey> key) {
		if (key.isEmpty()) {
			return "checkpoint " + c.id() + " is signed by key " + c.keyId()
					+ ", which is not trusted (neither classifier.audit.checkpoint.key-file's nor one of "
					+ "classifier.audit.checkpoint.trusted-public-keys)";
		}
		if (!CheckpointKey.verify(key.get(), c.payload(), c.signature())) {
			return "checkpoint " + c.id() + "'s signature does not match its content (entry " + c.entryId()
					+ "): it was altered after it was signed";
		}
		return null;
	}

	private static String clip(String who) {
		String w = who == null ? "" : who;
		return w.length() > 128 ? w.substring(0, 128) : w;
	}

}
