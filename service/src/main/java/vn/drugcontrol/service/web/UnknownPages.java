package vn.drugcontrol.service.web;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * A mistyped address in a browser gets the console's "not found" page; API clients still
 * get the API's problem details (this handler only produces HTML).
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class UnknownPages {

	@ExceptionHandler(exception = NoResourceFoundException.class, produces = MediaType.TEXT_HTML_VALUE)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NoResourceFoundException ex, Model model) {
		model.addAttribute("status", 404);
		model.addAttribute("detailKey", "error.notFound.detail");
		model.addAttribute("path", "/" + ex.getResourcePath());
		return "error";
	}

	/**
	 * An address no controller and no static location serves (static files are only under
	 * {@code /console/**}, so most mistyped addresses end here, not as a missing
	 * resource).
	 */
	@ExceptionHandler(exception = NoHandlerFoundException.class, produces = MediaType.TEXT_HTML_VALUE)
	@ResponseStatus(HttpStatus.NOT_FOUND)
	String notFound(NoHandlerFoundException ex, Model model) {
		model.addAttribute("status", 404);
		model.addAttribute("detailKey", "error.notFound.detail");
		model.addAttribute("path", ex.getRequestURL());
		return "error";
	}

}
