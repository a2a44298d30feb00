package vn.drugcontrol.service.ministry;

import org.springframework.http.HttpStatus;

/** A step of the report to the Ministry that the state does not allow now (409). */
public class MinistryRefusedException extends RuntimeException {

	private final HttpStatus status;

	MinistryRefusedException(HttpStatus status, String message) {
		super(message);
		this.status = status;
	}

	static MinistryRefusedException conflict(String message) {
		return new MinistryRefusedException(HttpStatus.CONFLICT, message);
	}

	public HttpStatus status() {
		return status;
	}

}
