package vn.drugcontrol.service.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The signed-in user's name on every console page, for the header (next to the sign-out
 * button).
 */
// the console's pages: this package and the features' own web packages
@ControllerAdvice(basePackages = { "vn.drugcontrol.service.web", "vn.drugcontrol.service.assessment.web" })
class SignedInUserAdvice {

	@ModelAttribute("signedInUser")
	String signedInUser() {
		return ApprovalConsole.user();
	}

}
