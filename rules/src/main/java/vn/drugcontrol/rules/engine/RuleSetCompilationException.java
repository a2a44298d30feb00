package vn.drugcontrol.rules.engine;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A rule set that does not compile, with every error found.
 */
public class RuleSetCompilationException extends RuntimeException {

	private final List<CompileError> errors;

	public RuleSetCompilationException(String ruleSet, List<CompileError> errors) {
		this(ruleSet, errors, null);
	}

	public RuleSetCompilationException(String ruleSet, List<CompileError> errors, Throwable cause) {
		super("rule set '" + ruleSet + "' does not compile:\n"
				+ errors.stream().map(CompileError::toString).collect(Collectors.joining("\n")), cause);
		this.errors = List.copyOf(errors);
	}

	public List<CompileError> errors() {
		return errors;
	}

}
