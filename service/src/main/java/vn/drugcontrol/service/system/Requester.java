package vn.drugcontrol.service.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is asking, for runs and the audit trail: always the authenticated principal, never
 * a request field or header (anyone could write another's name there), else
 * {@code anonymous}.
 */
public final class Requester {

	private Requester() {
	}

	public static String of(HttpServletRequest request) {
		if (request.getUserPrincipal() != null) {
			return request.getUserPrincipal().getName();
		}
		return "anonymous";
	}

}
