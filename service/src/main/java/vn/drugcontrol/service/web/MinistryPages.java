package vn.drugcontrol.service.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.ministry.Deadlines;
import vn.drugcontrol.service.ministry.Deadlines.Deadline;
import vn.drugcontrol.service.ministry.MinistryRefusedException;
import vn.drugcontrol.service.ministry.MinistryReport;
import vn.drugcontrol.service.ministry.MinistryReports;
import vn.drugcontrol.service.ministry.MinistryReports.ApprovedRun;
import vn.drugcontrol.service.ministry.NationalBoard;
import vn.drugcontrol.service.ministry.NationalList;
import vn.drugcontrol.service.ministry.ReportStatus;
import vn.drugcontrol.service.security.ProvinceScope;
import vn.drugcontrol.service.security.Roles;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * The Ministry's pages (Art. 7): the national board of a period, a province's report to
 * the Ministry with its forms (the province's officers submit; the Ministry approves or
 * returns), and the national list. They call the services of {@code ministry/}, which say
 * who may do what; the buttons shown follow the same rules.
 */
@Controller
class MinistryPages {

	private final MinistryReports reports;

	private final NationalBoard board;

	private final NationalList list;

	private final Deadlines deadlines;

	private final AdminUnits units;

	private final ProvinceScope scope;

	MinistryPages(MinistryReports reports, NationalBoard board, NationalList list, Deadlines deadlines,
			AdminUnits units, ProvinceScope scope) {
		this.reports = reports;
		this.board = board;
		this.list = list;
		this.deadlines = deadlines;
		this.units = units;
		this.scope = scope;
	}

	/** What the report page shows and which forms the signed-in user gets. */
	record ReportPage(String provinceCode, String provinceName, int period, ApprovedRun committee,
			MinistryReport report, ReportStatus status, Deadline reportBy, Deadline decideBy, boolean reportLate,
			boolean decisionLate, boolean maySubmit, boolean mayDecide) {
	}

	/**
	 * The national board; a provincial user (who reads their own province only) is taken
	 * to their province's report.
	 */
	@GetMapping("/ministry")
	String board(@RequestParam(required = false) Integer period, Model model) {
		int year = period(period);
		if (!scope.mayReadNational()) {
			Optional<String> own = units.provinces().keySet().stream().filter(scope::mayWrite).findFirst();
			if (own.isPresent()) {
				return "redirect:/ministry/reports/" + own.get() + "/" + year;
			}
		}
		model.addAttribute("board", board.of(year));
		model.addAttribute("period", year);
		return "ministry";
	}

	@GetMapping("/ministry/reports/{province}/{period}")
	String report(@PathVariable String province, @PathVariable int period, Model model) {
		String name = units.provinceName(province).orElseThrow(() -> new NotFoundException("no province " + province));
		Optional<MinistryReport> report = reports.find(province, period);
		Optional<ApprovedRun> committee = reports.committeeApproval(province, period);
		ReportStatus status = report.map(MinistryReport::status).orElse(ReportStatus.NOT_SUBMITTED);
		Deadline reportBy = deadlines.of(Deadlines.Step.PROVINCE_REPORT, period);
		Deadline decideBy = deadlines.of(Deadlines.Step.MINISTRY_DECISION, period);
		LocalDate today = deadlines.today();
		boolean reportLate = reportBy.missedBy(report.map(r -> Deadlines.day(r.submittedAt())).orElse(null), today);
		boolean decisionLate = decideBy.missedBy(report.filter(r -> r.status() == ReportStatus.APPROVED)
			.map(r -> Deadlines.day(r.decidedAt()))
			.orElse(null), today);
		boolean maySubmit = has(Roles.OFFICER) && scope.mayWrite(province) && committee.isPresent()
				&& (status == ReportStatus.NOT_SUBMITTED || status == ReportStatus.RETURNED);
		boolean mayDecide = has(Roles.MINISTRY) && status == ReportStatus.SUBMITTED;
		model.addAttribute("page", new ReportPage(province, name, period, committee.orElse(null), report.orElse(null),
				status, reportBy, decideBy, reportLate, decisionLate, maySubmit, mayDecide));
		model.addAttribute("national", scope.mayReadNational());
		return "ministry-report";
	}

	@PostMapping("/ministry/reports/{province}/{period}/submission")
	String submit(@PathVariable String province, @PathVariable int period, RedirectAttributes flash) {
		return act(flash, "ministry.done.submitted", province, period,
				() -> reports.submit(province, period, ApprovalConsole.user()));
	}

	@PostMapping("/ministry/reports/{province}/{period}/approval")
	String approve(@PathVariable String province, @PathVariable int period,
			@RequestParam(required = false) String decisionNumber, @RequestParam(required = false) String decisionDate,
			RedirectAttributes flash) {
		return act(flash, "ministry.done.approved", province, period,
				() -> reports.approve(province, period, ApprovalConsole.user(), decisionNumber, date(decisionDate)));
	}

	@PostMapping("/ministry/reports/{province}/{period}/return")
	String returnReport(@PathVariable String province, @PathVariable int period,
			@RequestParam(required = false) String reason, RedirectAttributes flash) {
		return act(flash, "ministry.done.returned", province, period,
				() -> reports.returnToProvince(province, period, ApprovalConsole.user(), reason));
	}

	/**
	 * The national list of a period, a page per province: without {@code province}, the
	 * provinces the Ministry approved with their counts per class; with it, that
	 * province's communes (up to a few hundred rows, where the whole list is 3,321). The
	 * files ({@code /api/v1/national-list}) hold every province.
	 */
	@GetMapping("/ministry/list")
	String nationalList(@RequestParam(required = false) Integer period, @RequestParam(required = false) String province,
			Model model) {
		int year = period(period);
		NationalList.Listing listing = list.of(year);
		model.addAttribute("listing", listing);
		model.addAttribute("period", year);
		if (province != null) {
			List<NationalList.Section> sections = listing.provinces();
			NationalList.Section section = listing.section(province)
				.orElseThrow(() -> new NotFoundException(
						"the Ministry has approved no list of province " + province + " for period " + year));
			int at = sections.indexOf(section);
			model.addAttribute("section", section);
			model.addAttribute("previous", (at > 0) ? sections.get(at - 1) : null);
			model.addAttribute("next", (at + 1 < sections.size()) ? sections.get(at + 1) : null);
		}
		return "national-list";
	}

	/** The period asked for, else the latest with an approved list, else this year. */
	private int period(Integer asked) {
		return (asked != null) ? asked : reports.latestApprovedPeriod().orElse(deadlines.today().getYear());
	}

	private static String act(RedirectAttributes flash, String done, String province, int period, Supplier<?> step) {
		try {
			step.get();
			flash.addFlashAttribute("ministryMessage", done);
		}
		catch (MinistryRefusedException ex) {
			flash.addFlashAttribute("ministryError", "ministry.error.refused");
			flash.addFlashAttribute("ministryDetail", ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			flash.addFlashAttribute("ministryError", "ministry.error.invalid");
			flash.addFlashAttribute("ministryDetail", ex.getMessage());
		}
		return "redirect:/ministry/reports/" + province + "/" + period;
	}

	private static LocalDate date(String text) {
		if (text == null || text.isBlank()) {
			return null;
		}
		try {
			return LocalDate.parse(text.strip());
		}
		catch (DateTimeParseException ex) {
			throw new IllegalArgumentException("decisionDate '" + text + "' is not a date (yyyy-MM-dd)");
		}
	}

	private static boolean has(String role) {
		Authentication caller = SecurityContextHolder.getContext().getAuthentication();
		return caller != null
				&& caller.getAuthorities().stream().anyMatch(a -> ("ROLE_" + role).equals(a.getAuthority()));
	}

}
