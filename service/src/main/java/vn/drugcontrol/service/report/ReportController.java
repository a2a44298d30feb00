package vn.drugcontrol.service.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import org.jfree.chart.JFreeChart;

import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.system.Requester;

/**
 * Reports (PDF, XLSX) of a run or of a province's period, and charts (PNG, SVG). Each one
 * rendered is an {@code EXPORT} entry of the audit trail: who, which kind, format, run,
 * province and period.
 */
@RestController
@RequestMapping("/api/v1")
class ReportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private final Reports reports;

	private final AuditTrail audit;

	ReportController(Reports reports, AuditTrail audit) {
		this.reports = reports;
		this.audit = audit;
	}

	@GetMapping("/runs/{id}/report")
	ResponseEntity<byte[]> runReport(@PathVariable long id, @RequestParam(defaultValue = "pdf") String format,
			HttpServletRequest request) throws IOException {
		Report r = reports.ofRun(id);
		ResponseEntity<byte[]> file = report(r, format);
		audited(request, "run:" + id, "run-report", format, r, null);
		return file;
	}

	@GetMapping("/provinces/{code}/report")
	ResponseEntity<byte[]> provinceReport(@PathVariable String code, @RequestParam int period,
			@RequestParam(defaultValue = "pdf") String format, @RequestParam(required = false) String ruleSet,
			HttpServletRequest request) throws IOException {
		Report r = reports.ofProvince(code, period, ruleSet);
		ResponseEntity<byte[]> file = report(r, format);
		audited(request, "province:" + code, "province-report", format, r, ruleSet);
		return file;
	}

	@GetMapping("/runs/{id}/charts/classes")
	ResponseEntity<byte[]> classes(@PathVariable long id, @RequestParam(defaultValue = "png") String format,
			HttpServletRequest request) {
		Report r = reports.ofRun(id);
		ResponseEntity<byte[]> file = chart(Charts.classes(r.provinceName(), r.period(), r.counts()), format,
				"phan-loai-" + r.provinceCode() + "-" + r.period() + "-run-" + id);
		audited(request, "run:" + id, "run-chart", format, r, null);
		return file;
	}

	@GetMapping("/provinces/{code}/charts/trend")
	ResponseEntity<byte[]> trend(@PathVariable String code, @RequestParam(defaultValue = "png") String format,
			@RequestParam(required = false) String ruleSet, HttpServletRequest request) {
		ResponseEntity<byte[]> file = chart(Charts.trend(reports.provinceName(code), reports.trend(code, ruleSet)),
				format, "dien-bien-" + code);
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("kind", "trend-chart");
		details.put("format", format);
		details.put("province", code);
		details.put("ruleSet", ruleSet == null ? "" : ruleSet);
		audit.record(Requester.of(request), AuditTrail.Action.EXPORT, "province:" + code, details);
		return file;
	}

	/** The export's entry, once the file is rendered (a refused request leaves none). */
	private void audited(HttpServletRequest request, String subject, String kind, String format, Report r,
			String ruleSet) {
		Map<String, Object> details = new LinkedHashMap<>();
		details.put("kind", kind);
		details.put("format", format);
		details.put("run", r.runId());
		details.put("province", r.provinceCode());
		details.put("period", r.period());
		if (ruleSet != null) {
			details.put("ruleSet", ruleSet);
		}
		audit.record(Requester.of(request), AuditTrail.Action.EXPORT, subject, details);
	}

	private static ResponseEntity<byte[]> report(Report r, String format) throws IOException {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		String name = "bao-cao-" + r.provinceCode() + "-" + r.period() + "-run-" + r.runId();
		MediaType type;
		switch (format) {
			case "pdf" -> {
				PdfReport.write(r, out);
				type = MediaType.APPLICATION_PDF;
				name += ".pdf";
			}
			case "xlsx" -> {
				XlsxReport.write(r, out);
				type = XLSX;
				name += ".xlsx";
			}
			default -> throw new IllegalArgumentException("format must be pdf or xlsx, got \"" + format + "\"");
		}
		return file(out.toByteArray(), type, name);
	}

	private static ResponseEntity<byte[]> chart(JFreeChart chart, String format, String name) {
		return switch (format) {
			case "png" -> file(Charts.png(chart), MediaType.IMAGE_PNG, name + ".png");
			case "svg" -> file(Charts.svg(chart).getBytes(StandardCharsets.UTF_8), SVG, name + ".svg");
			default -> throw new IllegalArgumentException("format must be png or svg, got \"" + format + "\"");
		};
	}

	private static ResponseEntity<byte[]> file(byte[] body, MediaType type, String name) {
		return ResponseEntity.ok()
			.contentType(type)
			.header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(name).build().toString())
			.body(body);
	}

}
