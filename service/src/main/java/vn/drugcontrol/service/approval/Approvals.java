package vn.drugcontrol.service.approval;

import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.security.access.prepost.PostAuthorize;
import org.springframework.security.access.prepost.PreAuthorize;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.run.Run;
import vn.drugcontrol.service.system.TextTooLongException;

/**
 * The approval workflow of a run and its overrides. Every step is one transaction with
 * its audit entry; a run's decisions themselves never change.
 */
@Service
public class Approvals {

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final Clock clock;

	private final ApprovalEvents events;

	Approvals(JdbcClient jdbc, AuditTrail audit, Optional<Clock> clock, ApprovalEvents events) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock.orElse(Clock.systemUTC());
		this.events = events;
	}

	/**
	 * A run's approval as stored (a draft has none).
	 *
	 * @param signerName who signed the People's Committee's decision, if recorded
	 * @param signerPosition the chairman, or a vice-chairman for the chairman; null until
	 * approved
	 */
	public record Approval(long runId, ApprovalStatus status, String submittedBy, Instant submittedAt, String decidedBy,
			Instant decidedAt, String decisionNumber, LocalDate decisionDate, String returnReason, String signerName,
			SignerPosition signerPosition) {

		static Approval draft(long runId) {
			return new Approval(runId, ApprovalStatus.DRAFT, null, null, null, null, null, null, null, null, null);
		}

	}

	/** An approver's class for one commune of a run; counts once confirmed by another. */
	@Schema(name = "ClassOverride")
	public record Override(long id, long runId, long decisionId, String communeCode, Classification recommendedClass,
			Classification approvedClass, String reason, String proposedBy, Instant proposedAt, String confirmedBy,
			Instant confirmedAt) {

		public boolean confirmed() {
			return confirmedBy != null;
		}

	}

	@PreAuthorize("@provinceScope.readRun(#runId)")
	public Approval of(long runId) {
		return find(runId, false).orElse(Approval.draft(runId));
	}

	private Optional<Approval> find(long runId, boolean lock) {
		return jdbc.sql("""
				SELECT run_id, status, submitted_by, submitted_at, decided_by, decided_at, decision_number,
				       decision_date, return_reason, signer_name, signer_position
				FROM run_approval WHERE run_id = :run""" + (lock ? " FOR UPDATE" : ""))
			.param("run", runId)
			.query((rs, n) -> new Approval(rs.getLong(1), ApprovalStatus.valueOf(rs.getString(2)), rs.getString(3),
					instant(rs.getTimestamp(4)), rs.getString(5), instant(rs.getTimestamp(6)), rs.getString(7),
					rs.getDate(8) == null ? null : rs.getDate(8).toLocalDate(), rs.getString(9), rs.getString(10),
					rs.getString(11) == null ? null : SignerPosition.valueOf(rs.getString(11))))
			.optional();
	}

	/** The provincial police submit a draft (or a returned run) for approval. */
	@Transactional
	@PreAuthorize("@provinceScope.write(#run.provinceCode())")
	public Approval submit(Run run, String who) {
		Optional<Approval> current = find(run.id(), true);
		if (current.isEmpty()) {
			try {
				jdbc.sql("""
						INSERT INTO run_approval (run_id, province_code, period, status, submitted_by, submitted_at)
						VALUES (:run, :province, :period, 'SUBMITTED', :by, :at)
						""")
					.param("run", run.id())
					.param("province", run.provinceCode())
					.param("period", run.period())
					.param("by", who)
					.param("at", Timestamp.from(now()))
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw ApprovalRefusedException.conflict("run " + run.id() + " was submitted meanwhile");
			}
		}
		else if (current.get().status() == ApprovalStatus.RETURNED) {
			jdbc.sql("""
					UPDATE run_approval SET status = 'SUBMITTED', submitted_by = :by, submitted_at = :at,
					       decided_by = NULL, decided_at = NULL, return_reason = NULL
					WHERE run_id = :run AND status = 'RETURNED'
					""").param("run", run.id()).param("by", who).param("at", Timestamp.from(now())).update();
		}
		else {
			throw ApprovalRefusedException.conflict("run " + run.id() + " is " + current.get().status()
					+ "; only a draft or a returned run can be submitted");
		}
		audit.record(who, AuditTrail.Action.RUN_SUBMITTED, "run:" + run.id(),
				Map.of("province", run.provinceCode(), "period", run.period()));
		return of(run.id());
	}

	/**
	 * Approval with the People's Committee's decision: the run becomes read-only and its
	 * classes (with confirmed overrides) are the approved list of its province and
	 * period.
	 */
	@Transactional
	@PreAuthorize("@provinceScope.write(#run.provinceCode())")
	public Approval approve(Run run, String who, String decisionNumber, LocalDate decisionDate) {
		return approve(run, who, decisionNumber, decisionDate, null, null);
	}

	/**
	 * Approval as {@link #approve(Run, String, String, LocalDate)}, with who signed the
	 * decision (optional: the official documents then leave a line to sign) and in which
	 * position (the chairman unless said otherwise).
	 */
	@Transactional
	@PreAuthorize("@provinceScope.write(#run.provinceCode())")
	public Approval approve(Run run, String who, String decisionNumber, LocalDate decisionDate, String signerName,
			SignerPosition signerPosition) {
		String number = required(decisionNumber, "decisionNumber", 64);
		String signer = (signerName == null || signerName.isBlank()) ? null
				: TextTooLongException.check("signerName", signerName.strip(), 128);
		SignerPosition position = (signerPosition == null) ? SignerPosition.CHAIRMAN : signerPosition;
		if (decisionDate == null) {
			throw new IllegalArgumentException(
					"decisionDate is required (yyyy-MM-dd), the date of the People's Committee's decision");
		}
		requireSubmitted(run);
		long pending = jdbc
			.sql("SELECT COUNT(*) FROM classification_override WHERE run_id = :run AND confirmed_by IS NULL")
			.param("run", run.id())
			.query(Long.class)
			.single();
		if (pending > 0) {
			throw ApprovalRefusedException.conflict(pending + " override(s) of run " + run.id()
					+ " await a second approver's confirmation; confirm them before approving");
		}
		try {
			jdbc.sql("""
					UPDATE run_approval SET status = 'APPROVED', decided_by = :by, decided_at = :at,
					       decision_number = :number, decision_date = :date, approved_for = :key,
					       signer_name = :signer, signer_position = :position
					WHERE run_id = :run AND status = 'SUBMITTED'
					""")
				.param("run", run.id())
				.param("by", who)
				.param("at", Timestamp.from(now()))
				.param("number", number)
				.param("date", java.sql.Date.valueOf(decisionDate))
				.param("key", run.provinceCode() + "-" + run.period())
				.param("signer", signer)
				.param("position", position.name())
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ApprovalRefusedException.conflict("another run of province " + run.provinceCode() + " for period "
					+ run.period() + " is already approved");
		}
		Map<String, Object> details = new java.util.LinkedHashMap<>(Map.of("decisionNumber", number, "decisionDate",
				decisionDate.toString(), "province", run.provinceCode(), "period", run.period()));
		details.put("signerPosition", position.name());
		if (signer != null) {
			details.put("signerName", signer);
		}
		audit.record(who, AuditTrail.Action.RUN_APPROVED, "run:" + run.id(), details);
		// the feed other systems poll, in the same transaction; after the audit entry,
		// whose lock on the chain's head orders the events' numbers as they commit
		events.record(ApprovalEvents.RUN_APPROVED, run.provinceCode(), run.period(), run.id(), number, decisionDate,
				who);
		return of(run.id());
	}

	/** Returned to the provincial police with a reason; they may submit it again. */
	@Transactional
	@PreAuthorize("@provinceScope.write(#run.provinceCode())")
	public Approval returnToSender(Run run, String who, String reason) {
		String why = required(reason, "reason", 1000);
		requireSubmitted(run);
		jdbc.sql("""
				UPDATE run_approval SET status = 'RETURNED', decided_by = :by, decided_at = :at, return_reason = :reason
				WHERE run_id = :run AND status = 'SUBMITTED'
				""")
			.param("run", run.id())
			.param("by", who)
			.param("at", Timestamp.from(now()))
			.param("reason", why)
			.update();
		audit.record(who, AuditTrail.Action.RUN_RETURNED, "run:" + run.id(), Map.of("reason", why));
		return of(run.id());
	}

	/** An approver proposes a class other than the recommendation, with a reason. */
	@Transactional
	@PreAuthorize("@provinceScope.write(#run.provinceCode())")
	public Override propose(Run run, String communeCode, Classification approvedClass, String reason, String who) {
		String why = required(reason, "reason", 1000);
		if (approvedClass == null) {
			throw new IllegalArgumentException("approvedClass is required: TYPE_I, TYPE_II, TYPE_III, DRUG_FREE");
		}
		requireSubmitted(run);
		var decision = jdbc.sql("SELECT id, classification FROM decision WHERE run_id = :run AND commune_code = :code")
			.param("run", run.id())
			.param("code", communeCode)
			.query((rs, n) -> Map.entry(rs.getLong(1), Classification.valueOf(rs.getString(2))))
			.optional()
			.orElseThrow(() -> new vn.drugcontrol.service.system.NotFoundException(
					"run " + run.id() + " has no decision about commune " + communeCode));
		if (decision.getValue() == approvedClass) {
			throw new IllegalArgumentException("approvedClass " + approvedClass
					+ " is the recommendation itself; an override must differ from it");
		}
		try {
			jdbc.sql("""
					INSERT INTO classification_override (run_id, decision_id, commune_code, recommended_class,
					       approved_class, reason, proposed_by, proposed_at)
					VALUES (:run, :decision, :code, :recommended, :approved, :reason, :by, :at)
					""")
				.param("run", run.id())
				.param("decision", decision.getKey())
				.param("code", communeCode)
				.param("recommended", decision.getValue().name())
				.param("approved", approvedClass.name())
				.param("reason", why)
				.param("by", who)
				.param("at", Timestamp.from(now()))
				.update();
		}
		catch (DuplicateKeyException ex) {
			throw ApprovalRefusedException
				.conflict("commune " + communeCode + " of run " + run.id() + " already has an override");
		}
		Override made = overridesOf(run.id()).stream()
			.filter(o -> o.decisionId() == decision.getKey())
			.findFirst()
			.orElseThrow();
		audit.record(who, AuditTrail.Action.OVERRIDE_PROPOSED, "override:" + made.id(),
				Map.of("run", run.id(), "commune", communeCode, "recommended", decision.getValue().name(), "approved",
						approvedClass.name(), "reason", why));
		return made;
	}

	/** A second approver confirms; the proposer cannot (dual control). */
	@Transactional
	@PreAuthorize("@provinceScope.write(#run.provinceCode())")
	public Override confirm(long overrideId, Run run, String who) {
		Override o = override(overrideId)
			.orElseThrow(() -> new vn.drugcontrol.service.system.NotFoundException("no override " + overrideId));
		requireSubmitted(run);
		if (o.confirmed()) {
			throw ApprovalRefusedException
				.conflict("override " + overrideId + " was already confirmed by " + o.confirmedBy());
		}
		if (o.proposedBy().equals(who)) {
			throw new ApprovalRefusedException(HttpStatus.FORBIDDEN, "dual control: override " + overrideId
					+ " was proposed by " + who + " and must be confirmed by a second approver");
		}
		// check and change in one step: of two approvers confirming at once, the database
		// lets one update the row; the other finds it confirmed and changes nothing
		int confirmed = jdbc.sql(
				"UPDATE classification_override SET confirmed_by = :by, confirmed_at = :at WHERE id = :id AND confirmed_by IS NULL")
			.param("id", overrideId)
			.param("by", who)
			.param("at", Timestamp.from(now()))
			.update();
		if (confirmed == 0) {
			throw ApprovalRefusedException.conflict("override " + overrideId + " was confirmed meanwhile by "
					+ override(overrideId).map(Override::confirmedBy).orElse("another approver"));
		}
		audit.record(who, AuditTrail.Action.OVERRIDE_CONFIRMED, "override:" + overrideId,
				Map.of("run", o.runId(), "commune", o.communeCode(), "proposedBy", o.proposedBy()));
		return override(overrideId).orElseThrow();
	}

	@PreAuthorize("@provinceScope.readRun(#runId)")
	public List<Override> overridesOf(long runId) {
		return overrides("WHERE run_id = :p ORDER BY commune_code", runId);
	}

	@PostAuthorize("returnObject.isEmpty() or @provinceScope.readRun(returnObject.get().runId())")
	public Optional<Override> override(long id) {
		return overrides("WHERE id = :p", id).stream().findFirst();
	}

	/** The confirmed override of a decision, if any. */
	public Optional<Override> confirmedOverrideOf(long decisionId) {
		return overrides("WHERE decision_id = :p AND confirmed_by IS NOT NULL", decisionId).stream().findFirst();
	}

	private List<Override> overrides(String where, long param) {
		return jdbc.sql("""
				SELECT id, run_id, decision_id, commune_code, recommended_class, approved_class, reason,
				       proposed_by, proposed_at, confirmed_by, confirmed_at
				FROM classification_override
				""" + where)
			.param("p", param)
			.query((rs, n) -> new Override(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					Classification.valueOf(rs.getString(5)), Classification.valueOf(rs.getString(6)), rs.getString(7),
					rs.getString(8), instant(rs.getTimestamp(9)), rs.getString(10), instant(rs.getTimestamp(11))))
			.list();
	}

	private void requireSubmitted(Run run) {
		ApprovalStatus status = find(run.id(), true).map(Approval::status).orElse(ApprovalStatus.DRAFT);
		if (status != ApprovalStatus.SUBMITTED) {
			throw ApprovalRefusedException.conflict("run " + run.id() + " is " + status
					+ (status == ApprovalStatus.APPROVED ? " and read-only" : "; it must be submitted first"));
		}
	}

	private static String required(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " is required");
		}
		String v = value.strip();
		return TextTooLongException.check(field, v, max);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

}
