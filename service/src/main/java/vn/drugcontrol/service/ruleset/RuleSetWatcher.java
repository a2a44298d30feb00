package vn.drugcontrol.service.ruleset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import io.swagger.v3.oas.annotations.media.Schema;

import jakarta.annotation.PreDestroy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.engine.CompileError;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetCompilationException;
import vn.drugcontrol.rules.engine.RuleSetSource;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue.Pinned;

/**
 * Development mode ({@code classifier.rules.watch-dir}, with the {@code dev} profile
 * only): polls a directory of DRL files (and scenario tables), recompiles when anything
 * changes, and serves the result as the default rule set. A change that does not compile
 * is logged with its errors and the last good rules stay in use. Every good state is
 * first stored as a version named {@value #NAME}, and only what is stored is served,
 * compiled from the database's bundle like any version: the watcher is never ahead of the
 * database (a state that could not be stored is not served), and runs made with it can be
 * reproduced on any node.
 */
@Component
@Profile("dev")
@ConditionalOnProperty("classifier.rules.watch-dir")
public class RuleSetWatcher implements ApplicationRunner {

	static final String NAME = "watch-dir";

	private static final Logger log = LoggerFactory.getLogger(RuleSetWatcher.class);

	private final Path dir;

	private final Duration interval;

	private final RuleSetVersions lifecycle;

	private final CompiledRuleSets compiled;

	private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
		Thread t = new Thread(r, "rule-set-watcher");
		t.setDaemon(true);
		return t;
	});

	private volatile Pinned current;

	private volatile String seen = "";

	private volatile List<CompileError> lastErrors = List.of();

	private volatile Instant lastChange;

	RuleSetWatcher(RuleSetProperties properties, RuleSetVersions lifecycle, CompiledRuleSets compiled) {
		this.dir = properties.rules().watchDir().toAbsolutePath().normalize();
		this.interval = properties.rules().watchInterval();
		this.lifecycle = lifecycle;
		this.compiled = compiled;
	}

	/** What the watcher serves and what it last refused. */
	@Schema(name = "WatchedRuleSet")
	public record Status(String dir, Long versionId, String contentHash, Instant lastChange,
			List<CompileError> lastErrors) {
	}

	@Override
	public void run(ApplicationArguments args) {
		log.warn("development mode: rules are read from {} and reloaded when they change", dir);
		scan();
		poller.scheduleWithFixedDelay(this::scanSafely, interval.toMillis(), interval.toMillis(),
				TimeUnit.MILLISECONDS);
	}

	@PreDestroy
	void stop() {
		poller.shutdownNow();
	}

	/** The last rules of the directory that compiled and were stored, if any were. */
	public Optional<Pinned> current() {
		return Optional.ofNullable(current);
	}

	public Status status() {
		Pinned p = current;
		return new Status(dir.toString(), p == null ? null : p.versionId(),
				p == null ? null : p.ruleSet().contentHash(), lastChange, lastErrors);
	}

	private void scanSafely() {
		try {
			scan();
		}
		catch (RuntimeException ex) {
			log.error("watching {} failed; the last good rules stay in use", dir, ex);
		}
	}

	synchronized void scan() {
		Bundle bundle = read();
		String hash = bundle.hash();
		if (hash.equals(seen)) {
			return;
		}
		seen = hash;
		lastChange = Instant.now();
		List<CompileError> problems = bundle.problems();
		RuleSet rules = null;
		if (problems.isEmpty()) {
			try {
				rules = compiled.of(BundleFile.source(NAME, "Watched directory " + dir, bundle.files()));
			}
			catch (RuleSetCompilationException ex) {
				problems = ex.errors();
			}
		}
		if (rules == null) {
			lastErrors = problems;
			log.error("rules in {} do not compile; still using {}:\n{}", dir, current == null ? "no rules" : current,
					String.join("\n", problems.stream().map(CompileError::toString).toList()));
			return;
		}
		lastErrors = List.of();
		long versionId;
		try {
			RuleSetVersions.Uploaded stored = lifecycle.store(bundle, new RuleSetVersions.Metadata(NAME,
					"Watched directory " + dir, NAME, "development mode: " + dir, null, null), null,
					"rule-set watcher");
			versionId = stored.version().id();
			if (!stored.scenarios().validates()) {
				log.warn("rules in {} compile but are not validated: {}; failures {}", dir,
						stored.scenarios().refusal(), stored.scenarios().failures());
			}
		}
		catch (RuntimeException ex) {
			// served only once stored: every node, and every later replay, reads the
			// rules from the database
			seen = "";
			log.error("rules in {} compile but could not be stored as a version; still using {}", dir,
					current == null ? "no rules" : current, ex);
			return;
		}
		current = new Pinned(rules, versionId);
		log.info("rules in {} reloaded: {} (version {})", dir, rules, versionId);
	}

	private Bundle read() {
		Bundle bundle = new Bundle();
		if (!Files.isDirectory(dir)) {
			return bundle;
		}
		try (Stream<Path> paths = Files.walk(dir)) {
			paths.filter(Files::isRegularFile)
				.filter(p -> BundleFile.kindOf(p.toString()) != null)
				.filter(p -> !p.getFileName().toString().startsWith("."))
				.sorted()
				.forEach(p -> bundle.add(dir.relativize(p).toString().replace('\\', '/'), bytes(p)));
		}
		catch (IOException | UncheckedIOException | BundleTooLargeException ex) {
			log.warn("could not read {}: {}", dir, ex.getMessage());
			return (ex instanceof BundleTooLargeException) ? new Bundle() : bundle;
		}
		return bundle;
	}

	private static byte[] bytes(Path p) {
		try {
			return Files.readAllBytes(p);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
