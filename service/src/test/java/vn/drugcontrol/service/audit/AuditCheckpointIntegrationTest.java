package vn.drugcontrol.service.audit;

import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

import vn.drugcontrol.service.DatabaseTest;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The audit chain anchored by signed checkpoints, over real HTTP on the real database:
 * whoever rewrites an entry and recomputes every hash after it (and the head) has a chain
 * that verifies on its own — but not against the checkpoints signed before, nor against
 * an export of them held outside the database.
 */
class AuditCheckpointIntegrationTest extends DatabaseTest {

	@Autowired
	private AuditTrail trail;

	/** Three entries: a run and two exports of it; the run's id. */
	private long threeEntries() {
		long run = upload(sample("cao-bang-2025.csv")).getBody().get("id").asLong();
		for (int i = 0; i < 2; i++) {
			http().get().uri("/api/v1/runs/" + run + "/export?format=csv").retrieve().toBodilessEntity();
		}
		assertThat(count("audit_entry")).isEqualTo(3);
		return run;
	}

	private ResponseEntity<JsonNode> sign(String user) {
		return http(user).post().uri("/api/v1/audit/checkpoints").retrieve().toEntity(JsonNode.class);
	}

	private ResponseEntity<JsonNode> verifyAgainst(String user, String export) {
		return http(user).post()
			.uri("/api/v1/audit/verification")
			.contentType(MediaType.APPLICATION_JSON)
			.body(export)
			.retrieve()
			.toEntity(JsonNode.class);
	}

	/**
	 * The attack: entry {@code id}'s actor changed with SQL, and the hash of it and of
	 * every entry after it recomputed and written back, the head too.
	 */
	private void rewriteAndRecompute(long id, String actor) {
		jdbc.update("UPDATE audit_entry SET actor = ? WHERE id = ?", actor, id);
		List<Map<String, Object>> entries = jdbc.queryForList("SELECT * FROM audit_entry ORDER BY id");
		String previous = AuditTrail.GENESIS;
		for (Map<String, Object> e : entries) {
			long entryId = ((Number) e.get("id")).longValue();
			if (entryId >= id) {
				Instant at = instant(e.get("occurred_at"));
				String hash = AuditTrail.hash(entryId, at, (String) e.get("actor"), (String) e.get("action"),
						(String) e.get("subject"), (String) e.get("details"), previous);
				jdbc.update("UPDATE audit_entry SET previous_hash = ?, entry_hash = ? WHERE id = ?", previous, hash,
						entryId);
				previous = hash;
			}
			else {
				previous = (String) e.get("entry_hash");
			}
		}
		jdbc.update("UPDATE audit_head SET last_hash = ? WHERE id = 1", previous);
		assertThat(trail.verify().intact()).as("the rewritten chain verifies on its own").isTrue();
		assertThat(jdbc.queryForObject("SELECT actor FROM audit_entry WHERE id = ?", String.class, id))
			.isEqualTo(actor);
	}

	/** A DATETIME column as the driver gives it (Timestamp or LocalDateTime), in UTC. */
	private static Instant instant(Object value) {
		LocalDateTime local = value instanceof java.sql.Timestamp t ? t.toLocalDateTime() : (LocalDateTime) value;
		return local.toInstant(ZoneOffset.UTC);
	}

	@Test
	void aCheckpointSignsTheHeadAndVerifiesWithThePublicKeyAlone() throws Exception {
		long run = threeEntries();

		ResponseEntity<JsonNode> signed = sign("admin");

		assertThat(signed.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		JsonNode checkpoint = signed.getBody();
		assertThat(checkpoint.get("id").asLong()).isEqualTo(1);
		assertThat(checkpoint.get("entryId").asLong()).isEqualTo(3);
		assertThat(checkpoint.get("entryHash").asString())
			.isEqualTo(jdbc.queryForObject("SELECT entry_hash FROM audit_entry WHERE id = 3", String.class));
		assertThat(checkpoint.get("signedBy").asString()).isEqualTo("admin");
		assertThat(checkpoint.get("payload").asString()).isEqualTo("classifier-audit-checkpoint v1 id=1 entry=3 hash="
				+ checkpoint.get("entryHash").asString() + " signed-at=" + checkpoint.get("signedAt").asString());

		// an auditor needs only the export: the public key (PEM), the text and the
		// signature
		JsonNode export = get("/api/v1/audit/checkpoints");
		assertThat(export.get("algorithm").asString()).isEqualTo("Ed25519");
		assertThat(export.get("checkpoints")).hasSize(1);
		PublicKey key = KeyFactory.getInstance("Ed25519")
			.generatePublic(new X509EncodedKeySpec(Base64.getMimeDecoder()
				.decode(export.get("publicKey")
					.asString()
					.replace("-----BEGIN PUBLIC KEY-----", "")
					.replace("-----END PUBLIC KEY-----", ""))));
		Signature verifier = Signature.getInstance("Ed25519");
		verifier.initVerify(key);
		verifier.update(export.get("checkpoints").get(0).get("payload").asString().getBytes(StandardCharsets.UTF_8));
		assertThat(verifier
			.verify(Base64.getDecoder().decode(export.get("checkpoints").get(0).get("signature").asString()))).isTrue();
		assertThat(export.get("publicKeys").get(export.get("keyId").asString()).asString())
			.isEqualTo(export.get("publicKey").asString());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_checkpoint", Integer.class)).isEqualTo(1);

		JsonNode verification = get("/api/v1/audit/verification");
		assertThat(verification.get("intact").asBoolean()).isTrue();
		assertThat(verification.get("checkpointsChecked").asInt()).isEqualTo(1);
		assertThat(verification.get("anchoredUpTo").asLong()).isEqualTo(3);

		// nothing appended since: the same checkpoint; one more entry: a new one
		ResponseEntity<JsonNode> again = sign("admin");
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(again.getBody().get("id").asLong()).isEqualTo(1);
		http().get().uri("/api/v1/runs/" + run + "/export?format=xlsx").retrieve().toBodilessEntity();
		JsonNode second = sign("admin").getBody();
		assertThat(second.get("id").asLong()).isEqualTo(2);
		assertThat(second.get("entryId").asLong()).isEqualTo(4);
		assertThat(get("/api/v1/audit/verification").get("checkpointsChecked").asInt()).isEqualTo(2);
	}

	@Test
	void aRewrittenChainWithRecomputedHashesNoLongerMatchesItsCheckpoint() {
		threeEntries();
		sign("admin");

		rewriteAndRecompute(2, "someone else");

		JsonNode verification = get("/api/v1/audit/verification");
		assertThat(verification.get("intact").asBoolean()).isFalse();
		assertThat(verification.get("brokenCheckpointId").asLong()).isEqualTo(1);
		assertThat(verification.get("brokenEntryId").asLong()).isEqualTo(3);
		assertThat(verification.get("problem").asString()).contains("checkpoint 1")
			.contains("rewritten")
			.contains("recomputed");
		// and nothing is signed over it
		ResponseEntity<JsonNode> refused = sign("admin");
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
		assertThat(refused.getBody().get("detail").asString()).contains("does not verify");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_checkpoint", Integer.class)).isEqualTo(1);
	}

	@Test
	void anExportHeldElsewhereCatchesTheRewriteEvenWhenTheStoredCheckpointsAreDeleted() {
		threeEntries();
		sign("admin");
		String export = http().get().uri("/api/v1/audit/checkpoints").retrieve().body(String.class);
		assertThat(verifyAgainst("admin", export).getBody().get("intact").asBoolean()).isTrue();

		rewriteAndRecompute(1, "admin");
		jdbc.update("DELETE FROM audit_checkpoint");

		assertThat(get("/api/v1/audit/verification").get("intact").asBoolean())
			.as("nothing left in the database to tell")
			.isTrue();
		ResponseEntity<JsonNode> against = verifyAgainst("admin", export);
		assertThat(against.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(against.getBody().get("intact").asBoolean()).isFalse();
		assertThat(against.getBody().get("brokenCheckpointId").asLong()).isEqualTo(1);
		assertThat(against.getBody().get("problem").asString()).contains("checkpoint 1");
	}

	@Test
	void anAlteredForgedOrRemovedCheckpointIsNamed() throws Exception {
		long run = threeEntries();
		sign("admin");
		http().get().uri("/api/v1/runs/" + run + "/export?format=xlsx").retrieve().toBodilessEntity();
		sign("admin");
		Map<String, Object> first = jdbc.queryForMap("SELECT * FROM audit_checkpoint WHERE id = 1");

		// altered: it names another entry
		jdbc.update("UPDATE audit_checkpoint SET entry_id = 2, entry_hash = "
				+ "(SELECT entry_hash FROM audit_entry WHERE id = 2) WHERE id = 1");
		JsonNode altered = get("/api/v1/audit/verification");
		assertThat(altered.get("intact").asBoolean()).isFalse();
		assertThat(altered.get("brokenCheckpointId").asLong()).isEqualTo(1);
		assertThat(altered.get("problem").asString()).contains("signature does not match");

		// forged: signed again with a key of the forger's own
		KeyPair forger = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		Instant at = instant(first.get("signed_at"));
		Signature signer = Signature.getInstance("Ed25519");
		signer.initSign(forger.getPrivate());
		signer.update(AuditCheckpoints
			.payload(1, 2, jdbc.queryForObject("SELECT entry_hash FROM audit_entry WHERE id = 2", String.class), at)
			.getBytes(StandardCharsets.UTF_8));
		jdbc.update("UPDATE audit_checkpoint SET key_id = ?, public_key = ?, signature = ? WHERE id = 1",
				CheckpointKey.keyId(forger.getPublic()),
				Base64.getEncoder().encodeToString(forger.getPublic().getEncoded()),
				Base64.getEncoder().encodeToString(signer.sign()));
		JsonNode forged = get("/api/v1/audit/verification");
		assertThat(forged.get("intact").asBoolean()).isFalse();
		assertThat(forged.get("problem").asString()).contains("not trusted");

		// removed from the middle
		jdbc.update("DELETE FROM audit_checkpoint WHERE id = 1");
		JsonNode removed = get("/api/v1/audit/verification");
		assertThat(removed.get("intact").asBoolean()).isFalse();
		assertThat(removed.get("brokenCheckpointId").asLong()).isEqualTo(2);
		assertThat(removed.get("problem").asString()).contains("checkpoint 1 is missing");
	}

	@Test
	void entriesRemovedAfterACheckpointAreNamed() {
		threeEntries();
		sign("admin");
		jdbc.update("DELETE FROM audit_entry WHERE id = 3");
		jdbc.update("UPDATE audit_head SET last_id = 2, last_hash = (SELECT entry_hash FROM audit_entry WHERE id = 2)");

		JsonNode verification = get("/api/v1/audit/verification");
		assertThat(verification.get("intact").asBoolean()).isFalse();
		assertThat(verification.get("brokenCheckpointId").asLong()).isEqualTo(1);
		assertThat(verification.get("problem").asString()).contains("entries were removed");
	}

	@Test
	void onlyAdministratorsSignOrVerifyAgainstAFileAndEveryRoleReadsTheCheckpoints() {
		assertThat(sign("admin").getStatusCode()).as("an empty chain: nothing to sign").isEqualTo(HttpStatus.CONFLICT);
		threeEntries();
		for (String user : List.of("viewer", "analyst", "officer-04", "approver-04")) {
			assertThat(sign(user).getStatusCode()).as(user).isEqualTo(HttpStatus.FORBIDDEN);
			assertThat(verifyAgainst(user, "{\"checkpoints\":[]}").getStatusCode()).as(user)
				.isEqualTo(HttpStatus.FORBIDDEN);
		}
		assertThat(sign(null).getStatusCode()).isEqualTo(HttpStatus.UNAUTHORIZED);
		assertThat(count("audit_checkpoint")).isZero();
		assertThat(sign("admin").getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(http("viewer").get()
			.uri("/api/v1/audit/checkpoints")
			.retrieve()
			.toEntity(JsonNode.class)
			.getBody()
			.get("checkpoints")).hasSize(1);
		assertThat(verifyAgainst("admin", "[1, 2]").getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
		assertThat(verifyAgainst("admin", "{\"checkpoints\":[{\"id\":1}]}").getStatusCode())
			.isEqualTo(HttpStatus.BAD_REQUEST);
	}

}
