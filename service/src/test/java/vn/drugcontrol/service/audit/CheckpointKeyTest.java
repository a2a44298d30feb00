package vn.drugcontrol.service.audit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The checkpoint key: read from the configured file (which must exist), else generated
 * once, readable by its owner only; earlier keys stay trusted after a rotation.
 */
class CheckpointKeyTest {

	@TempDir
	Path dir;

	private static CheckpointProperties properties(Path keyFile, Path generated, List<Path> trusted) {
		return new CheckpointProperties(keyFile, generated, Duration.ofMinutes(15), trusted);
	}

	@Test
	void withNoKeyFileConfiguredOneIsGeneratedOnceAndKept() throws Exception {
		Path generated = dir.resolve("data/audit-key.pem");

		CheckpointKey first = CheckpointKey.load(properties(null, generated, List.of()));
		CheckpointKey again = CheckpointKey.load(properties(null, generated, List.of()));

		assertThat(Files.readString(generated)).startsWith("-----BEGIN PRIVATE KEY-----");
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(generated))).isEqualTo("rw-------");
		assertThat(again.keyId()).isEqualTo(first.keyId()).hasSize(16);
		String signature = first.sign("text");
		assertThat(CheckpointKey.verify(again.publicKey(), "text", signature)).isTrue();
		assertThat(CheckpointKey.verify(again.publicKey(), "other text", signature)).isFalse();
	}

	@Test
	void aConfiguredKeyFileThatIsMissingStopsTheStart() {
		Path missing = dir.resolve("audit.pem");
		assertThatThrownBy(() -> CheckpointKey.load(properties(missing, dir.resolve("unused.pem"), List.of())))
			.hasMessageContaining("classifier.audit.checkpoint.key-file")
			.hasMessageContaining("openssl genpkey -algorithm ed25519");
		assertThat(dir.resolve("unused.pem")).doesNotExist();
	}

	@Test
	void aKeyWrittenAsOpensslDoesIsReadAndItsPublicKeyDerived() throws Exception {
		var pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
		Path file = dir.resolve("audit.pem");
		Files.writeString(file, CheckpointKey.pem("PRIVATE KEY", pair.getPrivate().getEncoded()));

		CheckpointKey key = CheckpointKey.load(properties(file, dir.resolve("unused.pem"), List.of()));

		assertThat(key.publicKey().getEncoded()).isEqualTo(pair.getPublic().getEncoded());
		assertThat(key.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
	}

	@Test
	void afterARotationTheEarlierPublicKeyIsStillTrusted() throws Exception {
		CheckpointKey old = CheckpointKey.load(properties(null, dir.resolve("old.pem"), List.of()));
		Path oldPublic = dir.resolve("old.pub.pem");
		Files.writeString(oldPublic, old.publicKeyPem());

		CheckpointKey rotated = CheckpointKey.load(properties(null, dir.resolve("new.pem"), List.of(oldPublic)));
		CheckpointKey forgetful = CheckpointKey.load(properties(null, dir.resolve("new.pem"), List.of()));

		assertThat(rotated.keyId()).isNotEqualTo(old.keyId());
		assertThat(rotated.trusted(old.keyId())).isPresent();
		assertThat(CheckpointKey.verify(rotated.trusted(old.keyId()).get(), "text", old.sign("text"))).isTrue();
		assertThat(forgetful.trusted(old.keyId())).isEmpty();
	}

}
