package vn.drugcontrol.service.assessment.web;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Supplier;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.rules.law.ClauseRegister;
import vn.drugcontrol.service.assessment.AssessmentRefusedException;
import vn.drugcontrol.service.assessment.AssessmentStatus;
import vn.drugcontrol.service.assessment.Assessments;
import vn.drugcontrol.service.assessment.Assessments.Assessment;
import vn.drugcontrol.service.assessment.Assessments.Checked;
import vn.drugcontrol.rules.commune.FactsColumn;
import vn.drugcontrol.service.facts.FactsColumns;
import vn.drugcontrol.service.facts.FactsRejectedException;
import vn.drugcontrol.service.facts.ImportProblem;
import vn.drugcontrol.service.facts.ProblemsInVietnamese;
import vn.drugcontrol.service.run.RunService.Started;
import vn.drugcontrol.service.security.ProvinceScope;
import vn.drugcontrol.service.security.Roles;
import vn.drugcontrol.service.system.Requester;
import vn.drugcontrol.service.run.DecisionExplanation;

/**
 * The console's self-assessment form (one commune, one period) and the province's board,
 * over the same service as the API ({@link Assessments}, which decides who may do what;
 * the buttons shown here only follow it). The form is drawn from the facts contract's one
 * declaration ({@link FactsColumns#ALL}): a field each, its label and help text from the
 * message bundle, the clauses it serves from {@link FactsColumn#clauses} as the clause
 * register ({@code law/clauses.csv}) holds them.
 */
@Controller
class AssessmentPages {

	private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

	private final Assessments assessments;

	private final ProvinceScope scope;

	private final MessageSource messages;

	private final ClauseRegister clauses;

	AssessmentPages(Assessments assessments, ProvinceScope scope, MessageSource messages) {
		this.assessments = assessments;
		this.scope = scope;
		this.messages = messages;
		this.clauses = ShippedRuleSets.defaultReading().law().orElseThrow().register();
	}

	/**
	 * One field of the form: the contract's column, its value, whether the commune enters
	 * it, the clauses it serves, and the problem found in it (in the page's language).
	 */
	record Field(String field, String header, String labelKey, String helpKey, FactsColumn.Kind kind, boolean required,
			boolean entered, String value, String clauses, List<String> problems) {

		public String id() {
			return "fact-" + field;
		}

	}

	/** The evaluation period a date falls in: 15 Dec of the year before – 14 Dec. */
	static int currentPeriod() {
		LocalDate today = LocalDate.now(VIETNAM);
		return today.isAfter(LocalDate.of(today.getYear(), 12, 14)) ? today.getYear() + 1 : today.getYear();
	}

	/**
	 * A commune user's own form; for everyone else the provinces, whose boards it links.
	 */
	@GetMapping("/assessments")
	String mine() {
		return scope.callerCommune()
			.map(code -> "redirect:/assessments/" + code + "/" + currentPeriod())
			.orElse("redirect:/provinces");
	}

	@GetMapping("/assessments/{code}/{period}")
	String form(@PathVariable String code, @PathVariable int period, Model model, Locale locale,
			HttpServletRequest request) {
		Assessment a = assessments.of(code, period);
		Checked checked = assessments.check(code, period);
		show(model, a, checked, a.values(), locale, request);
		return "assessment";
	}

	/**
	 * Saves the figures as a draft ({@code action=save}) or saves and submits them
	 * ({@code action=submit}); problems are shown at their fields, the figures as typed
	 * kept.
	 */
	@PostMapping("/assessments/{code}/{period}")
	String save(@PathVariable String code, @PathVariable int period, @RequestParam Map<String, String> form,
			Model model, Locale locale, HttpServletRequest request, RedirectAttributes flash) {
		boolean submit = "submit".equals(form.get("action"));
		Map<String, String> values = new LinkedHashMap<>();
		for (FactsColumn column : Assessments.ENTERED) {
			values.put(column.field(), form.getOrDefault(column.field(), ""));
		}
		String who = Requester.of(request);
		try {
			assessments.saveDraft(code, period, values, who);
			if (!submit) {
				flash.addFlashAttribute("assessmentMessage", "assessment.done.saved");
				return "redirect:/assessments/" + code + "/" + period;
			}
			assessments.submit(code, period, who);
			flash.addFlashAttribute("assessmentMessage", "assessment.done.submitted");
			return "redirect:/assessments/" + code + "/" + period;
		}
		catch (FactsRejectedException ex) {
			Assessment a = assessments.of(code, period);
			model.addAttribute("assessmentError", "assessment.error.problems");
			show(model, a, new Checked(ex.problems(), null), values, locale, request);
			return "assessment";
		}
		catch (AssessmentRefusedException | IllegalArgumentException ex) {
			return refused(ex, flash, "/assessments/" + code + "/" + period);
		}
	}

	@PostMapping("/assessments/{code}/{period}/return")
	String returnIt(@PathVariable String code, @PathVariable int period, @RequestParam(required = false) String reason,
			HttpServletRequest request, RedirectAttributes flash) {
		return act(flash, "assessment.done.returned", "/assessments/" + code + "/" + period,
				() -> assessments.returnToCommune(code, period, reason, Requester.of(request)));
	}

	@PostMapping("/assessments/{code}/{period}/acceptance")
	String accept(@PathVariable String code, @PathVariable int period, HttpServletRequest request,
			RedirectAttributes flash) {
		return act(flash, "assessment.done.accepted", "/assessments/" + code + "/" + period,
				() -> assessments.accept(code, period, Requester.of(request)));
	}

	@PostMapping("/assessments/{code}/{period}/corrections")
	String correct(@PathVariable String code, @PathVariable int period, @RequestParam(required = false) String field,
			@RequestParam(required = false) String value, @RequestParam(required = false) String reason,
			HttpServletRequest request, RedirectAttributes flash) {
		String back = "/assessments/" + code + "/" + period;
		try {
			assessments.correct(code, period, field, value, reason, Requester.of(request));
			flash.addFlashAttribute("assessmentMessage", "assessment.done.corrected");
			return "redirect:" + back;
		}
		catch (FactsRejectedException ex) {
			flash.addFlashAttribute("assessmentError", "assessment.error.correctionRefused");
			flash.addFlashAttribute("assessmentDetail",
					ex.problems()
						.stream()
						.map(p -> ProblemsInVietnamese.of(p.reason()))
						.reduce((x, y) -> x + " " + y)
						.orElse(""));
			return "redirect:" + back;
		}
		catch (AssessmentRefusedException | IllegalArgumentException ex) {
			return refused(ex, flash, back);
		}
	}

	@GetMapping("/provinces/{code}/assessments")
	String board(@PathVariable String code, @RequestParam(required = false) Integer period, Model model,
			HttpServletRequest request) {
		int p = (period != null) ? period : currentPeriod();
		model.addAttribute("board", assessments.board(code, p));
		model.addAttribute("mayRun", request.isUserInRole(Roles.OFFICER) && scope.mayWrite(code));
		return "assessment-board";
	}

	@PostMapping("/provinces/{code}/assessments/{period}/run")
	String startRun(@PathVariable String code, @PathVariable int period, HttpServletRequest request,
			RedirectAttributes flash) {
		try {
			Started started = assessments.startRun(code, period, Requester.of(request));
			return "redirect:/runs/" + started.run().id() + (started.created() ? "" : "?existing=true");
		}
		catch (FactsRejectedException ex) {
			flash.addFlashAttribute("assessmentError", "assessment.error.runRefused");
			flash.addFlashAttribute("assessmentDetail",
					ex.problems().stream().map(ImportProblem::describe).reduce((x, y) -> x + "; " + y).orElse(""));
			return "redirect:/provinces/" + code + "/assessments?period=" + period;
		}
		catch (AssessmentRefusedException | IllegalArgumentException ex) {
			return refused(ex, flash, "/provinces/" + code + "/assessments?period=" + period);
		}
	}

	private void show(Model model, Assessment a, Checked checked, Map<String, String> values, Locale locale,
			HttpServletRequest request) {
		Map<String, List<String>> problems = new LinkedHashMap<>();
		List<String> general = new ArrayList<>();
		boolean english = "en".equals(locale.getLanguage());
		for (ImportProblem p : checked.problems()) {
			String reason = english ? p.reason() : ProblemsInVietnamese.of(p.reason());
			if (p.column() != null && FactsColumns.byField(p.column()).isPresent()) {
				problems.computeIfAbsent(p.column(), k -> new ArrayList<>()).add(reason);
			}
			else {
				general.add(reason);
			}
		}
		List<Field> fields = new ArrayList<>();
		for (FactsColumn column : FactsColumns.ALL) {
			boolean entered = Assessments.ENTERED.contains(column);
			String value = switch (column) {
				case COMMUNE_CODE -> a.communeCode();
				case COMMUNE_NAME -> a.communeName();
				case PROVINCE_CODE -> a.provinceCode();
				case PERIOD -> Integer.toString(a.period());
				default -> values.getOrDefault(column.field(), "");
			};
			fields.add(new Field(column.field(), column.header(), column.labelKey(), column.helpKey(), column.kind(),
					column.required(), entered, value, cited(column),
					problems.getOrDefault(column.field(), List.of())));
		}
		boolean officer = request.isUserInRole(Roles.OFFICER) && scope.mayWrite(a.provinceCode());
		model.addAttribute("assessment", a);
		model.addAttribute("fields", fields);
		model.addAttribute("generalProblems", general);
		model.addAttribute("checked", checked);
		model.addAttribute("explanation", (checked.provisional() == null) ? null
				: DecisionExplanation.of(checked.provisional(), messages, locale));
		model.addAttribute("mayEdit", request.isUserInRole(Roles.COMMUNE) && scope.mayWriteOwnCommune(a.communeCode())
				&& a.status().editableByCommune());
		model.addAttribute("mayDecide", officer && a.status() == AssessmentStatus.SUBMITTED);
		model.addAttribute("mayCorrect",
				officer && (a.status() == AssessmentStatus.SUBMITTED || a.status() == AssessmentStatus.ACCEPTED));
		model.addAttribute("enteredColumns", Assessments.ENTERED);
	}

	/** The clauses a fact serves, as the register holds them: "4.1.a, 4.2.a, 5.1". */
	private String cited(FactsColumn column) {
		return String.join(", ", column.clauses().stream().filter(clauses::contains).toList());
	}

	private static String act(RedirectAttributes flash, String doneKey, String back, Supplier<?> step) {
		try {
			step.get();
			flash.addFlashAttribute("assessmentMessage", doneKey);
		}
		catch (AssessmentRefusedException | IllegalArgumentException ex) {
			return refused(ex, flash, back);
		}
		return "redirect:" + back;
	}

	private static String refused(RuntimeException ex, RedirectAttributes flash, String back) {
		flash.addFlashAttribute("assessmentError",
				(ex instanceof AssessmentRefusedException r) ? r.messageKey()
						: (ex.getMessage() != null && ex.getMessage().startsWith("reason"))
								? "assessment.error.reasonRequired" : "assessment.error.badRequest");
		flash.addFlashAttribute("assessmentDetail", ex.getMessage());
		return "redirect:" + back;
	}

}
