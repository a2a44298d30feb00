package vn.drugcontrol.service.web;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

import jakarta.annotation.PreDestroy;

import org.springframework.stereotype.Component;

/**
 * Uploaded files between their preview and the officer's confirmation: each kept in a
 * private temporary file, keyed by an unguessable token, for a short time. Nothing about
 * them is in the database until the run is started.
 */
@Component
class PendingUploads {

	/** How long a preview can be confirmed. */
	static final Duration LIFETIME = Duration.ofMinutes(30);

	/** Uploads waiting at once; the oldest is dropped beyond this. */
	static final int CAPACITY = 20;

	private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

	private final SecureRandom random = new SecureRandom();

	private final Map<String, Pending> pending = new ConcurrentHashMap<>();

	private final Clock clock = Clock.systemUTC();

	private final Path folder;

	PendingUploads() throws IOException {
		this.folder = Files.createTempDirectory("classifier-uploads-");
	}

	/**
	 * An upload waiting for confirmation.
	 *
	 * @param fileName as uploaded, for the run's record
	 * @param uploadedBy the signed-in user who uploaded it: the only one who may start it
	 */
	record Pending(String token, Path file, String fileName, String uploadedBy, Instant keptAt) {

		InputStream open() throws IOException {
			return Files.newInputStream(file);
		}

	}

	/** Keeps a copy of the upload and returns its token. */
	Pending keep(InputStream content, String fileName, String uploadedBy) {
		expire();
		byte[] bytes = new byte[32];
		random.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		try {
			Path file = folder.resolve(token);
			Files.copy(content, file);
			Pending p = new Pending(token, file, fileName, uploadedBy, clock.instant());
			pending.put(token, p);
			return p;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/**
	 * The upload kept under this token for this user, if it is still kept: another user's
	 * upload is not found, whoever learnt its token.
	 */
	Optional<Pending> find(String token, String user) {
		expire();
		if (token == null || !TOKEN.matcher(token).matches()) {
			return Optional.empty();
		}
		return Optional.ofNullable(pending.get(token)).filter(p -> p.uploadedBy().equals(user));
	}

	/** Forgets an upload and deletes its copy. */
	void discard(String token) {
		Pending p = (token != null) ? pending.remove(token) : null;
		if (p != null) {
			delete(p.file());
		}
	}

	private void expire() {
		Instant oldest = clock.instant().minus(LIFETIME);
		pending.values().stream().filter(p -> p.keptAt().isBefore(oldest)).toList().forEach(p -> discard(p.token()));
		while (pending.size() >= CAPACITY) {
			pending.values().stream().min(Comparator.comparing(Pending::keptAt)).ifPresent(p -> discard(p.token()));
		}
	}

	@PreDestroy
	void deleteAll() {
		pending.keySet().forEach(this::discard);
		delete(folder);
	}

	private static void delete(Path path) {
		try {
			Files.deleteIfExists(path);
		}
		catch (IOException ex) {
			// a temporary file: the system cleans its temp folder anyway
		}
	}

}
