package vn.drugcontrol.service.system;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DataAccessException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;

import io.micrometer.core.instrument.MeterRegistry;
import vn.drugcontrol.rules.engine.InvalidFactsException;
import vn.drugcontrol.rules.engine.RuleSetExecutionException;
import vn.drugcontrol.service.facts.FactsRejectedException;
import vn.drugcontrol.service.ruleset.UnknownRuleSetException;

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
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, ex.problems().size()
				+ " problem(s) in " + ex.fileName() + "; the whole batch was rejected and nothing was stored");
		problem.setTitle("Facts rejected");
		problem.setProperty("errors", ex.problems());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail invalidFacts(InvalidFactsException ex) {
		meters.counter("classifier.import.rejections").increment();
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				ex.violations().size() + " invalid fact(s); nothing was classified or stored");
		problem.setTitle("Facts rejected");
		problem.setProperty("errors", ex.violations());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unknownRuleSet(UnknownRuleSetException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Unknown rule set");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail notFound(NotFoundException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, ex.getMessage());
		problem.setTitle("Not found");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail badArgument(IllegalArgumentException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, ex.getMessage());
		problem.setTitle("Bad request");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail ruleSetFailed(RuleSetExecutionException ex) {
		log.error("rule set failed", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
				ex.getMessage() + "; nothing was stored");
		problem.setTitle("Rule set failed");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail database(DataAccessException ex) {
		log.error("database refused a write or read; the transaction was rolled back", ex);
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The database refused or lost the operation; nothing of it was stored. Retry later.");
		problem.setTitle("Database unavailable");
		problem.setProperty("errors", List.of());
		return problem;
	}

}
