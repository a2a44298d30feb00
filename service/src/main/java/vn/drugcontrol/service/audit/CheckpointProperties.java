package vn.drugcontrol.service.audit;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code classifier.audit.checkpoint.*}: the signed checkpoints anchoring the audit chain
 * (docs/security.md, "Audit anchoring").
 *
 * @param keyFile the Ed25519 private key (PKCS#8 PEM, as
 * {@code openssl genpkey -algorithm ed25519} writes it), kept outside the database and
 * readable only by the service's user; it must exist. Unset (the quick start, the tests):
 * {@link #generatedKeyFile} is used, made on first start, and the log says so
 * @param generatedKeyFile where the key is made when {@code keyFile} is unset
 * @param interval how often a checkpoint is signed (only when the chain grew since the
 * last one); zero or negative: only on demand ({@code POST /api/v1/audit/checkpoints})
 * @param trustedPublicKeys public keys (PEM files) of earlier keys, so the checkpoints
 * they signed still verify after a rotation
 */
@ConfigurationProperties("classifier.audit.checkpoint")
public record CheckpointProperties(Path keyFile, @DefaultValue("data/audit-checkpoint-key.pem") Path generatedKeyFile,
		@DefaultValue("15m") Duration interval, List<Path> trustedPublicKeys) {

	public CheckpointProperties {
		trustedPublicKeys = trustedPublicKeys == null ? List.of() : List.copyOf(trustedPublicKeys);
	}

}
