package vn.drugcontrol.service.report;

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

import vn.drugcontrol.service.system.Requester;

/**
 * The official documents as PDF (issue 17, item 4): a run's list by class (approved, or
 * the draft marked so), the approved list of a province's period, one commune's decision
 * sheet. Each one rendered is an {@code EXPORT} entry of the audit trail.
 */
@RestController
@RequestMapping("/api/v1")
class OfficialDocumentController {

	private final OfficialDocuments documents;

	OfficialDocumentController(OfficialDocuments documents) {
		this.documents = documents;
	}

	@GetMapping("/runs/{id}/official-list")
	ResponseEntity<byte[]> runList(@PathVariable long id, HttpServletRequest request) {
		return pdf(documents.listOf(id), request);
	}

	@GetMapping("/provinces/{code}/official-list")
	ResponseEntity<byte[]> approvedList(@PathVariable String code, @RequestParam int period,
			HttpServletRequest request) {
		return pdf(documents.approvedListOf(code, period), request);
	}

	@GetMapping("/decisions/{id}/official-sheet")
	ResponseEntity<byte[]> sheet(@PathVariable long id, HttpServletRequest request) {
		return pdf(documents.sheetOf(id), request);
	}

	private ResponseEntity<byte[]> pdf(OfficialDocument document, HttpServletRequest request) {
		byte[] body = documents.pdf(document, Requester.of(request));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(document.fileName() + ".pdf").build().toString())
			.body(body);
	}

}
