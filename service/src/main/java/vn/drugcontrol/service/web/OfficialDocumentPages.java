package vn.drugcontrol.service.web;

import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.drugcontrol.service.report.OfficialDocument;
import vn.drugcontrol.service.report.OfficialDocuments;

/**
 * The official documents' print views (issue 17, item 4): the run's list by class
 * (approved, or the draft) and a commune's decision sheet, laid out as the PDF is and
 * printed on A4 without the console's navigation. Showing one is an {@code EXPORT} entry
 * of the audit trail (format {@code print}), as the PDF is.
 */
@Controller
class OfficialDocumentPages {

	private final OfficialDocuments documents;

	private final MessageSource messages;

	OfficialDocumentPages(OfficialDocuments documents, MessageSource messages) {
		this.documents = documents;
		this.messages = messages;
	}

	@GetMapping("/runs/{id}/official-list")
	String list(@PathVariable long id, Model model, Locale locale) {
		OfficialDocument document = documents.listOf(id);
		String heading = messages.getMessage(
				document.draft() ? "official.heading.list.draft" : "official.heading.list.approved",
				new Object[] { id }, locale);
		return show(document, heading, "/runs/" + id, "/api/v1/runs/" + id + "/official-list", model);
	}

	@GetMapping("/decisions/{id}/official-sheet")
	String sheet(@PathVariable long id, Model model, Locale locale) {
		OfficialDocument document = documents.sheetOf(id);
		String heading = messages.getMessage(
				document.draft() ? "official.heading.sheet.draft" : "official.heading.sheet.approved",
				new Object[] { id }, locale);
		return show(document, heading, "/decisions/" + id, "/api/v1/decisions/" + id + "/official-sheet", model);
	}

	private String show(OfficialDocument document, String heading, String back, String pdf, Model model) {
		documents.exported(document, "print", ApprovalConsole.user());
		model.addAttribute("doc", document);
		model.addAttribute("heading", heading);
		model.addAttribute("backUrl", back);
		model.addAttribute("pdfUrl", pdf);
		return "official-document";
	}

}
