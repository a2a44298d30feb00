package vn.drugcontrol.service.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

import vn.drugcontrol.service.system.ProblemType;

/**
 * 401 and 403 of the API as RFC 9457 problem details, like every other error.
 */
final class SecurityProblems {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	private SecurityProblems() {
	}

	static AuthenticationEntryPoint unauthorized() {
		return (request, response, ex) -> {
			response.setHeader("WWW-Authenticate", "Basic realm=\"classifier\", Bearer");
			write(response, ProblemType.UNAUTHORIZED, "Unauthorized",
					"Sign in: HTTP Basic with a local user, or a bearer token (OIDC access token or API token).");
		};
	}

	static AccessDeniedHandler forbidden() {
		return (request, response, ex) -> write(response,
				(ex instanceof ProvinceForbiddenException) ? ProblemType.FORBIDDEN_PROVINCE : ProblemType.FORBIDDEN,
				"Forbidden", detail(ex));
	}

	static String detail(AccessDeniedException ex) {
		String message = ex.getMessage();
		return (message == null || message.equals("Access Denied"))
				? "Your roles do not allow this; nothing was changed." : message + "; nothing was changed.";
	}

	static void write(HttpServletResponse response, ProblemType type, String title, String detail) throws IOException {
		int status = type.status().value();
		Map<String, Object> problem = new LinkedHashMap<>();
		problem.put("type", type.uri().toString());
		problem.put("title", title);
		problem.put("status", status);
		problem.put("detail", detail);
		response.setStatus(status);
		response.setContentType("application/problem+json");
		response.setCharacterEncoding(StandardCharsets.UTF_8.name());
		response.getOutputStream().write(JSON.writeValueAsBytes(problem));
	}

}
