package vn.drugcontrol.service.ministry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.ministry.Deadlines.Deadline;
import vn.drugcontrol.service.ministry.Deadlines.Step;
import vn.drugcontrol.service.ministry.MinistryReports.ApprovedRun;
import vn.drugcontrol.service.province.PeriodRuns;
import vn.drugcontrol.service.province.PeriodRuns.PeriodRun;
import vn.drugcontrol.service.target.ProgressReadings;
import vn.drugcontrol.service.target.ProgressReadings.TargetStatus;
import vn.drugcontrol.service.target.Targets;
import vn.drugcontrol.service.target.Targets.Target;

/**
 * The Ministry's national board for a period (Art. 7.3): every province of the 2025 list
 * with its People's Committee's approval, its report's status against the deadlines
 * (report by 20 December, the Ministry's decision by 30 December), the counts of its
 * approved lists and its drug-free share against its target; and the country's counts and
 * drug-free share against the national targets ({@link Targets}, scope {@code VN}).
 * Counts are of the approved lists (the run each People's Committee approved, its classes
 * as {@code ApprovedClasses} defines them); the share's denominator is every
 * commune-level unit of the 2025 list.
 */
@Component
public class NationalBoard {

	private final MinistryReports reports;

	private final PeriodRuns periodRuns;

	private final Targets targets;

	private final Deadlines deadlines;

	private final AdminUnits units;

	NationalBoard(MinistryReports reports, PeriodRuns periodRuns, Targets targets, Deadlines deadlines,
			AdminUnits units) {
		this.reports = reports;
		this.periodRuns = periodRuns;
		this.targets = targets;
		this.deadlines = deadlines;
		this.units = units;
	}

	/**
	 * One province on the board.
	 *
	 * @param approvedRun the run its People's Committee approved (null: none yet)
	 * @param report its report to the Ministry (null: not submitted)
	 * @param reportLate submitted after the deadline, or not submitted and the deadline
	 * passed
	 * @param decisionLate the Ministry decided after its deadline, or has not and it
	 * passed
	 * @param counts the approved lists' counts per class (empty without an approved run)
	 * @param target its target for the period's year (its own, else the national one),
	 * measured on its approved list
	 */
	public record ProvinceRow(String provinceCode, String provinceName, int communeUnits, Long approvedRun,
			String runDecisionNumber, LocalDate runDecisionDate, ReportStatus status, MinistryReport report,
			boolean reportLate, boolean decisionLate, Map<Classification, Integer> counts, BigDecimal drugFreePercent,
			TargetStatus target) {

		public int count(Classification k) {
			return counts.getOrDefault(k, 0);
		}

		public boolean hasApprovedList() {
			return approvedRun != null;
		}

	}

	/** The board. */
	public record Board(int period, LocalDate today, Deadline reportDeadline, Deadline decisionDeadline,
			List<ProvinceRow> provinces, Map<Classification, Integer> counts, int communeUnits, int communesOnLists,
			BigDecimal drugFreePercent, List<TargetStatus> nationalTargets, long provincesApproved,
			long reportsSubmitted, long reportsApproved, long reportsLate) {

		public int count(Classification k) {
			return counts.getOrDefault(k, 0);
		}

	}

	@PreAuthorize("@provinceScope.national()")
	public Board of(int period) {
		LocalDate today = deadlines.today();
		Deadline reportBy = deadlines.of(Step.PROVINCE_REPORT, period);
		Deadline decideBy = deadlines.of(Step.MINISTRY_DECISION, period);
		Map<String, MinistryReport> byProvince = reports.ofPeriod(period)
			.stream()
			.collect(Collectors.toMap(MinistryReport::provinceCode, Function.identity()));
		List<ProvinceRow> rows = new ArrayList<>();
		Map<Classification, Integer> national = new EnumMap<>(Classification.class);
		int onLists = 0;
		// the country read in a few queries: the approved runs, their counts as their
		// lists stand, the targets; not a few per province
		Map<String, ApprovedRun> approvedRuns = reports.approvedRuns(period);
		Map<Long, PeriodRun> runs = periodRuns.runs(approvedRuns.values().stream().map(ApprovedRun::runId).toList())
			.stream()
			.collect(Collectors.toMap(PeriodRun::runId, Function.identity()));
		List<Target> allTargets = targets.list(null);
		for (Map.Entry<String, String> p : units.provinces().entrySet()) {
			String code = p.getKey();
			int unitCount = units.unitsOf(code).size();
			ApprovedRun approved = approvedRuns.get(code);
			Map<Classification, Integer> counts = new EnumMap<>(Classification.class);
			if (approved != null) {
				PeriodRun run = runs.get(approved.runId());
				for (Classification k : Classification.values()) {
					counts.put(k, run.count(k));
					national.merge(k, run.count(k), Integer::sum);
				}
				onLists += run.communeCount();
			}
			MinistryReport report = byProvince.get(code);
			ReportStatus status = (report == null) ? ReportStatus.NOT_SUBMITTED : report.status();
			LocalDate submittedOn = (report == null) ? null : Deadlines.day(report.submittedAt());
			LocalDate decidedOn = (report != null && report.status() == ReportStatus.APPROVED)
					? Deadlines.day(report.decidedAt()) : null;
			int drugFree = counts.getOrDefault(Classification.DRUG_FREE, 0);
			TargetStatus target = (approved == null) ? null
					: Targets.applicable(allTargets, code, period)
						.map(t -> ProgressReadings.status(t, drugFree, unitCount))
						.orElse(null);
			rows.add(new ProvinceRow(code, p.getValue(), unitCount, approved == null ? null : approved.runId(),
					approved == null ? null : approved.decisionNumber(),
					approved == null ? null : approved.decisionDate(), status, report,
					reportBy.missedBy(submittedOn, today), decideBy.missedBy(decidedOn, today), counts,
					approved == null ? null : ProgressReadings.percent(drugFree, unitCount), target));
		}
		int all = units.count();
		int drugFree = national.getOrDefault(Classification.DRUG_FREE, 0);
		List<TargetStatus> nationalTargets = allTargets.stream()
			.filter(t -> t.scope().equals(Targets.NATIONAL))
			.map(t -> ProgressReadings.status(t, drugFree, all))
			.toList();
		return new Board(period, today, reportBy, decideBy, rows, national, all, onLists,
				ProgressReadings.percent(drugFree, all), nationalTargets,
				rows.stream().filter(ProvinceRow::hasApprovedList).count(),
				rows.stream().filter(r -> r.status() != ReportStatus.NOT_SUBMITTED).count(),
				rows.stream().filter(r -> r.status() == ReportStatus.APPROVED).count(),
				rows.stream().filter(ProvinceRow::reportLate).count());
	}

}
