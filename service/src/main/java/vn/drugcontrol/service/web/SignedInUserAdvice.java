package vn.drugcontrol.service.web;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * The signed-in user's name on every console page, for the header (next to the sign-out
 * button).
 */
@ControllerAdvice(basePackageClasses = SignedInUserAdvice.class)
class SignedInUserAdvice {

	@ModelAttribute("signedInUser")
	String signedInUser() {
		return ApprovalConsole.user();
	}

}
