package vn.drugcontrol.benchmark;

import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.stream.Collectors;

import org.HdrHistogram.ConcurrentHistogram;
import org.HdrHistogram.Histogram;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.FactsColumn;

/**
 * HTTP load on the single-evaluation endpoint, latencies in an HdrHistogram.
 * <ul>
 * <li>{@link #fixedRate}: an open model — requests leave on a fixed schedule whatever the
 * answers, and each latency counts from when its request was due, so a stall is charged
 * to every request it delays (no coordinated omission);</li>
 * <li>{@link #closedLoop}: {@code clients} threads each sending the next request as soon
 * as the last is answered: the most the service answers.</li>
 * </ul>
 */
final class Load {

	/** What a load achieved; latencies in microseconds. */
	record Result(String what, long requests, long errors, double seconds, Histogram latencies) {

		double perSecond() {
			return requests / seconds;
		}

		double p50Ms() {
			return latencies.getValueAtPercentile(50) / 1000.0;
		}

		double p99Ms() {
			return latencies.getValueAtPercentile(99) / 1000.0;
		}

		double maxMs() {
			return latencies.getMaxValue() / 1000.0;
		}

	}

	private final HttpClient http;

	private final HttpRequest request;

	Load(HttpClient http, URI evaluations, CommuneFacts commune, String authorization) {
		this.http = http;
		this.request = HttpRequest.newBuilder(evaluations)
			.header("Content-Type", "application/json")
			.header("Authorization", authorization)
			.timeout(Duration.ofSeconds(30))
			.POST(HttpRequest.BodyPublishers.ofString(evaluationBody(commune)))
			.build();
	}

	/** One commune to classify, as a client of the API sends it. */
	static String evaluationBody(CommuneFacts c) {
		String commune = FactsColumn.ALL.stream().map((column) -> {
			Object value = column.valueOf(c);
			String json = (value instanceof String text)
					? "\"" + text.replace("\\", "\\\\").replace("\"", "\\\"") + "\""
					: (value instanceof BigDecimal decimal) ? decimal.toPlainString() : String.valueOf(value);
			return "\"" + column.field() + "\": " + json;
		}).collect(Collectors.joining(", "));
		return "{\"period\": " + c.period() + ", \"communes\": [{" + commune + "}]}";
	}

	/** Checks the body is accepted before load is put on it. */
	void check() throws Exception {
		HttpResponse<String> r = http.send(request, HttpResponse.BodyHandlers.ofString());
		if (r.statusCode() != 200) {
			throw new IllegalStateException("the evaluation was refused: " + r.statusCode() + " " + r.body());
		}
	}

	Result fixedRate(String what, int perSecond, Duration duration) throws InterruptedException {
		Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
		AtomicLong errors = new AtomicLong();
		long interval = TimeUnit.SECONDS.toNanos(1) / perSecond;
		long count = Math.max(1, duration.toNanos() / interval);
		List<CompletableFuture<?>> pending = new ArrayList<>();
		long start = System.nanoTime();
		for (long i = 0; i < count; i++) {
			long due = start + i * interval;
			long wait;
			while ((wait = due - System.nanoTime()) > 0) {
				LockSupport.parkNanos(wait);
			}
			pending.add(http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((r, ex) -> {
				latencies.recordValue(Math.max(0, (System.nanoTime() - due) / 1000));
				if (ex != null || r.statusCode() != 200) {
					errors.incrementAndGet();
				}
			}));
		}
		CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).exceptionally(ex -> null).join();
		return new Result(what, count, errors.get(), (System.nanoTime() - start) / 1e9, latencies);
	}

	Result closedLoop(String what, int clients, Duration duration) throws InterruptedException {
		Histogram latencies = new ConcurrentHistogram(TimeUnit.MINUTES.toMicros(1), 3);
		AtomicLong errors = new AtomicLong();
		AtomicLong requests = new AtomicLong();
		long start = System.nanoTime();
		long end = start + duration.toNanos();
		List<Thread> threads = new ArrayList<>();
		for (int i = 0; i < clients; i++) {
			Thread t = new Thread(() -> {
				while (System.nanoTime() < end) {
					long sent = System.nanoTime();
					try {
						HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
						if (r.statusCode() != 200) {
							errors.incrementAndGet();
						}
					}
					catch (Exception ex) {
						errors.incrementAndGet();
					}
					latencies.recordValue((System.nanoTime() - sent) / 1000);
					requests.incrementAndGet();
				}
			});
			t.start();
			threads.add(t);
		}
		for (Thread t : threads) {
			t.join();
		}
		return new Result(what, requests.get(), errors.get(), (System.nanoTime() - start) / 1e9, latencies);
	}

}
