package vn.drugcontrol.service.ministry;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The deadlines of Art. 7 as data ({@code deadlines.csv}: step, month, day, the clause it
 * comes from): the province reports to the Ministry before 20 December of the period's
 * year (Art. 7.2), the Ministry decides before 30 December (Art. 7.3). Dates are
 * Vietnam's ({@code Asia/Ho_Chi_Minh}); "now" comes from the service's {@link Clock} (a
 * bean where one is given, so tests choose the day).
 */
@Component
public class Deadlines {

	/** Vietnam's time zone: a deadline passes at midnight in Hà Nội. */
	public static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	/** A step of Art. 7 with a deadline. */
	public enum Step {

		/** Art. 7.2: the province's report to the Ministry. */
		PROVINCE_REPORT,
		/** Art. 7.3: the Ministry's decision. */
		MINISTRY_DECISION

	}

	/**
	 * A deadline of a period: the last day (inclusive), and the clause it comes from.
	 */
	public record Deadline(Step step, LocalDate date, String source) {

		/** Done after its day (or not done, and its day has passed). */
		public boolean missedBy(LocalDate doneOn, LocalDate today) {
			return (doneOn != null) ? doneOn.isAfter(date) : today.isAfter(date);
		}

	}

	private record Rule(int month, int day, String source) {
	}

	private final Map<Step, Rule> rules;

	private final Clock clock;

	Deadlines(Optional<Clock> clock) {
		this.clock = clock.orElse(Clock.systemUTC());
		this.rules = read();
	}

	/** The step's deadline in the period's year. */
	public Deadline of(Step step, int period) {
		Rule r = rules.get(step);
		return new Deadline(step, LocalDate.of(period, r.month(), r.day()), r.source());
	}

	/** Today in Vietnam, by the service's clock. */
	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), VIETNAM);
	}

	/** An instant's day in Vietnam (null stays null). */
	public static LocalDate day(Instant instant) {
		return (instant == null) ? null : LocalDate.ofInstant(instant, VIETNAM);
	}

	private static Map<Step, Rule> read() {
		try (InputStream in = Deadlines.class.getResourceAsStream("deadlines.csv")) {
			Map<Step, Rule> rules = new LinkedHashMap<>();
			String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\\R");
			for (int i = 1; i < lines.length; i++) {
				if (lines[i].isBlank()) {
					continue;
				}
				String[] cells = lines[i].split(",", 4);
				String source = cells[3].strip();
				if (source.startsWith("\"") && source.endsWith("\"")) {
					source = source.substring(1, source.length() - 1);
				}
				rules.put(Step.valueOf(cells[0]),
						new Rule(Integer.parseInt(cells[1]), Integer.parseInt(cells[2]), source));
			}
			for (Step step : Step.values()) {
				if (!rules.containsKey(step)) {
					throw new IllegalStateException("deadlines.csv has no deadline for " + step);
				}
			}
			return Map.copyOf(rules);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
