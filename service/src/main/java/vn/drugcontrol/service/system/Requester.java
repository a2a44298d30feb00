package vn.drugcontrol.service.system;

import jakarta.servlet.http.HttpServletRequest;

/**
 * Who is asking, for the audit trail. Until access control lands this is the
 * authenticated principal if any, else the {@code X-User} header, else {@code anonymous}.
 */
public final class Requester {

	private Requester() {
	}

	public static String of(HttpServletRequest request) {
		if (request.getUserPrincipal() != null) {
			return request.getUserPrincipal().getName();
		}
		String header = request.getHeader("X-User");
		if (header != null && !header.isBlank()) {
			String name = header.strip();
			return name.length() > 128 ? name.substring(0, 128) : name;
		}
		return "anonymous";
	}

}
