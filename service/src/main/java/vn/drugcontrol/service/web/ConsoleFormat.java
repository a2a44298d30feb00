package vn.drugcontrol.service.web;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import org.springframework.stereotype.Component;

/**
 * Formats for the pages ({@code ${@consoleFormat.time(run.startedAt)}}): times in
 * Vietnam's zone, hashes shortened as the CLI prints them.
 */
@Component
class ConsoleFormat {

	static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm").withZone(VIETNAM);

	public String time(Instant instant) {
		return (instant != null) ? TIME.format(instant) : "";
	}

	/** The time as ISO-8601, for {@code <time datetime>}. */
	public String iso(Instant instant) {
		return (instant != null) ? instant.toString() : "";
	}

	public String shortHash(String hash) {
		return (hash != null && hash.length() > 12) ? hash.substring(0, 12) : hash;
	}

}
