package vn.drugcontrol.service.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Counts failed sign-ins per account and per client in fixed windows and says when one of
 * them has had too many: then every sign-in of that account or from that client is
 * refused (even with the right password) until its window passes.
 * <p>
 * In memory, so per node and forgotten on restart; everything that reads or counts
 * failures goes through this class, so the counters can move to the database later.
 */
public class SignInThrottle {

	/**
	 * What a failure counted to: the failures of its account and client in their windows;
	 * whether it is the first of its kind, account and client in the window (for the
	 * audit trail, which records that one and the one reaching a limit).
	 */
	public record Failure(int accountFailures, int clientFailures, boolean firstOfWindow, boolean limitReached) {
	}

	private record Window(Instant start, int failures) {
	}

	private final SignInThrottleProperties properties;

	private final Clock clock;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	public SignInThrottle(SignInThrottleProperties properties, Clock clock) {
		this.properties = properties;
		this.clock = clock;
	}

	/**
	 * How long the account (null: none, e.g. an API token) or the client must wait before
	 * signing in again; empty if either may sign in now.
	 */
	public Optional<Duration> retryAfter(String account, String client) {
		if (!properties.enabled()) {
			return Optional.empty();
		}
		Instant now = clock.instant();
		Duration wait = Duration.ZERO;
		if (account != null) {
			wait = max(wait, waitOf(accountKey(account), properties.maxFailuresPerAccount(), now));
		}
		if (client != null) {
			wait = max(wait, waitOf(clientKey(client), properties.maxFailuresPerClient(), now));
		}
		return wait.isZero() ? Optional.empty() : Optional.of(wait);
	}

	/**
	 * Counts a failed sign-in of the account (null: none, e.g. an unknown name or API
	 * token) from the client; {@code kind} (e.g. {@code password}, {@code api-token})
	 * only tells failures apart for {@link Failure#firstOfWindow()}.
	 */
	public Failure failed(String account, String client, String kind) {
		Instant now = clock.instant();
		if (windows.size() >= properties.maxTracked()) {
			forgetOldest(now);
		}
		int accountFailures = (account == null) ? 0 : count(accountKey(account), now);
		int clientFailures = (client == null) ? 0 : count(clientKey(client), now);
		boolean first = count("first:" + kind + "|" + account + "|" + client, now) == 1;
		boolean limit = (account != null && accountFailures == properties.maxFailuresPerAccount())
				|| (client != null && clientFailures == properties.maxFailuresPerClient());
		return new Failure(accountFailures, clientFailures, first, limit);
	}

	/** Forgets every count (tests). */
	public void clear() {
		windows.clear();
	}

	private int count(String key, Instant now) {
		return windows
			.compute(key,
					(k, w) -> (w == null || expired(w, now)) ? new Window(now, 1)
							: new Window(w.start(), w.failures() + 1))
			.failures();
	}

	private Duration waitOf(String key, int max, Instant now) {
		Window w = windows.get(key);
		if (w == null || w.failures() < max || expired(w, now)) {
			return Duration.ZERO;
		}
		return Duration.between(now, w.start().plus(properties.window()));
	}

	private boolean expired(Window w, Instant now) {
		return !now.isBefore(w.start().plus(properties.window()));
	}

	private void forgetOldest(Instant now) {
		windows.values().removeIf(w -> expired(w, now));
		if (windows.size() >= properties.maxTracked()) {
			windows.entrySet()
				.stream()
				.sorted(Comparator.comparing(e -> e.getValue().start()))
				.limit(Math.max(1, windows.size() / 10))
				.map(Map.Entry::getKey)
				.toList()
				.forEach(windows::remove);
		}
	}

	private static Duration max(Duration a, Duration b) {
		return a.compareTo(b) >= 0 ? a : b;
	}

	private static String accountKey(String account) {
		return "account:" + account;
	}

	private static String clientKey(String client) {
		return "client:" + client;
	}

}
