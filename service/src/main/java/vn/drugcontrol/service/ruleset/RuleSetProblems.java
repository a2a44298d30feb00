package vn.drugcontrol.service.ruleset;

import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.NotMonotoneException;
import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.BundleRejectedException;
import vn.drugcontrol.service.system.ProblemType;
import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.ScenariosFailedException;
import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.VersionStateException;

/**
 * The problems of rule sets and their versions as RFC 9457 problem details: a name no
 * rule set has, compile errors with file and line, failing scenario rows, versions that
 * cannot be used as asked. Only for the API's controllers: the console shows its own
 * pages ({@code web.ConsoleAdvice}).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class RuleSetProblems {

	@ExceptionHandler
	ProblemDetail rejected(BundleRejectedException ex) {
		ProblemDetail problem = ProblemType.RULE_SET_REJECTED.problem(ex.getMessage());
		problem.setProperty("errors", ex.errors());
		problem.setProperty("version", RuleSetVersionView.of(ex.version(), null));
		return problem;
	}

	@ExceptionHandler
	ProblemDetail tooLarge(BundleTooLargeException ex) {
		ProblemDetail problem = ProblemType.TOO_LARGE.problem(ex.getMessage());
		problem.setTitle("Rule set bundle too large");
		problem.setProperty("entry", ex.entry());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail scenariosFailed(ScenariosFailedException ex) {
		ProblemDetail problem = ProblemType.RULE_SET_NOT_VALIDATED.problem(ex.getMessage());
		problem.setProperty("failures", ex.report().failures());
		problem.setProperty("scenarios", ex.report());
		return problem;
	}

	@ExceptionHandler
	ProblemDetail unknown(UnknownRuleSetException ex) {
		return ProblemType.UNKNOWN_RULE_SET.problem(ex.getMessage());
	}

	@ExceptionHandler
	ProblemDetail notMonotone(NotMonotoneException ex) {
		ProblemDetail problem = ProblemType.RULE_SET_NOT_MONOTONE.problem(ex.getMessage());
		problem.setProperty("proof", ex.proof());
		problem.setProperty("counterexamples", "/api/v1/rule-sets/" + ex.proof().versionId() + "/proof");
		return problem;
	}

	@ExceptionHandler
	ProblemDetail state(VersionStateException ex) {
		ProblemDetail problem = ProblemType.RULE_SET_UNUSABLE.problem(ex.getMessage());
		return problem;
	}

}
