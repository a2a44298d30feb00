package vn.drugcontrol.service.security;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import vn.drugcontrol.service.system.ProblemType;

/**
 * Authenticates {@code Authorization: Bearer cls_…} (an API client's token); other bearer
 * tokens are JWTs for the resource server. An unknown token is a 401, audited and
 * throttled ({@link FailedSignIns}).
 */
class ApiTokenFilter extends OncePerRequestFilter {

	private final ApiTokens tokens;

	private final FailedSignIns failures;

	ApiTokenFilter(ApiTokens tokens, FailedSignIns failures) {
		this.tokens = tokens;
		this.failures = failures;
	}

	static boolean isApiToken(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		return header != null && header.startsWith("Bearer " + ApiTokens.PREFIX);
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!isApiToken(request)) {
			chain.doFilter(request, response);
			return;
		}
		String token = request.getHeader("Authorization").substring("Bearer ".length()).strip();
		Optional<ApiTokens.Client> client = tokens.find(token);
		if (client.isEmpty()) {
			failures.unknownApiToken(request.getRemoteAddr(), request.getRequestURI());
			SecurityProblems.write(response, ProblemType.UNAUTHORIZED, "Unauthorized", "The API token is not known.");
			return;
		}
		SecurityContext context = SecurityContextHolder.createEmptyContext();
		context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated("client:" + client.get().name(),
				null, client.get().authorities()));
		SecurityContextHolder.setContext(context);
		try {
			chain.doFilter(request, response);
		}
		finally {
			SecurityContextHolder.clearContext();
		}
	}

}
