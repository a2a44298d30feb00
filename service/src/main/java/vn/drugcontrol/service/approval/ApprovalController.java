package vn.drugcontrol.service.approval;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.service.run.RunQueries;
import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.Approvals.Approval;
import vn.drugcontrol.service.approval.Approvals.Override;
import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.run.Run;
import vn.drugcontrol.service.system.ApiLimits;
import vn.drugcontrol.service.system.NotFoundException;
import vn.drugcontrol.service.system.ProblemType;
import vn.drugcontrol.service.system.Requester;

/**
 * A run's approval: submit, approve with the People's Committee's decision, return with a
 * reason; overrides proposed by one approver and confirmed by another; the overrides
 * report. Writes are for the run's own province only.
 */
@RestController
class ApprovalController {

	private final Approvals approvals;

	private final RunQueries runs;

	private final OverrideReport report;

	private final AuditTrail audit;

	ApprovalController(Approvals approvals, RunQueries runs, OverrideReport report, AuditTrail audit) {
		this.audit = audit;
		this.approvals = approvals;
		this.runs = runs;
		this.report = report;
	}

	record ApprovalView(Approval approval, List<Override> overrides) {
	}

	/**
	 * The People's Committee's decision: its number and date, and optionally who signed
	 * it (for the official documents' signature block) and in which position.
	 */
	@Schema(description = "The People's Committee's decision approving the run's list.")
	record ApprovalRequest(
			@Schema(description = "number of the approving decision", example = "123/QĐ-UBND",
					requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 64) String decisionNumber,
			@Schema(description = "date of the approving decision", example = "2025-12-20",
					maxLength = 10) LocalDate decisionDate,
			@Schema(description = "who signed the decision, for the official documents' signature block",
					example = "Nguyễn Văn A", maxLength = 128) String signerName,
			@Schema(description = "the signer's position: the chairman (default) or a vice-chairman for the chairman") SignerPosition signerPosition) {
	}

	@Schema(description = "Why the run goes back to its officer.")
	record ReturnRequest(
			@Schema(description = "the reason, for the officer", example = "Số liệu xã 01447 cần kiểm tra lại",
					requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 1000) String reason) {
	}

	@Schema(description = "A proposed class for one commune of the run, different from the rules' class.")
	record OverrideRequest(
			@Schema(description = "5-digit commune code", example = "01447", requiredMode = RequiredMode.REQUIRED,
					pattern = ApiLimits.COMMUNE_CODE, maxLength = 5) String communeCode,
			@Schema(requiredMode = RequiredMode.REQUIRED) Classification approvedClass,
			@Schema(description = "why the approved class differs", requiredMode = RequiredMode.REQUIRED, minLength = 1,
					maxLength = 1000) String reason) {
	}

	@GetMapping("/api/v1/runs/{id}/approval")
	ApprovalView approval(@PathVariable long id) {
		find(id);
		return new ApprovalView(approvals.of(id), approvals.overridesOf(id));
	}

	@PostMapping("/api/v1/runs/{id}/submission")
	Approval submit(@PathVariable long id, HttpServletRequest request) {
		return approvals.submit(ownRun(id), Requester.of(request));
	}

	@PostMapping("/api/v1/runs/{id}/approval")
	Approval approve(@PathVariable long id, @RequestBody ApprovalRequest body, HttpServletRequest request) {
		return approvals.approve(ownRun(id), Requester.of(request), body.decisionNumber(), body.decisionDate(),
				body.signerName(), body.signerPosition());
	}

	@PostMapping("/api/v1/runs/{id}/return")
	Approval returnRun(@PathVariable long id, @RequestBody ReturnRequest body, HttpServletRequest request) {
		return approvals.returnToSender(ownRun(id), Requester.of(request), body.reason());
	}

	@GetMapping("/api/v1/runs/{id}/overrides")
	List<Override> overrides(@PathVariable long id) {
		find(id);
		return approvals.overridesOf(id);
	}

	@PostMapping("/api/v1/runs/{id}/overrides")
	ResponseEntity<Override> propose(@PathVariable long id, @RequestBody OverrideRequest body,
			HttpServletRequest request) {
		Override made = approvals.propose(ownRun(id), body.communeCode(), body.approvedClass(), body.reason(),
				Requester.of(request));
		return ResponseEntity.created(URI.create("/api/v1/overrides/" + made.id())).body(made);
	}

	@GetMapping("/api/v1/overrides/{id}")
	Override override(@PathVariable long id) {
		return approvals.override(id).orElseThrow(() -> new NotFoundException("no override " + id));
	}

	@PostMapping("/api/v1/overrides/{id}/confirmation")
	Override confirm(@PathVariable long id, HttpServletRequest request) {
		Override o = override(id);
		return approvals.confirm(id, ownRun(o.runId()), Requester.of(request));
	}

	/**
	 * Overrides by rule and criterion across runs: JSON, or {@code format=xlsx} (an
	 * {@code EXPORT} entry of the audit trail).
	 */
	@GetMapping("/api/v1/overrides/report")
	Object report(@RequestParam(defaultValue = "json") String format, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		OverrideReport.Summary summary = report.summary();
		if ("xlsx".equalsIgnoreCase(format)) {
			audit.record(Requester.of(request), AuditTrail.Action.EXPORT, "overrides",
					Map.of("kind", "overrides-report", "format", "xlsx"));
			response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			response.setHeader("Content-Disposition", "attachment; filename=\"overrides.xlsx\"");
			report.writeXlsx(summary, response.getOutputStream());
			return null;
		}
		if (!"json".equalsIgnoreCase(format)) {
			throw new IllegalArgumentException("format must be json or xlsx, got '" + format + "'");
		}
		return summary;
	}

	@ExceptionHandler
	ProblemDetail refused(ApprovalRefusedException ex) {
		return (ex.status().value() == 409 ? ProblemType.STATE_CONFLICT : ProblemType.FORBIDDEN)
			.problem(ex.getMessage() + "; nothing was changed");
	}

	private Run find(long id) {
		return runs.run(id);
	}

	/** The run to change (its province's scope is {@link Approvals}' to check). */
	private Run ownRun(long id) {
		return find(id);
	}

}
