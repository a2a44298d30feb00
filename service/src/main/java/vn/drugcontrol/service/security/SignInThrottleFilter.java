package vn.drugcontrol.service.security;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

import vn.drugcontrol.service.system.ProblemType;

/**
 * Refuses a sign-in (HTTP Basic, API token, or the console's login form) of an account or
 * from a client that has failed too often ({@link SignInThrottle}): 429 with
 * {@code Retry-After}, before the credentials are checked, so even the right password
 * waits. Requests without credentials (a session, none at all) pass.
 */
class SignInThrottleFilter extends OncePerRequestFilter {

	private final SignInThrottle throttle;

	private final boolean console;

	private SignInThrottleFilter(SignInThrottle throttle, boolean console) {
		this.throttle = throttle;
		this.console = console;
	}

	/** For the API chain: HTTP Basic and API tokens; problem details. */
	static SignInThrottleFilter api(SignInThrottle throttle) {
		return new SignInThrottleFilter(throttle, false);
	}

	/** For the console chain: the login form; a page in Vietnamese. */
	static SignInThrottleFilter console(SignInThrottle throttle) {
		return new SignInThrottleFilter(throttle, true);
	}

	/** The user name of an {@code Authorization: Basic} header, or null. */
	static String basicUser(HttpServletRequest request) {
		String header = request.getHeader("Authorization");
		if (header == null || header.length() < 6 || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
			return null;
		}
		try {
			String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
					StandardCharsets.UTF_8);
			int colon = decoded.indexOf(':');
			return (colon < 0) ? null : decoded.substring(0, colon);
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		boolean signsIn;
		String account = null;
		if (console) {
			signsIn = "POST".equals(request.getMethod()) && "/login".equals(request.getServletPath());
			if (signsIn) {
				account = request.getParameter("username");
			}
		}
		else {
			account = basicUser(request);
			signsIn = account != null || ApiTokenFilter.isApiToken(request);
		}
		Optional<Duration> wait = signsIn ? throttle.retryAfter(account, request.getRemoteAddr()) : Optional.empty();
		if (wait.isEmpty()) {
			chain.doFilter(request, response);
			return;
		}
		long seconds = Math.max(1, (wait.get().toMillis() + 999) / 1000);
		response.setHeader("Retry-After", Long.toString(seconds));
		if (console) {
			response.setStatus(429);
			response.setContentType("text/html;charset=UTF-8");
			response.getWriter().write("""
					<!DOCTYPE html>
					<html lang="vi"><head><meta charset="UTF-8"><title>Tạm khóa đăng nhập</title></head>
					<body><h1>Tạm khóa đăng nhập</h1>
					<p role="alert">Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau %d giây.</p>
					<p><a href="/login">Quay lại trang đăng nhập</a></p></body></html>
					""".formatted(seconds));
		}
		else {
			SecurityProblems.write(response, ProblemType.TOO_MANY_REQUESTS, "Too many failed sign-ins",
					"Too many failed sign-ins for this " + "account or from this client; nothing was done. Retry after "
							+ seconds + " seconds.");
		}
	}

}
