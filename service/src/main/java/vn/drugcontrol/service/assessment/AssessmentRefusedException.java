package vn.drugcontrol.service.assessment;

/**
 * A step the self-assessment's status does not allow now (409): e.g. submitting what was
 * accepted already, returning a draft, starting a run with no accepted submission.
 */
public class AssessmentRefusedException extends RuntimeException {

	/** The console's message key for it. */
	private final String messageKey;

	AssessmentRefusedException(String messageKey, String message) {
		super(message);
		this.messageKey = messageKey;
	}

	public String messageKey() {
		return messageKey;
	}

}
