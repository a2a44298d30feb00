package vn.drugcontrol.service.web;

import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The console's own sign-in page, in the console's language (Spring Security's built-in
 * page is English only). The form posts to {@code /login}, which Spring Security handles.
 */
@Controller
class SignInPage {

	@GetMapping("/login")
	String login() {
		return "login";
	}

}
