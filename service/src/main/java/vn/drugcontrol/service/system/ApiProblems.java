package vn.drugcontrol.service.system;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.InvalidDataAccessApiUsageException;
import org.springframework.dao.InvalidDataAccessResourceUsageException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.http.ProblemDetail;
import org.springframework.transaction.TransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.micrometer.core.instrument.MeterRegistry;
import vn.drugcontrol.rules.engine.InvalidFactsException;
import vn.drugcontrol.rules.engine.RuleSetCompilationException;
import vn.drugcontrol.rules.engine.RuleSetExecutionException;
import vn.drugcontrol.service.facts.FactsRejectedException;

/**
 * Every error of the API as an RFC 9457 problem detail, saying what was wrong and that
 * nothing was stored.
 */
@RestControllerAdvice
class ApiProblems extends ResponseEntityExceptionHandler {

	private static final Logger log = LoggerFactory.getLogger(ApiProblems.class);

	private final MeterRegistry meters;

	ApiProblems(MeterRegistry meters) {
		this.meters = meters;
	}

	@ExceptionHandler
	ProblemDetail factsRejected(FactsRejectedException ex) {
		meters.counter("classifier.import.rejections").increment();
		ProblemDetail problem = ProblemType.FACTS_REJECTED.problem(ex.problems().size() + " problem(s) in "
				+ ex.fileName() + "; the whole batch was rejected and nothing was stored");
		problem.setProperty("errors", ex.problems());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidFacts(InvalidFactsException ex) {
		meters.counter("classifier.import.rejections").increment();
		ProblemDetail problem = problem(ProblemType.FACTS_REJECTED, "Facts rejected",
				ex.violations().size() + " invalid fact(s); nothing was classified or stored");
		problem.setProperty("errors", ex.violations());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		return problem(ProblemType.NOT_FOUND, "Not found", ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail badArgument(IllegalArgumentException ex) {
		return problem(ProblemType.BAD_REQUEST, "Bad request", ex.getMessage());
	}

	/**
	 * Rules that gave a commune or province no class, or several, or looped: the rule
	 * set's fault, which the server cannot mend, so not a 5xx. Versions are probed for it
	 * before they validate (see ClassProbe).
	 */
	@ExceptionHandler
	ProblemDetail ruleSetFailed(RuleSetExecutionException ex) {
		log.warn("rule set cannot classify the facts: {}", ex.getMessage());
		return problem(ProblemType.RULE_SET_CANNOT_CLASSIFY, "Rule set cannot classify these facts",
				ex.getMessage() + "; nothing was stored");
	}

	/**
	 * Stored rules that no longer compile, or no longer pass the allow-list (a version
	 * kept before it whose text breaks it, or an engine that changed under them): never
	 * run, whoever asks; the version's state, not the request, is at fault.
	 */
	@ExceptionHandler
	ProblemDetail ruleSetRefused(RuleSetCompilationException ex) {
		log.warn("stored rules refused: {}", ex.getMessage());
		ProblemDetail problem = problem(ProblemType.RULE_SET_UNUSABLE, "Rule set version unusable",
				ex.getMessage() + "\nNothing of it was run; upload a corrected bundle.");
		problem.setProperty("errors", ex.errors());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail textTooLong(TextTooLongException ex) {
		ProblemDetail problem = problem(ProblemType.TEXT_TOO_LONG, "Text too long",
				ex.getMessage() + "; nothing was stored");
		problem.setProperty("field", ex.field());
		problem.setProperty("maxLength", ex.maxLength());
		return problem;
	}

	/**
	 * The database refused the data itself (too long, out of range, a duplicate key, a
	 * broken reference): the request's fault, not an outage, so a 4xx and no "retry".
	 */
	@ExceptionHandler
	ProblemDetail dataRefused(DataIntegrityViolationException ex) {
		log.warn("database refused the data of a request: {}", ex.getMostSpecificCause().getMessage());
		if (ex instanceof DuplicateKeyException) {
			return problem(ProblemType.ALREADY_EXISTS, "Conflict",
					"Something with the same key is stored already; nothing of this request was stored.");
		}
		return problem(ProblemType.DATA_REFUSED, "Data refused",
				"The database refused a value of the request (too long, out of range or inconsistent); "
						+ "nothing of it was stored.");
	}

	/**
	 * A query the database could not run as written (bad SQL grammar, an unknown table or
	 * column) or the data API misused: a bug of the service, not the database being
	 * unavailable, so not a 503 inviting a retry that will fail the same way. Logged with
	 * the SQL; the answer does not repeat it.
	 */
	@ExceptionHandler({ InvalidDataAccessResourceUsageException.class, InvalidDataAccessApiUsageException.class })
	ProblemDetail badQuery(DataAccessException ex) {
		log.error("the database refused a query of the service as written: a bug", ex);
		return problem(ProblemType.INTERNAL_ERROR, "Internal error",
				"The service sent the database a query it could not run (logged as a bug); nothing of it was stored.");
	}

	/**
	 * The database refused or lost the work. A transaction whose rollback failed too (its
	 * connection was gone: MariaDB Connector/J reports that, MySQL's driver does not) was
	 * rolled back by the server when the connection dropped.
	 */
	@ExceptionHandler({ DataAccessException.class, TransactionException.class })
	ProblemDetail database(RuntimeException ex) {
		log.error("database refused a write or read; the transaction was rolled back", ex);
		return problem(ProblemType.DATABASE_UNAVAILABLE, "Database unavailable",
				"The database refused or lost the operation; nothing of it was stored. Retry later.");
	}

	/**
	 * A body past {@code classifier.limits.max-json-size}, found while reading it (a
	 * chunked body declares no length): 413, not a parse error.
	 */
	@Override
	protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException ex,
			HttpHeaders headers, HttpStatusCode status, WebRequest request) {
		for (Throwable cause = ex; cause != null; cause = (cause.getCause() == cause) ? null : cause.getCause()) {
			if (cause instanceof RequestLimits.BodyTooLargeException tooLarge) {
				return handleExceptionInternal(ex, bodyTooLarge(tooLarge), headers, HttpStatus.CONTENT_TOO_LARGE,
						request);
			}
		}
		return super.handleHttpMessageNotReadable(ex, headers, status, request);
	}

	@ExceptionHandler
	ProblemDetail bodyTooLarge(RequestLimits.BodyTooLargeException ex) {
		return problem(ProblemType.TOO_LARGE, "Content too large", ex.getMessage());
	}

	/**
	 * The problems Spring answers by itself (unreadable JSON, a bad parameter, an unknown
	 * address, a method or media type not taken, a file past the upload limit) get the
	 * catalogue's type of their status instead of {@code about:blank}.
	 */
	@Override
	protected ResponseEntity<Object> handleExceptionInternal(Exception ex, Object body, HttpHeaders headers,
			HttpStatusCode statusCode, WebRequest request) {
		if (body instanceof ProblemDetail problem
				&& (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
			problem.setType(ProblemType.ofStatus(statusCode).uri());
		}
		return super.handleExceptionInternal(ex, body, headers, statusCode, request);
	}

	private static ProblemDetail problem(ProblemType type, String title, String detail) {
		ProblemDetail problem = type.problem(detail);
		problem.setTitle(title);
		return problem;
	}

}
