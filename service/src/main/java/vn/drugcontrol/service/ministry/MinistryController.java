package vn.drugcontrol.service.ministry;

import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.io.IOException;
import java.time.LocalDate;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.system.NotFoundException;
import vn.drugcontrol.service.system.Requester;

/**
 * The report to the Ministry and the Ministry's national view over the API: submit
 * (province officers), approve or return (the Ministry), the board, the national list as
 * JSON, XLSX or PDF. Who may do what is {@link MinistryReports}' and the services' to
 * say.
 */
@RestController
class MinistryController {

	private final MinistryReports reports;

	private final NationalBoard board;

	private final NationalList list;

	private final AuditTrail audit;

	MinistryController(MinistryReports reports, NationalBoard board, NationalList list, AuditTrail audit) {
		this.reports = reports;
		this.board = board;
		this.list = list;
		this.audit = audit;
	}

	@Schema(description = "The Ministry's decision approving a province's report.")
	record DecisionRequest(
			@Schema(description = "number of the Ministry's decision", example = "456/QĐ-BCA",
					requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 64) String decisionNumber,
			@Schema(description = "date of the decision", example = "2025-12-28",
					maxLength = 10) LocalDate decisionDate) {
	}

	@Schema(description = "Why the report goes back to the province.")
	record ReturnRequest(@Schema(description = "the reason, for the province", requiredMode = RequiredMode.REQUIRED,
			minLength = 1, maxLength = 1000) String reason) {
	}

	@GetMapping("/api/v1/ministry-reports/{province}/{period}")
	MinistryReport report(@PathVariable String province, @PathVariable int period) {
		return reports.find(province, period)
			.orElseThrow(() -> new NotFoundException(
					"province " + province + " has not submitted a report to the Ministry for period " + period));
	}

	@PostMapping("/api/v1/ministry-reports/{province}/{period}/submission")
	MinistryReport submit(@PathVariable String province, @PathVariable int period, HttpServletRequest request) {
		return reports.submit(province, period, Requester.of(request));
	}

	@PostMapping("/api/v1/ministry-reports/{province}/{period}/approval")
	MinistryReport approve(@PathVariable String province, @PathVariable int period, @RequestBody DecisionRequest body,
			HttpServletRequest request) {
		return reports.approve(province, period, Requester.of(request), body.decisionNumber(), body.decisionDate());
	}

	@PostMapping("/api/v1/ministry-reports/{province}/{period}/return")
	MinistryReport returnReport(@PathVariable String province, @PathVariable int period,
			@RequestBody ReturnRequest body, HttpServletRequest request) {
		return reports.returnToProvince(province, period, Requester.of(request), body.reason());
	}

	@GetMapping("/api/v1/national-board")
	NationalBoard.Board board(@RequestParam int period) {
		return board.of(period);
	}

	/**
	 * The national list: JSON, or {@code format=xlsx|pdf} (an {@code EXPORT} entry of the
	 * audit trail, kind {@code national-list}).
	 */
	@GetMapping("/api/v1/national-list")
	Object nationalList(@RequestParam int period, @RequestParam(defaultValue = "json") String format,
			HttpServletRequest request, HttpServletResponse response) throws IOException {
		String f = format.toLowerCase(java.util.Locale.ROOT);
		if (!f.equals("json") && !f.equals("xlsx") && !f.equals("pdf")) {
			throw new IllegalArgumentException("format must be json, xlsx or pdf, got '" + format + "'");
		}
		NationalList.Listing listing = list.of(period);
		if (f.equals("json")) {
			return listing;
		}
		audit.record(Requester.of(request), AuditTrail.Action.EXPORT, "national:" + period,
				Map.of("kind", "national-list", "format", f, "period", period));
		String name = "danh-sach-toan-quoc-" + period + "." + f;
		response.setHeader("Content-Disposition", "attachment; filename=\"" + name + "\"");
		if (f.equals("xlsx")) {
			response.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
			NationalListFiles.xlsx(listing, response.getOutputStream());
		}
		else {
			response.setContentType("application/pdf");
			NationalListFiles.pdf(listing, response.getOutputStream());
		}
		return null;
	}

	@ExceptionHandler
	ProblemDetail refused(MinistryRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(ex.status(),
				ex.getMessage() + "; nothing was changed");
		problem.setTitle("Not allowed in this state");
		return problem;
	}

}
