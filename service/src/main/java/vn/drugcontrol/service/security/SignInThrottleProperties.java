package vn.drugcontrol.service.security;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code classifier.security.sign-in-throttle.*}: how many failed sign-ins an account,
 * and a client (IP address), may have within a window before every sign-in of it is
 * refused with 429 until the window passes.
 *
 * @param enabled off only for load tests
 * @param maxFailuresPerAccount failed sign-ins (HTTP Basic, console form) of one user
 * name
 * @param maxFailuresPerClient failed sign-ins of one client address, whatever the name or
 * API token
 * @param window the window the failures are counted in, and the longest wait
 * @param maxTracked the most accounts and clients kept in memory; beyond it the oldest
 * windows are forgotten first
 */
@ConfigurationProperties("classifier.security.sign-in-throttle")
public record SignInThrottleProperties(@DefaultValue("true") boolean enabled,
		@DefaultValue("10") int maxFailuresPerAccount, @DefaultValue("100") int maxFailuresPerClient,
		@DefaultValue("15m") Duration window, @DefaultValue("100000") int maxTracked) {
}
