package vn.drugcontrol.service.security;

import org.springframework.security.access.AccessDeniedException;

/**
 * Another province's data, or every province's, asked for by a provincial user: a 403 of
 * its own problem type ({@code forbidden-province}), apart from roles that do not allow a
 * call.
 */
class ProvinceForbiddenException extends AccessDeniedException {

	ProvinceForbiddenException(String message) {
		super(message);
	}

}
