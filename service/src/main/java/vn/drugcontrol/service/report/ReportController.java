package vn.drugcontrol.service.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

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

/**
 * Reports (PDF, XLSX) of a run or of a province's period, and charts (PNG, SVG).
 */
@RestController
@RequestMapping("/api/v1")
class ReportController {

	private static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private static final MediaType SVG = MediaType.parseMediaType("image/svg+xml");

	private final Reports reports;

	ReportController(Reports reports) {
		this.reports = reports;
	}

	@GetMapping("/runs/{id}/report")
	ResponseEntity<byte[]> runReport(@PathVariable long id, @RequestParam(defaultValue = "pdf") String format)
			throws IOException {
		return report(reports.ofRun(id), format);
	}

	@GetMapping("/provinces/{code}/report")
	ResponseEntity<byte[]> provinceReport(@PathVariable String code, @RequestParam int period,
			@RequestParam(defaultValue = "pdf") String format, @RequestParam(required = false) String ruleSet)
			throws IOException {
		return report(reports.ofProvince(code, period, ruleSet), format);
	}

	@GetMapping("/runs/{id}/charts/classes")
	ResponseEntity<byte[]> classes(@PathVariable long id, @RequestParam(defaultValue = "png") String format) {
		Report r = reports.ofRun(id);
		return chart(Charts.classes(r.provinceName(), r.period(), r.counts()), format,
				"phan-loai-" + r.provinceCode() + "-" + r.period() + "-run-" + id);
	}

	@GetMapping("/provinces/{code}/charts/trend")
	ResponseEntity<byte[]> trend(@PathVariable String code, @RequestParam(defaultValue = "png") String format,
			@RequestParam(required = false) String ruleSet) {
		return chart(Charts.trend(reports.provinceName(code), reports.trend(code, ruleSet)), format,
				"dien-bien-" + code);
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
