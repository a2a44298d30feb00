package vn.drugcontrol.service.security;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

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

	@Schema(description = "A client system to issue an API token for.")
	record NewToken(
			@Schema(description = "the client system's name", example = "budget-allocation",
					requiredMode = RequiredMode.REQUIRED, minLength = 1, maxLength = 100) String clientName,
			@ArraySchema(arraySchema = @Schema(description = "its roles; left out or empty: API_CLIENT"), maxItems = 6,
					schema = @Schema(allowableValues = {
							Roles.ANALYST, Roles.OFFICER, Roles.APPROVER, Roles.VIEWER, Roles.API_CLIENT, Roles.ADMIN },
							maxLength = 10)) List<String> roles,
			@Schema(description = "its province (2 digits), * for every province; left out: none", example = "04",
					pattern = "^([0-9]{2}|\\*)$", maxLength = 2) String provinceCode){
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
