package vn.drugcontrol.service.run;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Pattern;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Uploaded files between their preview and the officer's confirmation, in the database so
 * that any node can start the run the preview showed: each under an unguessable token
 * (kept as its SHA-256), bound to its uploader, until it expires
 * ({@link PendingUploadProperties#lifetime()}). Each user has at most
 * {@link PendingUploadProperties#perUser()} waiting; one more replaces that user's
 * oldest. Nothing of the facts is in the run's tables until the run is started.
 */
@Component
public class PendingUploads {

	/**
	 * Bytes of one stored part: one statement stays far below the servers' packet limit.
	 */
	static final int PART_SIZE = 1 << 20;

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private static final int MAX_FILE_NAME = 255;

	private final SecureRandom random = new SecureRandom();

	private final JdbcClient jdbc;

	private final TransactionTemplate transactions;

	private final PendingUploadProperties properties;

	private final Clock clock;

	PendingUploads(JdbcClient jdbc, TransactionTemplate transactions, PendingUploadProperties properties,
			Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.transactions = transactions;
		this.properties = properties;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * An upload waiting for confirmation.
	 *
	 * @param token what the uploader's page holds (not stored)
	 * @param fileName as uploaded, for the run's record
	 * @param uploadedBy the signed-in user who uploaded it: the only one who may start it
	 */
	public record Pending(String token, String fileName, String uploadedBy, long size, int parts, Instant keptAt,
			Instant expiresAt) {

		private String hash() {
			return hashOf(token);
		}

	}

	/** Keeps a copy of the upload and returns it with its token. */
	public Pending keep(InputStream content, String fileName, String uploadedBy) {
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		String name = fileName.length() > MAX_FILE_NAME ? fileName.substring(0, MAX_FILE_NAME) : fileName;
		Instant now = now();
		return transactions.execute(tx -> {
			expire(now);
			String hash = hashOf(token);
			jdbc.sql(
					"""
							INSERT INTO pending_upload (token_hash, uploaded_by, file_name, size_bytes, parts, kept_at, expires_at)
							VALUES (:hash, :user, :name, 0, 0, :now, :expires)
							""")
				.param("hash", hash)
				.param("user", uploadedBy)
				.param("name", name)
				.param("now", Timestamp.from(now))
				.param("expires", Timestamp.from(now.plus(properties.lifetime())))
				.update();
			long size = 0;
			int parts = 0;
			try {
				for (byte[] part = content.readNBytes(PART_SIZE); part.length > 0; part = content
					.readNBytes(PART_SIZE)) {
					jdbc.sql(
							"INSERT INTO pending_upload_part (token_hash, part_no, content) VALUES (:hash, :no, :content)")
						.param("hash", hash)
						.param("no", parts++)
						.param("content", part)
						.update();
					size += part.length;
				}
			}
			catch (IOException ex) {
				throw new UncheckedIOException(ex);
			}
			jdbc.sql("UPDATE pending_upload SET size_bytes = :size, parts = :parts WHERE token_hash = :hash")
				.param("size", size)
				.param("parts", parts)
				.param("hash", hash)
				.update();
			keepWithinBound(uploadedBy, hash);
			return new Pending(token, name, uploadedBy, size, parts, now, now.plus(properties.lifetime()));
		});
	}

	/**
	 * The upload kept under this token for this user, if it is still kept: another user's
	 * upload is not found, whoever learnt its token.
	 */
	public Optional<Pending> find(String token, String user) {
		if (token == null || !TOKEN.matcher(token).matches() || user == null) {
			return Optional.empty();
		}
		return jdbc.sql("""
				SELECT file_name, uploaded_by, size_bytes, parts, kept_at, expires_at FROM pending_upload
				WHERE token_hash = :hash AND uploaded_by = :user AND expires_at > :now
				""")
			.param("hash", hashOf(token))
			.param("user", user)
			.param("now", Timestamp.from(now()))
			.query((r, n) -> new Pending(token, r.getString(1), r.getString(2), r.getLong(3), r.getInt(4),
					r.getTimestamp(5).toInstant(), r.getTimestamp(6).toInstant()))
			.optional()
			// the database's comparison may ignore case: the user must match exactly
			.filter(p -> p.uploadedBy().equals(user));
	}

	/** The kept copy, read part by part from the database. */
	public InputStream open(Pending upload) {
		String hash = upload.hash();
		int parts = upload.parts();
		return new SequenceInputStream(new Enumeration<InputStream>() {

			private int next = 0;

			@Override
			public boolean hasMoreElements() {
				return next < parts;
			}

			@Override
			public InputStream nextElement() {
				if (next >= parts) {
					throw new NoSuchElementException();
				}
				byte[] part = jdbc
					.sql("SELECT content FROM pending_upload_part WHERE token_hash = :hash AND part_no = :no")
					.param("hash", hash)
					.param("no", next++)
					.query((r, n) -> r.getBytes(1))
					.optional()
					.orElseThrow(() -> new IllegalStateException("a part of a pending upload is missing"));
				return new ByteArrayInputStream(part);
			}
		});
	}

	/** Forgets an upload and deletes its copy. */
	public void discard(String token) {
		if (token != null && TOKEN.matcher(token).matches()) {
			String hash = hashOf(token);
			transactions.executeWithoutResult(tx -> delete(List.of(hash)));
		}
	}

	/** How many uploads this user has waiting. */
	public int waiting(String user) {
		return jdbc.sql("SELECT COUNT(*) FROM pending_upload WHERE uploaded_by = :user AND expires_at > :now")
			.param("user", user)
			.param("now", Timestamp.from(now()))
			.query(Integer.class)
			.single();
	}

	private void expire(Instant now) {
		delete(jdbc.sql("SELECT token_hash FROM pending_upload WHERE expires_at <= :now")
			.param("now", Timestamp.from(now))
			.query(String.class)
			.list());
	}

	/** The user's older uploads beyond the bound, oldest first, are dropped. */
	private void keepWithinBound(String user, String newest) {
		List<String> older = jdbc.sql("""
				SELECT token_hash FROM pending_upload
				WHERE uploaded_by = :user AND token_hash <> :newest
				ORDER BY id DESC
				""").param("user", user).param("newest", newest).query(String.class).list();
		int room = properties.perUser() - 1;
		if (older.size() > room) {
			delete(older.subList(room, older.size()));
		}
	}

	private void delete(List<String> hashes) {
		for (String hash : hashes) {
			jdbc.sql("DELETE FROM pending_upload_part WHERE token_hash = :hash").param("hash", hash).update();
			jdbc.sql("DELETE FROM pending_upload WHERE token_hash = :hash").param("hash", hash).update();
		}
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static String hashOf(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

}
