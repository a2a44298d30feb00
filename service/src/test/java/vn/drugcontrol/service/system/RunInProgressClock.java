package vn.drugcontrol.service.system;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import vn.drugcontrol.service.run.RunService;

/**
 * Test fixture: the system clock, except that once {@link #hold() held}, the first run
 * that asks it the time (a run being classified: {@link RunService#start} asks it when it
 * starts classifying) waits until {@link #release()} — a run caught in progress, for as
 * long as a test needs, e.g. while the service is shutting down.
 */
public final class RunInProgressClock extends Clock {

	private final AtomicBoolean held = new AtomicBoolean();

	private final CountDownLatch inRun = new CountDownLatch(1);

	private final CountDownLatch released = new CountDownLatch(1);

	/** The service's clock, as a bean. */
	@Configuration(proxyBeanMethods = false)
	public static class Config {

		@Bean
		RunInProgressClock runInProgressClock() {
			return new RunInProgressClock();
		}

	}

	/** The next run to ask the time waits. */
	public void hold() {
		held.set(true);
	}

	/** Waits until a run is held. */
	public boolean awaitRunInProgress(long seconds) throws InterruptedException {
		return inRun.await(seconds, TimeUnit.SECONDS);
	}

	/** The held run goes on. */
	public void release() {
		released.countDown();
	}

	@Override
	public Instant instant() {
		if (held.get() && inRunStart() && held.compareAndSet(true, false)) {
			inRun.countDown();
			try {
				released.await(60, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
		}
		return Instant.now();
	}

	private static boolean inRunStart() {
		return StackWalker.getInstance()
			.walk(frames -> frames.anyMatch(
					f -> f.getClassName().equals(RunService.class.getName()) && f.getMethodName().equals("start")));
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

}
