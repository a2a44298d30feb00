package vn.drugcontrol.service.assessment;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.facts.AdminUnit;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.facts.FactsBatch;
import vn.drugcontrol.rules.commune.FactsColumn;
import vn.drugcontrol.service.facts.FactsColumns;
import vn.drugcontrol.service.facts.FactsImporter;
import vn.drugcontrol.service.facts.FactsRejectedException;
import vn.drugcontrol.service.facts.ImportProblem;
import vn.drugcontrol.service.run.Decision;
import vn.drugcontrol.service.run.RunService;
import vn.drugcontrol.service.run.RunService.Started;
import vn.drugcontrol.service.system.NotFoundException;
import vn.drugcontrol.service.system.TextTooLongException;

/**
 * Communes' self-assessments and the province's consolidation of them: the application
 * service both the API and the console call, and the one place that says who may do what
 * ({@code @PreAuthorize}: the role, and the scope rule of
 * {@link vn.drugcontrol.service.security.ProvinceScope}).
 * <ul>
 * <li>A commune's own user (role {@code COMMUNE}) saves a draft and submits it.</li>
 * <li>The province's officers return a submission with a reason, accept it, correct a
 * figure (audited with the old and new value and the reason), and start the province's
 * run from the accepted submissions.</li>
 * <li>Those who may read the province (its officers and approvers, national users) read
 * the board and every commune's assessment; a commune's user reads its own only.</li>
 * </ul>
 * The figures are checked exactly as an import checks a file ({@link FactsImporter}, the
 * facts contract of {@link FactsColumn}) and classified as a run of them would be
 * ({@link RunService#prepare}): the provisional class a commune sees is the one the
 * province's run gives the same facts. Every step is one transaction with its audit
 * entry.
 */
@Service
public class Assessments {

	/** What the commune enters: every column of the contract but those the form fixes. */
	public static final List<FactsColumn> ENTERED = FactsColumn.MEASURES;

	/** The longest value a field takes (the readers parse no longer number). */
	static final int MAX_VALUE = 64;

	static final int MAX_REASON = 1000;

	/** How runs started from the accepted submissions name their source. */
	public static final String RUN_SOURCE = "self-assessments";

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private final JdbcClient jdbc;

	private final AdminUnits units;

	private final FactsImporter importer;

	private final RunService runs;

	private final AuditTrail audit;

	private final Clock clock;

	Assessments(JdbcClient jdbc, AdminUnits units, FactsImporter importer, RunService runs, AuditTrail audit,
			Optional<Clock> clock) {
		this.jdbc = jdbc;
		this.units = units;
		this.importer = importer;
		this.runs = runs;
		this.audit = audit;
		this.clock = clock.orElse(Clock.systemUTC());
	}

	/**
	 * A commune's self-assessment for a period.
	 *
	 * @param values the entered fields (JSON field of the contract → text as typed), in
	 * the contract's order
	 * @param submissions every submission, oldest first
	 * @param corrections every figure the province corrected, oldest first
	 */
	public record Assessment(String communeCode, String communeName, String provinceCode, String provinceName,
			int period, AssessmentStatus status, Map<String, String> values, String updatedBy, Instant updatedAt,
			String decidedBy, Instant decidedAt, String returnReason, List<Submission> submissions,
			List<Correction> corrections) {

		public String value(FactsColumn column) {
			return values.getOrDefault(column.field(), "");
		}

	}

	/** One submission: who, when, the figures then, and what the province did with it. */
	public record Submission(long id, String submittedBy, Instant submittedAt, Map<String, String> values,
			String outcome, String decidedBy, Instant decidedAt, String reason) {
	}

	/** A figure the province corrected. */
	public record Correction(String field, String oldValue, String newValue, String reason, String correctedBy,
			Instant correctedAt) {
	}

	/**
	 * The figures checked as an import checks them, and, when they pass, the class the
	 * rules in force give them now with evidence and what would it take.
	 *
	 * @param problems what is wrong, by field (the JSON field of the contract), empty
	 * when they pass
	 * @param provisional the rules' decision, null unless they pass
	 */
	public record Checked(List<ImportProblem> problems, Decision provisional) {

		public boolean passes() {
			return problems.isEmpty();
		}

	}

	/** One commune-level unit on the province's board. */
	public record BoardRow(String communeCode, String communeName, AssessmentStatus status, String updatedBy,
			Instant updatedAt, String returnReason) {
	}

	/** Every commune-level unit of the province for the period, and counts per status. */
	public record Board(String provinceCode, String provinceName, int period, List<BoardRow> rows,
			Map<AssessmentStatus, Integer> counts) {
	}

	// --- reading

	@PreAuthorize("@provinceScope.readAssessment(#communeCode)")
	public Assessment of(String communeCode, int period) {
		AdminUnit unit = unit(communeCode);
		checkPeriod(period);
		return find(unit, period, false)
			.orElseGet(() -> new Assessment(unit.code(), unit.name(), unit.provinceCode(), unit.provinceName(), period,
					AssessmentStatus.NOT_STARTED, Map.of(), null, null, null, null, null, List.of(), List.of()));
	}

	/** The assessment's current figures checked, and its provisional class. */
	@PreAuthorize("@provinceScope.readAssessment(#communeCode)")
	public Checked check(String communeCode, int period) {
		Assessment a = of(communeCode, period);
		return check(unit(communeCode), period, a.values());
	}

	@PreAuthorize("@provinceScope.read(#provinceCode)")
	public Board board(String provinceCode, int period) {
		checkPeriod(period);
		String name = units.provinceName(provinceCode)
			.orElseThrow(() -> new NotFoundException("no province " + provinceCode + " in the 2025 list"));
		Map<String, BoardRow> stored = new HashMap<>();
		jdbc.sql("""
				SELECT commune_code, status, updated_by, updated_at, return_reason
				FROM commune_assessment WHERE province_code = :province AND period = :period
				""").param("province", provinceCode).param("period", period).query((rs, n) -> {
			stored.put(rs.getString(1), new BoardRow(rs.getString(1), null, AssessmentStatus.valueOf(rs.getString(2)),
					rs.getString(3), instant(rs.getTimestamp(4)), rs.getString(5)));
			return null;
		}).list();
		List<BoardRow> rows = new ArrayList<>();
		Map<AssessmentStatus, Integer> counts = new EnumMap<>(AssessmentStatus.class);
		for (AssessmentStatus s : AssessmentStatus.values()) {
			counts.put(s, 0);
		}
		for (AdminUnit unit : units.unitsOf(provinceCode)) {
			BoardRow row = stored.get(unit.code());
			BoardRow shown = (row == null)
					? new BoardRow(unit.code(), unit.name(), AssessmentStatus.NOT_STARTED, null, null, null)
					: new BoardRow(unit.code(), unit.name(), row.status(), row.updatedBy(), row.updatedAt(),
							row.returnReason());
			rows.add(shown);
			counts.merge(shown.status(), 1, Integer::sum);
		}
		return new Board(provinceCode, name, period, rows, counts);
	}

	// --- the commune

	/**
	 * Saves the commune's figures as a draft: whatever they are (a draft may be
	 * incomplete); they are checked when submitted. A returned assessment stays returned
	 * (with its reason) until it is submitted again.
	 */
	@Transactional
	@PreAuthorize("@provinceScope.writeOwnCommune(#communeCode) and hasRole('COMMUNE')")
	public Assessment saveDraft(String communeCode, int period, Map<String, String> values, String who) {
		AdminUnit unit = unit(communeCode);
		checkPeriod(period);
		Map<String, String> entered = entered(values);
		Optional<Assessment> current = find(unit, period, true);
		if (current.isEmpty()) {
			try {
				jdbc.sql("""
						INSERT INTO commune_assessment (commune_code, province_code, period, status, facts,
						  updated_by, updated_at)
						VALUES (:commune, :province, :period, 'DRAFT', :facts, :by, :at)
						""")
					.param("commune", unit.code())
					.param("province", unit.provinceCode())
					.param("period", period)
					.param("facts", json(entered))
					.param("by", who)
					.param("at", Timestamp.from(now()))
					.update();
			}
			catch (DuplicateKeyException ex) {
				throw new AssessmentRefusedException("assessment.error.changedMeanwhile",
						"the self-assessment of " + communeCode + " for " + period + " was saved meanwhile; reload it");
			}
		}
		else {
			if (!current.get().status().editableByCommune()) {
				throw new AssessmentRefusedException("assessment.error.notEditable", "the self-assessment of "
						+ communeCode + " for " + period + " is " + current.get().status() + "; it cannot be changed");
			}
			jdbc.sql("""
					UPDATE commune_assessment SET facts = :facts, updated_by = :by, updated_at = :at
					WHERE commune_code = :commune AND period = :period
					""")
				.param("facts", json(entered))
				.param("by", who)
				.param("at", Timestamp.from(now()))
				.param("commune", communeCode)
				.param("period", period)
				.update();
		}
		return of(communeCode, period);
	}

	/**
	 * Submits the saved figures to the province: they must pass the checks of an import
	 * ({@link FactsRejectedException} with every problem otherwise, nothing changes).
	 * Kept as a submission with who and when.
	 */
	@Transactional
	@PreAuthorize("@provinceScope.writeOwnCommune(#communeCode) and hasRole('COMMUNE')")
	public Assessment submit(String communeCode, int period, String who) {
		AdminUnit unit = unit(communeCode);
		checkPeriod(period);
		Assessment current = find(unit, period, true)
			.orElseThrow(() -> new AssessmentRefusedException("assessment.error.nothingSaved",
					"commune " + communeCode + " has saved no figures for " + period + "; save a draft first"));
		if (current.status() != AssessmentStatus.DRAFT && current.status() != AssessmentStatus.RETURNED) {
			throw new AssessmentRefusedException("assessment.error.notEditable",
					"the self-assessment of " + communeCode + " for " + period + " is " + current.status()
							+ "; only a draft or a returned one can be submitted");
		}
		// as a run of them would check them: the contract, then the route facts against
		// the key-route registry
		String source = "self-assessment " + communeCode;
		runs.prepare(batchOf(List.of(current), source), source, null, null);
		Instant at = now();
		long id = id(unit, period);
		jdbc.sql("""
				UPDATE commune_assessment SET status = 'SUBMITTED', updated_by = :by, updated_at = :at,
				  decided_by = NULL, decided_at = NULL, return_reason = NULL
				WHERE id = :id
				""").param("by", who).param("at", Timestamp.from(at)).param("id", id).update();
		jdbc.sql("""
				INSERT INTO commune_assessment_submission (assessment_id, submitted_by, submitted_at, facts)
				VALUES (:id, :by, :at, :facts)
				""")
			.param("id", id)
			.param("by", who)
			.param("at", Timestamp.from(at))
			.param("facts", json(current.values()))
			.update();
		audit.record(who, "ASSESSMENT_SUBMITTED", subject(communeCode, period),
				Map.of("province", unit.provinceCode(), "period", period, "commune", communeCode));
		return of(communeCode, period);
	}

	// --- the province

	/** Returns a submission to the commune with a reason; the commune may edit again. */
	@Transactional
	@PreAuthorize("@provinceScope.writeProvinceOf(#communeCode) and hasRole('OFFICER')")
	public Assessment returnToCommune(String communeCode, int period, String reason, String who) {
		String why = required(reason, "reason");
		return decide(communeCode, period, AssessmentStatus.RETURNED, why, who, "ASSESSMENT_RETURNED");
	}

	/** Accepts a submission: it goes into the province's run. */
	@Transactional
	@PreAuthorize("@provinceScope.writeProvinceOf(#communeCode) and hasRole('OFFICER')")
	public Assessment accept(String communeCode, int period, String who) {
		return decide(communeCode, period, AssessmentStatus.ACCEPTED, null, who, "ASSESSMENT_ACCEPTED");
	}

	/**
	 * A province officer corrects one figure of a submitted or accepted assessment, with
	 * a reason: the figures must still pass the checks; the old and new value and the
	 * reason are kept and audited.
	 * @param field the JSON field of the contract, e.g. {@code population}
	 */
	@Transactional
	@PreAuthorize("@provinceScope.writeProvinceOf(#communeCode) and hasRole('OFFICER')")
	public Assessment correct(String communeCode, int period, String field, String value, String reason, String who) {
		AdminUnit unit = unit(communeCode);
		checkPeriod(period);
		String why = required(reason, "reason");
		FactsColumn column = FactsColumns.byField(field == null ? "" : field)
			.filter(ENTERED::contains)
			.orElseThrow(() -> new IllegalArgumentException(
					"\"" + field + "\" is not a field of the facts contract a commune enters; one of "
							+ ENTERED.stream().map(FactsColumn::field).toList()));
		Assessment current = find(unit, period, true).orElseThrow(() -> notCorrectable(communeCode, period, null));
		if (current.status() != AssessmentStatus.SUBMITTED && current.status() != AssessmentStatus.ACCEPTED) {
			throw notCorrectable(communeCode, period, current.status());
		}
		String newValue = (value == null) ? "" : value.strip();
		TextTooLongException.check(field, newValue, MAX_VALUE);
		String oldValue = current.value(column);
		Map<String, String> values = new LinkedHashMap<>(current.values());
		values.put(column.field(), newValue);
		Assessment corrected = new Assessment(current.communeCode(), current.communeName(), current.provinceCode(),
				current.provinceName(), period, current.status(), entered(values), null, null, null, null, null,
				List.of(), List.of());
		batchOf(List.of(corrected), "self-assessment " + communeCode);
		long id = id(unit, period);
		jdbc.sql("UPDATE commune_assessment SET facts = :facts WHERE id = :id")
			.param("facts", json(corrected.values()))
			.param("id", id)
			.update();
		jdbc.sql("""
				INSERT INTO commune_assessment_correction (assessment_id, field, old_value, new_value, reason,
				  corrected_by, corrected_at)
				VALUES (:id, :field, :old, :new, :reason, :by, :at)
				""")
			.param("id", id)
			.param("field", column.field())
			.param("old", oldValue)
			.param("new", newValue)
			.param("reason", why)
			.param("by", who)
			.param("at", Timestamp.from(now()))
			.update();
		audit.record(who, "ASSESSMENT_CORRECTED", subject(communeCode, period),
				Map.of("province", unit.provinceCode(), "period", period, "commune", communeCode, "field",
						column.field(), "oldValue", oldValue, "newValue", newValue, "reason", why));
		return of(communeCode, period);
	}

	/**
	 * Starts the province's run from the accepted submissions, as an upload of them would
	 * ({@link RunService#start}: same checks, same rules, the run audited). The run
	 * covers the whole province: its province decision is {@code INCOMPLETE}, naming the
	 * units, while any commune-level unit has no accepted submission.
	 */
	@PreAuthorize("@provinceScope.write(#provinceCode) and hasRole('OFFICER')")
	public Started startRun(String provinceCode, int period, String who) {
		checkPeriod(period);
		units.provinceName(provinceCode)
			.orElseThrow(() -> new NotFoundException("no province " + provinceCode + " in the 2025 list"));
		List<Assessment> accepted = new ArrayList<>();
		List<String> codes = jdbc.sql("""
				SELECT commune_code FROM commune_assessment
				WHERE province_code = :province AND period = :period AND status = 'ACCEPTED'
				ORDER BY commune_code
				""").param("province", provinceCode).param("period", period).query(String.class).list();
		for (String code : codes) {
			find(unit(code), period, false).ifPresent(accepted::add);
		}
		if (accepted.isEmpty()) {
			throw new AssessmentRefusedException("assessment.error.noneAccepted", "province " + provinceCode
					+ " has accepted no self-assessment for " + period + "; accept at least one first");
		}
		FactsBatch batch = batchOf(accepted, RUN_SOURCE);
		return runs.start(new RunService.StartRun(batch, null, RUN_SOURCE, "FORM", who));
	}

	// --- the parts

	private Assessment decide(String communeCode, int period, AssessmentStatus to, String reason, String who,
			String action) {
		AdminUnit unit = unit(communeCode);
		checkPeriod(period);
		Assessment current = find(unit, period, true).orElse(null);
		if (current == null || current.status() != AssessmentStatus.SUBMITTED) {
			throw new AssessmentRefusedException("assessment.error.notSubmitted",
					"the self-assessment of " + communeCode + " for " + period + " is "
							+ ((current == null) ? AssessmentStatus.NOT_STARTED : current.status())
							+ "; only a submitted one can be returned or accepted");
		}
		Instant at = now();
		long id = id(unit, period);
		jdbc.sql("""
				UPDATE commune_assessment SET status = :status, decided_by = :by, decided_at = :at,
				  return_reason = :reason
				WHERE id = :id AND status = 'SUBMITTED'
				""")
			.param("status", to.name())
			.param("by", who)
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.param("id", id)
			.update();
		jdbc.sql("""
				UPDATE commune_assessment_submission SET outcome = :status, decided_by = :by, decided_at = :at,
				  reason = :reason
				WHERE assessment_id = :id AND outcome IS NULL
				""")
			.param("status", to.name())
			.param("by", who)
			.param("at", Timestamp.from(at))
			.param("reason", reason)
			.param("id", id)
			.update();
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("province", unit.provinceCode());
		details.put("period", period);
		details.put("commune", communeCode);
		if (reason != null) {
			details.put("reason", reason);
		}
		audit.record(who, action, subject(communeCode, period), details);
		return of(communeCode, period);
	}

	/**
	 * The figures of these assessments as one batch, through the import's own checks.
	 * @throws FactsRejectedException with every problem (row = the assessment's place)
	 */
	private FactsBatch batchOf(List<Assessment> assessments, String source) {
		ArrayNode communes = JSON.createArrayNode();
		for (Assessment a : assessments) {
			communes.add(object(a.communeCode(), a.communeName(), a.provinceCode(), a.period(), a.values()));
		}
		Assessment first = assessments.get(0);
		return importer.readJson(source, communes, first.provinceCode(), first.period());
	}

	private Checked check(AdminUnit unit, int period, Map<String, String> values) {
		String source = "self-assessment " + unit.code();
		try {
			ArrayNode communes = JSON.createArrayNode();
			communes.add(object(unit.code(), unit.name(), unit.provinceCode(), period, values));
			FactsBatch batch = importer.readJson(source, communes, unit.provinceCode(), period);
			RunService.Prepared prepared = runs.prepare(batch, source, null, null);
			CommuneOutcome outcome = prepared.classify().get(0);
			return new Checked(List.of(), Decision.provisional(prepared.batch().communes().get(0), outcome));
		}
		catch (FactsRejectedException ex) {
			return new Checked(ex.problems(), null);
		}
	}

	/** A commune's facts as the JSON reader takes them: every value as typed, as text. */
	private static ObjectNode object(String code, String name, String province, int period,
			Map<String, String> values) {
		ObjectNode o = JSON.createObjectNode();
		o.put(FactsColumn.COMMUNE_CODE.field(), code);
		o.put(FactsColumn.COMMUNE_NAME.field(), name);
		o.put(FactsColumn.PROVINCE_CODE.field(), province);
		o.put(FactsColumn.PERIOD.field(), period);
		for (FactsColumn column : ENTERED) {
			String value = values.getOrDefault(column.field(), "");
			// an optional value left empty is left out (route facts: from the registry)
			if (!value.isEmpty() || column.required()) {
				o.put(column.field(), value);
			}
		}
		return o;
	}

	/**
	 * The entered fields only, stripped, in the contract's order; unknown ones refused.
	 */
	private static Map<String, String> entered(Map<String, String> values) {
		for (String field : values.keySet()) {
			if (FactsColumns.byField(field).filter(ENTERED::contains).isEmpty()) {
				throw new IllegalArgumentException(
						"\"" + field + "\" is not a field of the facts contract a commune enters; the fields are "
								+ ENTERED.stream().map(FactsColumn::field).toList());
			}
		}
		Map<String, String> entered = new LinkedHashMap<>();
		for (FactsColumn column : ENTERED) {
			String value = values.get(column.field());
			if (value != null && !value.isBlank()) {
				String stripped = value.strip();
				TextTooLongException.check(column.field(), stripped, MAX_VALUE);
				entered.put(column.field(), stripped);
			}
		}
		return entered;
	}

	private Optional<Assessment> find(AdminUnit unit, int period, boolean lock) {
		record Row(long id, String status, String facts, String updatedBy, Instant updatedAt, String decidedBy,
				Instant decidedAt, String returnReason) {
		}
		Optional<Row> row = jdbc
			.sql("""
					SELECT id, status, facts, updated_by, updated_at, decided_by, decided_at, return_reason
					FROM commune_assessment WHERE commune_code = :commune AND period = :period"""
					+ (lock ? " FOR UPDATE" : ""))
			.param("commune", unit.code())
			.param("period", period)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4),
					instant(rs.getTimestamp(5)), rs.getString(6), instant(rs.getTimestamp(7)), rs.getString(8)))
			.optional();
		if (row.isEmpty()) {
			return Optional.empty();
		}
		Row r = row.get();
		List<Submission> submissions = jdbc.sql("""
				SELECT id, submitted_by, submitted_at, facts, outcome, decided_by, decided_at, reason
				FROM commune_assessment_submission WHERE assessment_id = :id ORDER BY id
				""")
			.param("id", r.id())
			.query((rs, n) -> new Submission(rs.getLong(1), rs.getString(2), instant(rs.getTimestamp(3)),
					values(rs.getString(4)), rs.getString(5), rs.getString(6), instant(rs.getTimestamp(7)),
					rs.getString(8)))
			.list();
		List<Correction> corrections = jdbc.sql("""
				SELECT field, old_value, new_value, reason, corrected_by, corrected_at
				FROM commune_assessment_correction WHERE assessment_id = :id ORDER BY id
				""")
			.param("id", r.id())
			.query((rs, n) -> new Correction(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), instant(rs.getTimestamp(6))))
			.list();
		return Optional.of(new Assessment(unit.code(), unit.name(), unit.provinceCode(), unit.provinceName(), period,
				AssessmentStatus.valueOf(r.status()), values(r.facts()), r.updatedBy(), r.updatedAt(), r.decidedBy(),
				r.decidedAt(), r.returnReason(), submissions, corrections));
	}

	private long id(AdminUnit unit, int period) {
		return jdbc.sql("SELECT id FROM commune_assessment WHERE commune_code = :commune AND period = :period")
			.param("commune", unit.code())
			.param("period", period)
			.query(Long.class)
			.single();
	}

	private AdminUnit unit(String communeCode) {
		return units.find(communeCode == null ? "" : communeCode)
			.orElseThrow(() -> new NotFoundException("no commune-level unit " + communeCode + " in the 2025 list"));
	}

	private static void checkPeriod(int period) {
		if (period < 2020 || period > 2100) {
			throw new IllegalArgumentException("period must be a year from 2020 to 2100, got " + period);
		}
	}

	private static AssessmentRefusedException notCorrectable(String communeCode, int period, AssessmentStatus status) {
		return new AssessmentRefusedException("assessment.error.notCorrectable",
				"the self-assessment of " + communeCode + " for " + period + " is "
						+ ((status == null) ? AssessmentStatus.NOT_STARTED : status)
						+ "; the province corrects submitted or accepted figures only");
	}

	private static String required(String text, String field) {
		if (text == null || text.isBlank()) {
			throw new IllegalArgumentException(field + " is required");
		}
		String stripped = text.strip();
		TextTooLongException.check(field, stripped, MAX_REASON);
		return stripped;
	}

	static String subject(String communeCode, int period) {
		return "assessment:" + communeCode + "/" + period;
	}

	private static String json(Map<String, String> values) {
		return JSON.writeValueAsString(values);
	}

	private static Map<String, String> values(String json) {
		if (json == null || json.isBlank()) {
			return Map.of();
		}
		Map<String, String> read = JSON.readValue(json, new TypeReference<LinkedHashMap<String, String>>() {
		});
		return entered(read);
	}

	private Instant now() {
		return clock.instant().truncatedTo(ChronoUnit.MILLIS);
	}

	private static Instant instant(Timestamp t) {
		return (t == null) ? null : t.toInstant();
	}

}
