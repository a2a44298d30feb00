package vn.drugcontrol.service.export;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.approval.ApprovedClasses.Basis;
import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.run.Run;
import vn.drugcontrol.service.run.RunQueries;
import vn.drugcontrol.service.system.Requester;

/**
 * A run's list as a file: XLSX (default) or CSV; the approved list once the run is
 * approved, else a draft.
 */
@RestController
class ExportController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final RunQueries runs;

	private final RunExport export;

	private final AuditTrail audit;

	private final ApprovedClasses approved;

	ExportController(RunQueries runs, RunExport export, AuditTrail audit, ApprovedClasses approved) {
		this.approved = approved;
		this.audit = audit;
		this.runs = runs;
		this.export = export;
	}

	@GetMapping("/api/v1/runs/{id}/export")
	void export(@PathVariable long id, @RequestParam(defaultValue = "xlsx") String format, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		Run run = runs.run(id);
		if (format.equalsIgnoreCase("xlsx") || format.equalsIgnoreCase("csv")) {
			audit.record(Requester.of(request), AuditTrail.Action.EXPORT, "run:" + id,
					java.util.Map.of("kind", "run-list", "format", format.toLowerCase(), "run", id, "province",
							run.provinceCode(), "period", run.period()));
		}
		Basis basis = approved.basisOf(id);
		String base = "phan-loai-" + run.provinceCode() + "-" + run.period() + "-run-" + run.id();
		switch (format.toLowerCase()) {
			case "xlsx" -> {
				response.setContentType(XLSX);
				attachment(response, base + ".xlsx");
				export.writeXlsx(run, basis, response.getOutputStream());
			}
			case "csv" -> {
				response.setContentType("text/csv;charset=UTF-8");
				attachment(response, base + ".csv");
				export.writeCsv(run, basis, response.getOutputStream());
			}
			default -> throw new IllegalArgumentException("format must be xlsx or csv, got '" + format + "'");
		}
	}

	private static void attachment(HttpServletResponse response, String name) {
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				ContentDisposition.attachment().filename(name).build().toString());
	}

}
