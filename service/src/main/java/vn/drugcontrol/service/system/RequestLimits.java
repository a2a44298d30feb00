package vn.drugcontrol.service.system;

import java.io.IOException;
import java.util.function.IntConsumer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;

/**
 * Limits against oversized input: JSON bodies of the API
 * ({@code classifier.limits.max-json-size}, 413 before anything is read; uploads are
 * limited by {@code spring.servlet.multipart.max-file-size}) and communes per batch
 * ({@code classifier.limits.max-rows}, 422).
 */
@Component
public class RequestLimits extends OncePerRequestFilter {

	private final long maxJsonBytes;

	private final int maxRows;

	RequestLimits(@Value("${classifier.limits.max-json-size:20MB}") DataSize maxJson,
			@Value("${classifier.limits.max-rows:10000}") int maxRows) {
		this.maxJsonBytes = maxJson.toBytes();
		this.maxRows = maxRows;
	}

	/** Refuses a batch of more communes than allowed. */
	public void checkRows(long rows) {
		if (rows > maxRows) {
			throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT,
					"more than " + maxRows + " communes in one batch (classifier.limits.max-rows); nothing was stored");
		}
	}

	/** For an import's progress: stops reading once past the limit. */
	public IntConsumer rowCounter() {
		return this::checkRows;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String type = request.getContentType();
		if (type != null && type.toLowerCase().contains("json") && request.getContentLengthLong() > maxJsonBytes) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			response.setContentType("application/problem+json");
			response.setCharacterEncoding("UTF-8");
			response.getWriter()
				.write("{\"type\":\"about:blank\",\"title\":\"Content too large\",\"status\":413,\"detail\":\"the JSON body has "
						+ request.getContentLengthLong() + " bytes, more than the " + maxJsonBytes
						+ " allowed (classifier.limits.max-json-size); nothing was stored\"}");
			return;
		}
		chain.doFilter(request, response);
	}

}
