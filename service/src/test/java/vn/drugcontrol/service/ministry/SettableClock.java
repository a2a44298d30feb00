package vn.drugcontrol.service.ministry;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test fixture: the service's clock, set to a chosen moment and ticking on from it, so a
 * test decides which day it is (before or after a deadline of Art. 7).
 */
public final class SettableClock extends Clock {

	private volatile Duration offset = Duration.ZERO;

	/** The service's clock, as a bean. */
	@TestConfiguration(proxyBeanMethods = false)
	public static class Config {

		/**
		 * Over the context's other clock (the test sources' {@code RunInProgressClock}).
		 */
		@Bean
		@Primary
		SettableClock settableClock() {
			return new SettableClock();
		}

	}

	/** From now on, the clock reads {@code moment} and ticks on from it. */
	public void set(Instant moment) {
		offset = Duration.between(Instant.now(), moment);
	}

	public void reset() {
		offset = Duration.ZERO;
	}

	@Override
	public Instant instant() {
		return Instant.now().plus(offset);
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
