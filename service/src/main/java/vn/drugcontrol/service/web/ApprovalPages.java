package vn.drugcontrol.service.web;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.function.Supplier;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.ApprovalRefusedException;
import vn.drugcontrol.service.approval.Approvals;
import vn.drugcontrol.service.approval.OverrideReport;
import vn.drugcontrol.service.approval.SignerPosition;
import vn.drugcontrol.service.run.Decision;
import vn.drugcontrol.service.run.Run;
import vn.drugcontrol.service.run.RunQueries;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * The approval forms of the run and decision pages (submit; approve or return; propose
 * and confirm an override), calling the approval services directly, and the overrides
 * report. Every form carries the CSRF token; the security configuration limits each to
 * its role, the province check here to the run's province; after each the user is
 * redirected back with a message saying what happened or why nothing did.
 */
@Controller
class ApprovalPages {

	private final Approvals approvals;

	private final RunQueries runs;

	private final OverrideReport report;

	ApprovalPages(Approvals approvals, RunQueries runs, OverrideReport report) {
		this.approvals = approvals;
		this.runs = runs;
		this.report = report;
	}

	@PostMapping("/runs/{id}/submission")
	String submit(@PathVariable long id, RedirectAttributes flash) {
		Run run = ownRun(id);
		return act(flash, "approval.done.submitted", "/runs/" + id,
				() -> approvals.submit(run, ApprovalConsole.user()));
	}

	@PostMapping("/runs/{id}/approval")
	String approve(@PathVariable long id, @RequestParam(required = false) String decisionNumber,
			@RequestParam(required = false) String decisionDate, @RequestParam(required = false) String signerName,
			@RequestParam(required = false) SignerPosition signerPosition, RedirectAttributes flash) {
		Run run = ownRun(id);
		return act(flash, "approval.done.approved", "/runs/" + id, () -> approvals.approve(run, ApprovalConsole.user(),
				decisionNumber, date(decisionDate), signerName, signerPosition));
	}

	@PostMapping("/runs/{id}/return")
	String returnRun(@PathVariable long id, @RequestParam(required = false) String reason, RedirectAttributes flash) {
		Run run = ownRun(id);
		return act(flash, "approval.done.returned", "/runs/" + id,
				() -> approvals.returnToSender(run, ApprovalConsole.user(), reason));
	}

	@PostMapping("/runs/{id}/overrides")
	String propose(@PathVariable long id, @RequestParam long decisionId,
			@RequestParam(required = false) Classification approvedClass, @RequestParam(required = false) String reason,
			RedirectAttributes flash) {
		Run run = ownRun(id);
		Decision decision = decisionOf(run, decisionId);
		return act(flash, "approval.done.proposed", "/decisions/" + decisionId,
				() -> approvals.propose(run, decision.communeCode(), approvedClass, reason, ApprovalConsole.user()));
	}

	@PostMapping("/runs/{id}/overrides/{overrideId}/confirmation")
	String confirm(@PathVariable long id, @PathVariable long overrideId, RedirectAttributes flash) {
		Run run = ownRun(id);
		Approvals.Override override = approvals.override(overrideId)
			.filter(o -> o.runId() == id)
			.orElseThrow(() -> new NotFoundException("run " + id + " has no override " + overrideId));
		return act(flash, "approval.done.confirmed", "/decisions/" + override.decisionId(),
				() -> approvals.confirm(overrideId, run, ApprovalConsole.user()));
	}

	/** Overrides across runs, by rule and by criterion, with the XLSX export. */
	@GetMapping("/overrides")
	String report(Model model) {
		model.addAttribute("report", report.summary());
		return "overrides";
	}

	/**
	 * Runs one step; on success flashes {@code done}, on a refusal (wrong state, dual
	 * control, a missing field) flashes why: nothing was changed.
	 */
	private static String act(RedirectAttributes flash, String done, String back, Supplier<?> step) {
		try {
			step.get();
			flash.addFlashAttribute("approvalMessage", done);
		}
		catch (ApprovalRefusedException ex) {
			flash.addFlashAttribute("approvalError",
					(ex.status() == HttpStatus.FORBIDDEN) ? "approval.error.dualControl" : "approval.error.refused");
			flash.addFlashAttribute("approvalDetail", ex.getMessage());
		}
		catch (IllegalArgumentException ex) {
			flash.addFlashAttribute("approvalError", "approval.error.invalid");
			flash.addFlashAttribute("approvalDetail", ex.getMessage());
		}
		return "redirect:" + back;
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

	/** The run (its province's scope is the approval service's to check). */
	private Run ownRun(long id) {
		return runs.run(id);
	}

	private Decision decisionOf(Run run, long decisionId) {
		Decision decision = runs.decision(decisionId);
		if (decision.runId() == null || decision.runId().longValue() != run.id()) {
			throw new NotFoundException("run " + run.id() + " has no decision " + decisionId);
		}
		return decision;
	}

}
