package vn.drugcontrol.service.audit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.EdECPrivateKey;
import java.security.spec.NamedParameterSpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Ed25519 key that signs audit checkpoints, read from a PEM file outside the database
 * (made there on first start when none is configured), and the public keys checkpoints
 * are verified with: this key's and those of earlier keys kept after a rotation.
 */
public final class CheckpointKey {

	private static final Logger log = LoggerFactory.getLogger(CheckpointKey.class);

	static final String ALGORITHM = "Ed25519";

	private final PrivateKey privateKey;

	private final PublicKey publicKey;

	private final String keyId;

	/** key id → public key: this key's first, then the earlier ones'. */
	private final Map<String, PublicKey> trusted = new LinkedHashMap<>();

	private CheckpointKey(PrivateKey privateKey, PublicKey publicKey, Iterable<PublicKey> earlier) {
		this.privateKey = privateKey;
		this.publicKey = publicKey;
		this.keyId = keyId(publicKey);
		this.trusted.put(keyId, publicKey);
		earlier.forEach(k -> this.trusted.putIfAbsent(keyId(k), k));
	}

	/**
	 * The key of the properties: {@code keyFile}, which must exist; else
	 * {@code generatedKeyFile}, made if missing.
	 */
	static CheckpointKey load(CheckpointProperties properties) {
		Path file;
		if (properties.keyFile() != null) {
			file = properties.keyFile();
			if (!Files.isRegularFile(file)) {
				throw new IllegalStateException("classifier.audit.checkpoint.key-file " + file.toAbsolutePath()
						+ " does not exist; make one with: openssl genpkey -algorithm ed25519 -out " + file
						+ " && chmod 600 " + file);
			}
		}
		else {
			file = properties.generatedKeyFile();
			if (generate(file)) {
				log.warn("no classifier.audit.checkpoint.key-file configured: generated an Ed25519 key for the audit "
						+ "checkpoints at {}; in production configure a key file kept outside the database and its "
						+ "backups (docs/security.md, \"Audit anchoring\")", file.toAbsolutePath());
			}
			else {
				log.warn("no classifier.audit.checkpoint.key-file configured: the audit checkpoints are signed with "
						+ "the key generated earlier at {}; in production configure a key file kept outside the "
						+ "database and its backups", file.toAbsolutePath());
			}
		}
		PrivateKey privateKey = readPrivateKey(file);
		java.util.List<PublicKey> earlier = properties.trustedPublicKeys()
			.stream()
			.map(CheckpointKey::readPublicKey)
			.toList();
		CheckpointKey key = new CheckpointKey(privateKey, publicKeyOf(privateKey), earlier);
		log.info("audit checkpoints are signed with Ed25519 key {} ({}); public key:\n{}", key.keyId,
				file.toAbsolutePath(), key.publicKeyPem());
		return key;
	}

	/** Makes a new key at {@code file} unless one is there; true if it made one. */
	private static boolean generate(Path file) {
		if (Files.exists(file)) {
			return false;
		}
		try {
			KeyPair pair = KeyPairGenerator.getInstance(ALGORITHM).generateKeyPair();
			Path dir = file.toAbsolutePath().getParent();
			Files.createDirectories(dir);
			Path temporary = Files.createTempFile(dir, ".audit-key-", ".tmp");
			try {
				try {
					Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
				}
				catch (UnsupportedOperationException ex) {
					// not a POSIX file system: the directory's permissions apply
				}
				Files.writeString(temporary, pem("PRIVATE KEY", pair.getPrivate().getEncoded()));
				try {
					// a link is made whole or not at all, and never replaces a file: of
					// two
					// processes starting at once, the first one's key stands
					Files.createLink(file, temporary);
				}
				catch (UnsupportedOperationException ex) {
					Files.move(temporary, file);
				}
				return true;
			}
			catch (FileAlreadyExistsException ex) {
				return false;
			}
			finally {
				Files.deleteIfExists(temporary);
			}
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot make the audit checkpoint key " + file.toAbsolutePath(), ex);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	String keyId() {
		return keyId;
	}

	PublicKey publicKey() {
		return publicKey;
	}

	/** This key and the earlier ones, by key id. */
	Map<String, PublicKey> trusted() {
		return Map.copyOf(trusted);
	}

	Optional<PublicKey> trusted(String keyId) {
		return Optional.ofNullable(trusted.get(keyId));
	}

	String publicKeyPem() {
		return pem("PUBLIC KEY", publicKey.getEncoded());
	}

	/** The Base64 Ed25519 signature of the text (UTF-8). */
	String sign(String payload) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initSign(privateKey);
			signature.update(payload.getBytes(StandardCharsets.UTF_8));
			return Base64.getEncoder().encodeToString(signature.sign());
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** Whether the Base64 signature is the key's over the text; false if malformed. */
	static boolean verify(PublicKey key, String payload, String signatureBase64) {
		try {
			Signature signature = Signature.getInstance(ALGORITHM);
			signature.initVerify(key);
			signature.update(payload.getBytes(StandardCharsets.UTF_8));
			return signature.verify(Base64.getDecoder().decode(signatureBase64));
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			return false;
		}
	}

	/** The first 16 hex digits of the SHA-256 of the key's X.509 (DER) encoding. */
	static String keyId(PublicKey key) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(key.getEncoded()))
				.substring(0, 16);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

	static String pem(String type, byte[] der) {
		return "-----BEGIN " + type + "-----\n"
				+ Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der)
				+ "\n-----END " + type + "-----\n";
	}

	private static byte[] der(String pem, String type) {
		String begin = "-----BEGIN " + type + "-----";
		String end = "-----END " + type + "-----";
		int from = pem.indexOf(begin);
		int to = pem.indexOf(end);
		if (from < 0 || to < from) {
			throw new IllegalArgumentException("not a PEM " + type);
		}
		return Base64.getMimeDecoder().decode(pem.substring(from + begin.length(), to));
	}

	private static PrivateKey readPrivateKey(Path file) {
		try {
			return KeyFactory.getInstance(ALGORITHM)
				.generatePrivate(new PKCS8EncodedKeySpec(der(Files.readString(file), "PRIVATE KEY")));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the audit checkpoint key " + file.toAbsolutePath(), ex);
		}
		catch (GeneralSecurityException | IllegalArgumentException ex) {
			throw new IllegalStateException("the audit checkpoint key " + file.toAbsolutePath()
					+ " is not an Ed25519 private key in PEM (openssl genpkey -algorithm ed25519)", ex);
		}
	}

	private static PublicKey readPublicKey(Path file) {
		try {
			return publicKey(Files.readString(file));
		}
		catch (IOException ex) {
			throw new UncheckedIOException("cannot read the trusted audit key " + file.toAbsolutePath(), ex);
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("the trusted audit key " + file.toAbsolutePath()
					+ " is not an Ed25519 public key in PEM (openssl pkey -in KEY -pubout)", ex);
		}
	}

	/** An Ed25519 public key from PEM ({@code -----BEGIN PUBLIC KEY-----}). */
	static PublicKey publicKey(String pem) {
		try {
			return KeyFactory.getInstance(ALGORITHM).generatePublic(new X509EncodedKeySpec(der(pem, "PUBLIC KEY")));
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalArgumentException("not an Ed25519 public key", ex);
		}
	}

	/**
	 * The public key of an Ed25519 private key. The JDK has no call for it, but its key
	 * pair generator derives the public key from the 32 random bytes it draws, which are
	 * the private key: given those, it makes the same pair. Checked by a signature.
	 */
	private static PublicKey publicKeyOf(PrivateKey privateKey) {
		byte[] seed = ((EdECPrivateKey) privateKey).getBytes()
			.orElseThrow(() -> new IllegalStateException("the audit checkpoint key's bytes cannot be read"));
		try {
			KeyPairGenerator generator = KeyPairGenerator.getInstance(ALGORITHM);
			generator.initialize(NamedParameterSpec.ED25519, new SecureRandom() {
				@Override
				public void nextBytes(byte[] bytes) {
					if (bytes.length != seed.length) {
						throw new IllegalStateException("unexpected request for " + bytes.length + " random bytes");
					}
					System.arraycopy(seed, 0, bytes, 0, seed.length);
				}
			});
			PublicKey derived = generator.generateKeyPair().getPublic();
			byte[] probe = "classifier audit checkpoint key check".getBytes(StandardCharsets.UTF_8);
			Signature signer = Signature.getInstance(ALGORITHM);
			signer.initSign(privateKey);
			signer.update(probe);
			byte[] signature = signer.sign();
			Signature verifier = Signature.getInstance(ALGORITHM);
			verifier.initVerify(derived);
			verifier.update(probe);
			if (!verifier.verify(signature)) {
				throw new IllegalStateException("the audit checkpoint key's public key could not be derived");
			}
			return derived;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
