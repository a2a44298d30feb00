package vn.drugcontrol.service.system;

import java.io.IOException;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.slf4j.MDC;

import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Clears what a request put in the log context ({@code runId}, set once a run is stored
 * so that every later line of the request names it): server threads are reused, and the
 * next request must not log under this one's run.
 */
@Component
class LogContextFilter extends OncePerRequestFilter {

	/** The MDC key of the run a log line is about. */
	static final String RUN_ID = "runId";

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			chain.doFilter(request, response);
		}
		finally {
			MDC.remove(RUN_ID);
		}
	}

}
