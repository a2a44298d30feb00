package vn.drugcontrol.service.system;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.function.IntConsumer;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.server.ResponseStatusException;

/**
 * Limits against oversized input: request bodies other than uploads
 * ({@code classifier.limits.max-json-size}, 413: before anything is read when the
 * {@code Content-Length} says so, else as soon as that many bytes were read, whatever the
 * transfer encoding, e.g. chunked; uploads are limited by
 * {@code spring.servlet.multipart.max-file-size}) and communes per batch
 * ({@code classifier.limits.max-rows}, 422, counted as the rows are read).
 */
@Component
public class RequestLimits extends OncePerRequestFilter {

	private final long maxJsonBytes;

	private final int maxRows;

	RequestLimits(LimitsProperties limits) {
		this.maxJsonBytes = limits.maxJsonSize().toBytes();
		this.maxRows = limits.maxRows();
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

	/** For an import's progress: stops reading a file once past the limit, naming it. */
	public IntConsumer rowCounter(String fileName) {
		return rows -> {
			if (rows > maxRows) {
				throw new ResponseStatusException(HttpStatus.UNPROCESSABLE_CONTENT, fileName + ": more than " + maxRows
						+ " communes in one batch (classifier.limits.max-rows); reading stopped and nothing was stored");
			}
		};
	}

	/** The most rows of one batch. */
	public int maxRows() {
		return maxRows;
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
				.write("{\"type\":\"" + ProblemType.TOO_LARGE.uri()
						+ "\",\"title\":\"Content too large\",\"status\":413,\"detail\":\"the JSON body has "
						+ request.getContentLengthLong() + " bytes, more than the " + maxJsonBytes
						+ " allowed (classifier.limits.max-json-size); nothing was stored\"}");
			return;
		}
		if (type != null && type.toLowerCase().startsWith("multipart/")) {
			// spring.servlet.multipart.* count what is read
			chain.doFilter(request, response);
			return;
		}
		chain.doFilter(new BoundedRequest(request, maxJsonBytes), response);
	}

	/** Past {@code classifier.limits.max-json-size}: answered with 413 (ApiProblems). */
	public static final class BodyTooLargeException extends IOException {

		private final long limit;

		BodyTooLargeException(long limit) {
			super("the request body is larger than the " + limit
					+ " bytes allowed (classifier.limits.max-json-size); nothing was stored");
			this.limit = limit;
		}

		public long limit() {
			return limit;
		}

	}

	/** A request whose body fails once more than the limit was read from it. */
	private static final class BoundedRequest extends HttpServletRequestWrapper {

		private final long limit;

		private ServletInputStream stream;

		private BufferedReader reader;

		BoundedRequest(HttpServletRequest request, long limit) {
			super(request);
			this.limit = limit;
		}

		@Override
		public ServletInputStream getInputStream() throws IOException {
			if (stream == null) {
				stream = new BoundedInputStream(super.getInputStream(), limit);
			}
			return stream;
		}

		@Override
		public BufferedReader getReader() throws IOException {
			if (reader == null) {
				String encoding = getCharacterEncoding();
				reader = new BufferedReader(new InputStreamReader(getInputStream(),
						encoding != null ? Charset.forName(encoding) : StandardCharsets.UTF_8));
			}
			return reader;
		}

	}

	/** Counts the bytes actually read. */
	private static final class BoundedInputStream extends ServletInputStream {

		private final ServletInputStream in;

		private final long limit;

		private long read;

		BoundedInputStream(ServletInputStream in, long limit) {
			this.in = in;
			this.limit = limit;
		}

		@Override
		public int read() throws IOException {
			int b = in.read();
			if (b >= 0) {
				counted(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int offset, int length) throws IOException {
			int n = in.read(buffer, offset, length);
			if (n > 0) {
				counted(n);
			}
			return n;
		}

		private void counted(int n) throws BodyTooLargeException {
			read += n;
			if (read > limit) {
				throw new BodyTooLargeException(limit);
			}
		}

		@Override
		public boolean isFinished() {
			return in.isFinished();
		}

		@Override
		public boolean isReady() {
			return in.isReady();
		}

		@Override
		public void setReadListener(ReadListener listener) {
			in.setReadListener(listener);
		}

	}

}
