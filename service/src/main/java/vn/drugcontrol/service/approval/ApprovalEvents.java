package vn.drugcontrol.service.approval;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

/**
 * The approval events other systems poll (issue 16): every step that makes or changes an
 * approved list, numbered in the order it committed. The number is the feed's cursor and
 * the {@code since} of the approved classes of a period. Each event is written in the
 * transaction of its step (with its audit entry), so an event is never seen without its
 * step, nor a step without its event. It is written <b>after</b> the audit entry: the
 * entry locks the chain's head until the transaction ends, so events get their numbers in
 * the order they commit, and a reader who has seen number n will never later find an
 * event below n appear (a cursor skips nothing).
 */
@Component
public class ApprovalEvents {

	/** The People's Committee approved a run's commune lists (Art. 7.2). */
	public static final String RUN_APPROVED = "RUN_APPROVED";

	/** The province submitted its report to the Ministry (Art. 7.2). */
	public static final String REPORT_SUBMITTED = "REPORT_SUBMITTED";

	/**
	 * The Ministry approved the province's class and inter-provincial routes (Art. 7.3).
	 */
	public static final String REPORT_APPROVED = "REPORT_APPROVED";

	/** The Ministry returned the province's report. */
	public static final String REPORT_RETURNED = "REPORT_RETURNED";

	private final JdbcClient jdbc;

	private final Clock clock;

	ApprovalEvents(JdbcClient jdbc, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** One event; {@code id} is the cursor. */
	public record Event(long id, String kind, String provinceCode, int period, long runId, String decisionNumber,
			LocalDate decisionDate, String actor, Instant occurredAt) {
	}

	/**
	 * Appends an event in the caller's transaction, after its audit entry (which holds
	 * the chain's lock).
	 */
	public void record(String kind, String provinceCode, int period, long runId, String decisionNumber,
			LocalDate decisionDate, String actor) {
		jdbc.sql("""
				INSERT INTO approval_event (kind, province_code, period, run_id, decision_number, decision_date,
				       actor, occurred_at)
				VALUES (:kind, :province, :period, :run, :number, :date, :actor, :at)
				""")
			.param("kind", kind)
			.param("province", provinceCode)
			.param("period", period)
			.param("run", runId)
			.param("number", decisionNumber)
			.param("date", decisionDate == null ? null : java.sql.Date.valueOf(decisionDate))
			.param("actor", actor)
			.param("at", Timestamp.from(clock.instant().truncatedTo(ChronoUnit.MILLIS)))
			.update();
	}

	/**
	 * The events after a cursor, oldest first, at most {@code limit}; they span every
	 * province (national users).
	 */
	@PreAuthorize("@provinceScope.national()")
	public List<Event> after(long cursor, int limit) {
		return jdbc.sql("""
				SELECT id, kind, province_code, period, run_id, decision_number, decision_date, actor, occurred_at
				FROM approval_event WHERE id > :cursor ORDER BY id LIMIT :limit
				""").param("cursor", cursor).param("limit", limit).query((rs, n) -> event(rs)).list();
	}

	/** The cursor now: the last event's number (0 when there is none). */
	public long last() {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM approval_event").query(Long.class).single();
	}

	/**
	 * The last event that approved a run of the period (0 when none): what its list
	 * stands on.
	 */
	public long lastRunApproval(int period) {
		return jdbc.sql("SELECT COALESCE(MAX(id), 0) FROM approval_event WHERE period = :period AND kind = :kind")
			.param("period", period)
			.param("kind", RUN_APPROVED)
			.query(Long.class)
			.single();
	}

	private static Event event(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Event(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getLong(5), rs.getString(6),
				rs.getDate(7) == null ? null : rs.getDate(7).toLocalDate(), rs.getString(8),
				rs.getTimestamp(9).toInstant());
	}

}
