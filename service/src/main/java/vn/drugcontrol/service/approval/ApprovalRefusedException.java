package vn.drugcontrol.service.approval;

import org.springframework.http.HttpStatus;

/**
 * A step the approval workflow does not allow now (409) or not by this person (403).
 */
public class ApprovalRefusedException extends RuntimeException {

	private final HttpStatus status;

	ApprovalRefusedException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	static ApprovalRefusedException conflict(String message) {
		return new ApprovalRefusedException(HttpStatus.CONFLICT, message);
	}

	public HttpStatus status() {
		return status;
	}

}
