package vn.drugcontrol.service.ministry;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.province.ProvinceClassification;
import vn.drugcontrol.service.approval.ApprovalEvents;
import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.province.PeriodRuns;
import vn.drugcontrol.service.province.PeriodRuns.PeriodRun;
import vn.drugcontrol.service.province.ProvinceClassifier;
import vn.drugcontrol.service.province.ProvinceDecision;
import vn.drugcontrol.service.route.KeyRoute;
import vn.drugcontrol.service.route.KeyRoutes;
import vn.drugcontrol.service.route.RouteKind;
import vn.drugcontrol.service.system.NotFoundException;
import vn.drugcontrol.service.system.TextTooLongException;

/**
 * The report to the Ministry (Art. 7.2) and the Ministry's decision on it (Art. 7.3). Who
 * may do what is declared here, once, for the API and the console: a province officer
 * submits the report of their own province; the Ministry approves or returns it; the
 * province's users and national users read it. Every step commits with its audit entry
 * and its approval event, in one transaction.
 */
@Service
public class MinistryReports {

	/** Audit actions of this feature. */
	public static final String SUBMITTED = "MINISTRY_REPORT_SUBMITTED";

	public static final String APPROVED = "MINISTRY_REPORT_APPROVED";

	public static final String RETURNED = "MINISTRY_REPORT_RETURNED";

	private final JdbcClient jdbc;

	private final AuditTrail audit;

	private final ApprovalEvents events;

	private final PeriodRuns periodRuns;

	private final ProvinceClassifier provinces;

	private final KeyRoutes routes;

	private final AdminUnits units;

	private final Clock clock;

	MinistryReports(JdbcClient jdbc, AuditTrail audit, ApprovalEvents events, PeriodRuns periodRuns,
			ProvinceClassifier provinces, KeyRoutes routes, AdminUnits units, Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.events = events;
		this.periodRuns = periodRuns;
		this.provinces = provinces;
		this.routes = routes;
		this.units = units;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/** The run the province's People's Committee approved for the period. */
	public record ApprovedRun(long runId, String decisionNumber, LocalDate decisionDate) {
	}

	/**
	 * The province submits its report: the lists its People's Committee approved, its key
	 * routes and its own class. Only after that approval; again only once returned.
	 */
	@Transactional
	@PreAuthorize("hasRole('OFFICER') and @provinceScope.write(#province)")
	public MinistryReport submit(String province, int period, String who) {
		knownProvince(province);
		ApprovedRun run = approvedRun(province, period)
			.orElseThrow(() -> MinistryRefusedException.conflict("the People's Committee of province " + province
					+ " has not approved a run for period " + period + "; the report follows its approval"));
		Optional<String> current = status(province, period, true);
		if (current.isPresent() && !current.get().equals(ReportStatus.RETURNED.name())) {
			throw MinistryRefusedException.conflict("the report of province " + province + " for period " + period
					+ " is " + current.get() + "; only a returned report can be submitted again");
		}
		ProvinceDecision decision = provinces.ofRun(run.runId())
			.orElseThrow(() -> MinistryRefusedException.conflict("run " + run.runId() + " has no province decision"));
		if (!decision.complete()) {
			throw MinistryRefusedException.conflict("run " + run.runId() + " lacks facts for "
					+ decision.missingUnits().size() + " of the province's units: its class (Art. 5, 6) is "
					+ decision.classification() + ", nothing to report");
		}
		PeriodRun counts = periodRuns.run(run.runId()).orElseThrow();
		List<KeyRoute> through = routes.list(province, period);
		Instant now = now();
		if (current.isEmpty()) {
			try {
				jdbc.sql("""
						INSERT INTO ministry_report (province_code, period, run_id, status, province_class,
						       province_criteria_met, commune_count, type_i_count, type_ii_count, type_iii_count,
						       drug_free_count, unclassified_count, submitted_by, submitted_at)
						VALUES (:province, :period, :run, 'SUBMITTED', :class, :criteria, :communes, :i, :ii, :iii,
						       :free, :none, :by, :at)
						""").params(snapshot(province, period, run, decision, counts, who, now)).update();
			}
			catch (DuplicateKeyException ex) {
				throw MinistryRefusedException.conflict(
						"the report of province " + province + " for period " + period + " was submitted meanwhile");
			}
		}
		else {
			jdbc.sql("""
					UPDATE ministry_report SET run_id = :run, status = 'SUBMITTED', province_class = :class,
					       province_criteria_met = :criteria, commune_count = :communes, type_i_count = :i,
					       type_ii_count = :ii, type_iii_count = :iii, drug_free_count = :free,
					       unclassified_count = :none, submitted_by = :by, submitted_at = :at, decided_by = NULL,
					       decided_at = NULL, decision_number = NULL, decision_date = NULL, return_reason = NULL
					WHERE province_code = :province AND period = :period AND status = 'RETURNED'
					""").params(snapshot(province, period, run, decision, counts, who, now)).update();
		}
		long id = jdbc.sql("SELECT id FROM ministry_report WHERE province_code = :province AND period = :period")
			.param("province", province)
			.param("period", period)
			.query(Long.class)
			.single();
		jdbc.sql("DELETE FROM ministry_report_route WHERE report_id = :id").param("id", id).update();
		int position = 0;
		for (KeyRoute r : through) {
			jdbc.sql("""
					INSERT INTO ministry_report_route (report_id, position, route_code, route_name, kind, approved_by,
					       decision_number)
					VALUES (:id, :position, :code, :name, :kind, :approvedBy, :number)
					""")
				.param("id", id)
				.param("position", position++)
				.param("code", r.code())
				.param("name", r.name())
				.param("kind", r.kind().name())
				.param("approvedBy", r.approvedBy())
				.param("number", r.decisionNumber())
				.update();
		}
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("province", province);
		details.put("period", period);
		details.put("run", run.runId());
		details.put("provinceClass", decision.classification().name());
		details.put("counts",
				Map.of("TYPE_I", counts.typeICount(), "TYPE_II", counts.typeIICount(), "TYPE_III",
						counts.typeIIICount(), "DRUG_FREE", counts.drugFreeCount(), "UNCLASSIFIED",
						counts.unclassifiedCount()));
		details.put("intraProvincialRoutes",
				through.stream().filter(r -> r.kind() == RouteKind.INTRA_PROVINCIAL).map(KeyRoute::code).toList());
		details.put("interProvincialRoutes",
				through.stream().filter(r -> r.kind() == RouteKind.INTER_PROVINCIAL).map(KeyRoute::code).toList());
		audit.record(who, SUBMITTED, subject(province, period), details);
		// after the audit entry, whose lock orders the events as they commit
		events.record(ApprovalEvents.REPORT_SUBMITTED, province, period, run.runId(), null, null, who);
		return read(province, period).orElseThrow();
	}

	/**
	 * The Ministry approves the province's class and its inter-provincial routes, with
	 * its decision's number and date.
	 */
	@Transactional
	@PreAuthorize("hasRole('MINISTRY')")
	public MinistryReport approve(String province, int period, String who, String decisionNumber,
			LocalDate decisionDate) {
		String number = required(decisionNumber, "decisionNumber", 64);
		if (decisionDate == null) {
			throw new IllegalArgumentException(
					"decisionDate is required (yyyy-MM-dd), the date of the Ministry's decision");
		}
		requireSubmitted(province, period);
		jdbc.sql("""
				UPDATE ministry_report SET status = 'APPROVED', decided_by = :by, decided_at = :at,
				       decision_number = :number, decision_date = :date
				WHERE province_code = :province AND period = :period AND status = 'SUBMITTED'
				""")
			.param("province", province)
			.param("period", period)
			.param("by", who)
			.param("at", Timestamp.from(now()))
			.param("number", number)
			.param("date", java.sql.Date.valueOf(decisionDate))
			.update();
		MinistryReport report = read(province, period).orElseThrow();
		audit.record(who, APPROVED, subject(province, period),
				Map.of("province", province, "period", period, "run", report.runId(), "decisionNumber", number,
						"decisionDate", decisionDate.toString(), "provinceClass", report.provinceClass().name(),
						"interProvincialRoutes",
						report.interProvincialRoutes().stream().map(MinistryReport.Route::code).toList()));
		events.record(ApprovalEvents.REPORT_APPROVED, province, period, report.runId(), number, decisionDate, who);
		return report;
	}

	/**
	 * The Ministry returns the report with a reason; the province may submit it again.
	 */
	@Transactional
	@PreAuthorize("hasRole('MINISTRY')")
	public MinistryReport returnToProvince(String province, int period, String who, String reason) {
		String why = required(reason, "reason", 1000);
		requireSubmitted(province, period);
		jdbc.sql(
				"""
						UPDATE ministry_report SET status = 'RETURNED', decided_by = :by, decided_at = :at, return_reason = :reason
						WHERE province_code = :province AND period = :period AND status = 'SUBMITTED'
						""")
			.param("province", province)
			.param("period", period)
			.param("by", who)
			.param("at", Timestamp.from(now()))
			.param("reason", why)
			.update();
		MinistryReport report = read(province, period).orElseThrow();
		audit.record(who, RETURNED, subject(province, period),
				Map.of("province", province, "period", period, "run", report.runId(), "reason", why));
		events.record(ApprovalEvents.REPORT_RETURNED, province, period, report.runId(), null, null, who);
		return report;
	}

	/** The province's report for the period, if submitted. */
	@PreAuthorize("@provinceScope.read(#province)")
	public Optional<MinistryReport> find(String province, int period) {
		return read(province, period);
	}

	/** Every province's report of the period: national users only. */
	@PreAuthorize("@provinceScope.national()")
	public List<MinistryReport> ofPeriod(int period) {
		List<MinistryReport> list = jdbc.sql(SELECT + " WHERE m.period = :period ORDER BY m.province_code")
			.param("period", period)
			.query((rs, n) -> report(rs))
			.list();
		// every report's routes in one query, not one per report
		Map<Long, List<MinistryReport.Route>> routes = new java.util.HashMap<>();
		jdbc.sql("""
				SELECT t.report_id, t.route_code, t.route_name, t.kind, t.approved_by, t.decision_number
				FROM ministry_report_route t JOIN ministry_report m ON m.id = t.report_id
				WHERE m.period = :period ORDER BY t.report_id, t.position
				""").param("period", period).query((rs, n) -> {
			routes.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new MinistryReport.Route(rs.getString(2), rs.getString(3), RouteKind.valueOf(rs.getString(4)),
						rs.getString(5), rs.getString(6)));
			return null;
		}).list();
		return list.stream().map(r -> withRoutes(r, routes.getOrDefault(r.id(), List.of()))).toList();
	}

	/**
	 * The runs the provinces' People's Committees approved for the period, by province:
	 * one query for the whole country.
	 */
	Map<String, ApprovedRun> approvedRuns(int period) {
		Map<String, ApprovedRun> runs = new java.util.TreeMap<>();
		jdbc.sql("""
				SELECT province_code, run_id, decision_number, decision_date FROM run_approval
				WHERE period = :period AND status = 'APPROVED'
				""").param("period", period).query((rs, n) -> {
			runs.put(rs.getString(1), new ApprovedRun(rs.getLong(2), rs.getString(3), rs.getDate(4).toLocalDate()));
			return null;
		}).list();
		return runs;
	}

	/** The run the province's People's Committee approved for the period, if any. */
	@PreAuthorize("@provinceScope.read(#province)")
	public Optional<ApprovedRun> committeeApproval(String province, int period) {
		return approvedRun(province, period);
	}

	/** The latest period with a run approved by a People's Committee, if any. */
	public Optional<Integer> latestApprovedPeriod() {
		return jdbc.sql("SELECT MAX(period) FROM run_approval WHERE status = 'APPROVED'")
			.query(Integer.class)
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.findFirst();
	}

	Optional<ApprovedRun> approvedRun(String province, int period) {
		return jdbc.sql("""
				SELECT run_id, decision_number, decision_date FROM run_approval
				WHERE province_code = :province AND period = :period AND status = 'APPROVED'
				""")
			.param("province", province)
			.param("period", period)
			.query((rs, n) -> new ApprovedRun(rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()))
			.list()
			.stream()
			.findFirst();
	}

	private static final String SELECT = """
			SELECT m.id, m.province_code, m.period, m.run_id, a.decision_number, a.decision_date, m.status,
			       m.province_class, m.province_criteria_met, m.commune_count, m.type_i_count, m.type_ii_count,
			       m.type_iii_count, m.drug_free_count, m.unclassified_count, m.submitted_by, m.submitted_at,
			       m.decided_by, m.decided_at, m.decision_number, m.decision_date, m.return_reason
			FROM ministry_report m LEFT JOIN run_approval a ON a.run_id = m.run_id
			""";

	private Optional<MinistryReport> read(String province, int period) {
		return jdbc.sql(SELECT + " WHERE m.province_code = :province AND m.period = :period")
			.param("province", province)
			.param("period", period)
			.query((rs, n) -> report(rs))
			.list()
			.stream()
			.findFirst()
			.map(this::withRoutes);
	}

	private MinistryReport report(ResultSet rs) throws SQLException {
		String province = rs.getString(2);
		return new MinistryReport(rs.getLong(1), province, units.provinceName(province).orElse(province), rs.getInt(3),
				rs.getLong(4), rs.getString(5), date(rs.getDate(6)), ReportStatus.valueOf(rs.getString(7)),
				ProvinceClassification.valueOf(rs.getString(8)), rs.getString(9), rs.getInt(10), rs.getInt(11),
				rs.getInt(12), rs.getInt(13), rs.getInt(14), rs.getInt(15), rs.getString(16),
				instant(rs.getTimestamp(17)), rs.getString(18), instant(rs.getTimestamp(19)), rs.getString(20),
				date(rs.getDate(21)), rs.getString(22), List.of());
	}

	private MinistryReport withRoutes(MinistryReport r) {
		return withRoutes(r,
				jdbc.sql("""
						SELECT route_code, route_name, kind, approved_by, decision_number FROM ministry_report_route
						WHERE report_id = :id ORDER BY position
						""")
					.param("id", r.id())
					.query((rs, n) -> new MinistryReport.Route(rs.getString(1), rs.getString(2),
							RouteKind.valueOf(rs.getString(3)), rs.getString(4), rs.getString(5)))
					.list());
	}

	private static MinistryReport withRoutes(MinistryReport r, List<MinistryReport.Route> list) {
		return new MinistryReport(r.id(), r.provinceCode(), r.provinceName(), r.period(), r.runId(),
				r.runDecisionNumber(), r.runDecisionDate(), r.status(), r.provinceClass(), r.provinceCriteriaMet(),
				r.communeCount(), r.typeI(), r.typeII(), r.typeIII(), r.drugFree(), r.unclassified(), r.submittedBy(),
				r.submittedAt(), r.decidedBy(), r.decidedAt(), r.decisionNumber(), r.decisionDate(), r.returnReason(),
				list);
	}

	private Optional<String> status(String province, int period, boolean lock) {
		return jdbc
			.sql("SELECT status FROM ministry_report WHERE province_code = :province AND period = :period"
					+ (lock ? " FOR UPDATE" : ""))
			.param("province", province)
			.param("period", period)
			.query(String.class)
			.list()
			.stream()
			.findFirst();
	}

	private void requireSubmitted(String province, int period) {
		knownProvince(province);
		String status = status(province, period, true).orElse(ReportStatus.NOT_SUBMITTED.name());
		if (!status.equals(ReportStatus.SUBMITTED.name())) {
			throw MinistryRefusedException.conflict("the report of province " + province + " for period " + period
					+ " is " + status + "; the Ministry decides on a submitted report only");
		}
	}

	private void knownProvince(String province) {
		if (units.provinceName(province).isEmpty()) {
			throw new NotFoundException("no province " + province);
		}
	}

	private static Map<String, Object> snapshot(String province, int period, ApprovedRun run, ProvinceDecision decision,
			PeriodRun counts, String who, Instant at) {
		Map<String, Object> p = new LinkedHashMap<>();
		p.put("province", province);
		p.put("period", period);
		p.put("run", run.runId());
		p.put("class", decision.classification().name());
		p.put("criteria", decision.criteriaMet());
		p.put("communes", counts.communeCount());
		p.put("i", counts.count(Classification.TYPE_I));
		p.put("ii", counts.count(Classification.TYPE_II));
		p.put("iii", counts.count(Classification.TYPE_III));
		p.put("free", counts.count(Classification.DRUG_FREE));
		p.put("none", counts.count(Classification.UNCLASSIFIED));
		p.put("by", who);
		p.put("at", Timestamp.from(at));
		return p;
	}

	static String subject(String province, int period) {
		return "ministry-report:" + province + "/" + period;
	}

	private static String required(String value, String field, int max) {
		if (value == null || value.isBlank()) {
			throw new IllegalArgumentException(field + " is required");
		}
		return TextTooLongException.check(field, value.strip(), max);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static Instant instant(Timestamp t) {
		return t == null ? null : t.toInstant();
	}

	private static LocalDate date(java.sql.Date d) {
		return d == null ? null : d.toLocalDate();
	}

}
