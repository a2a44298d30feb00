package vn.drugcontrol.service.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.service.system.Requester;

/**
 * Administrators make API clients' tokens; the token is in the answer only.
 */
@RestController
class ApiTokenController {

	private final ApiTokens tokens;

	ApiTokenController(ApiTokens tokens) {
		this.tokens = tokens;
	}

	record NewToken(String clientName, List<String> roles, String provinceCode) {
	}

	record IssuedToken(String clientName, List<String> roles, String provinceCode, String token) {
	}

	@PostMapping("/api/v1/api-tokens")
	@ResponseStatus(HttpStatus.CREATED)
	IssuedToken create(@RequestBody NewToken request, HttpServletRequest http) {
		List<String> roles = request.roles() == null || request.roles().isEmpty() ? List.of(Roles.API_CLIENT)
				: request.roles().stream().map(Roles::known).toList();
		String token = tokens.create(request.clientName(), roles, request.provinceCode(), Requester.of(http));
		return new IssuedToken(request.clientName(), roles, request.provinceCode(), token);
	}

}
