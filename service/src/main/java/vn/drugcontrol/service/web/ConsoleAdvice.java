package vn.drugcontrol.service.web;

import jakarta.servlet.http.HttpServletRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.dao.DataAccessException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.TransactionException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.util.UriComponentsBuilder;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.ruleset.UnknownRuleSetException;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * What every console page shares: the link to the same page in the other language, and
 * errors as pages (not the API's problem details).
 */
// the console's pages: this package and the features' own web packages
@ControllerAdvice(basePackages = { "vn.drugcontrol.service.web", "vn.drugcontrol.service.assessment.web" })
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

	private static final Logger log = LoggerFactory.getLogger(ConsoleAdvice.class);

	/**
	 * The current page in the other language; after a form post (nothing to reload) the
	 * home page.
	 */
	@ModelAttribute("otherLanguageUrl")
	String otherLanguageUrl(HttpServletRequest request, java.util.Locale locale) {
		String other = "en".equals(locale.getLanguage()) ? "vi" : "en";
		if (!"GET".equals(request.getMethod())) {
			return "/?lang=" + other;
		}
		String query = request.getQueryString();
		return UriComponentsBuilder.fromUriString(request.getRequestURI() + ((query != null) ? "?" + query : ""))
			.replaceQueryParam("lang", other)
			.build()
			.toUriString();
	}

	/** The classes in the law's order, for tables and filters. */
	@ModelAttribute("classes")
	Classification[] classes() {
		return Classification.values();
	}

	@ExceptionHandler
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NotFoundException ex, Model model, HttpServletRequest request) {
		model.addAttribute("status", 404);
		model.addAttribute("detailKey", "error.notFound.detail");
		model.addAttribute("path", request.getRequestURI());
		model.addAttribute("technical", ex.getMessage());
		return "error";
	}

	/**
	 * A query the database cannot run as written: a bug, logged, shown as a page (as the
	 * API answers 500, not the API's JSON).
	 */
	@ExceptionHandler
	@ResponseStatus(HttpStatus.INTERNAL_SERVER_ERROR)
	String badQuery(InvalidDataAccessResourceUsageException ex, Model model) {
		log.error("the database refused a query of the service as written: a bug", ex);
		model.addAttribute("status", 500);
		model.addAttribute("detailKey", "error.badQuery");
		return "error";
	}

	/** The database refused or lost the work: a page, not the API's JSON 503. */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	@ResponseStatus(HttpStatus.SERVICE_UNAVAILABLE)
	String databaseUnavailable(RuntimeException ex, Model model) {
		log.error("database refused a write or read; the transaction was rolled back", ex);
		model.addAttribute("status", 503);
		model.addAttribute("detailKey", "error.databaseUnavailable");
		return "error";
	}

	@ExceptionHandler({ UnknownRuleSetException.class, MethodArgumentTypeMismatchException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(Exception ex, Model model, HttpServletRequest request) {
		model.addAttribute("status", 400);
		model.addAttribute("detailKey", "error.badRequest");
		model.addAttribute("path", request.getRequestURI());
		model.addAttribute("technical", ex.getMessage());
		return "error";
	}

}
