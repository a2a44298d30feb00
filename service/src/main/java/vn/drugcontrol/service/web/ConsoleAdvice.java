package vn.drugcontrol.service.web;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
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
@ControllerAdvice(basePackageClasses = ConsoleAdvice.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ConsoleAdvice {

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
	String notFound(NotFoundException ex, Model model) {
		model.addAttribute("status", 404);
		model.addAttribute("detail", ex.getMessage());
		return "error";
	}

	@ExceptionHandler({ UnknownRuleSetException.class, MethodArgumentTypeMismatchException.class })
	@ResponseStatus(HttpStatus.BAD_REQUEST)
	String badRequest(Exception ex, Model model) {
		model.addAttribute("status", 400);
		model.addAttribute("detail", ex.getMessage());
		return "error";
	}

}
