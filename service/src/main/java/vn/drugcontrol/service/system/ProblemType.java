package vn.drugcontrol.service.system;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;

/**
 * The catalogue of the API's problem types (RFC 9457 {@code type}): one stable URI per
 * kind of problem, so a client tells them apart without reading titles. Declared once
 * here and listed in {@code docs/api.md}; every problem advice takes its type from it.
 * The URIs are {@code tag:} URIs (RFC 4151): identifiers, not addresses.
 */
public enum ProblemType {

	/**
	 * A batch of commune facts that fails validation: every problem by row and column.
	 */
	FACTS_REJECTED("facts-rejected", HttpStatus.UNPROCESSABLE_CONTENT, "Facts rejected"),

	/** An uploaded rule-set bundle that does not compile or is not allowed. */
	RULE_SET_REJECTED("rule-set-rejected", HttpStatus.UNPROCESSABLE_CONTENT, "Rule set rejected"),

	/**
	 * A version whose scenarios fail, miss a class or cannot classify a probe commune.
	 */
	RULE_SET_NOT_VALIDATED("rule-set-not-validated", HttpStatus.UNPROCESSABLE_CONTENT,
			"Rule set version not validated"),

	/** Rules that gave a commune or province no class, or several, or ran away. */
	RULE_SET_CANNOT_CLASSIFY("rule-set-cannot-classify", HttpStatus.UNPROCESSABLE_CONTENT,
			"Rule set cannot classify these facts"),

	/**
	 * A version that cannot be used as asked (rejected, not active, no longer compiling).
	 */
	RULE_SET_UNUSABLE("rule-set-unusable", HttpStatus.CONFLICT, "Rule set version unusable"),

	/**
	 * A version whose rules break monotonicity (more drugs, a better class), activated
	 * without an analyst's audited override.
	 */
	RULE_SET_NOT_MONOTONE("rule-set-not-monotone", HttpStatus.CONFLICT, "Rule set version not monotone"),

	/** A rule set named that does not exist. */
	UNKNOWN_RULE_SET("unknown-rule-set", HttpStatus.BAD_REQUEST, "Unknown rule set"),

	/** A malformed request: unreadable JSON, a bad parameter, a missing part. */
	BAD_REQUEST("bad-request", HttpStatus.BAD_REQUEST, "Bad request"),

	/** A value longer than its column allows. */
	TEXT_TOO_LONG("text-too-long", HttpStatus.UNPROCESSABLE_CONTENT, "Text too long"),

	/** A value the database refused (out of range, inconsistent). */
	DATA_REFUSED("data-refused", HttpStatus.UNPROCESSABLE_CONTENT, "Data refused"),

	/** Nobody signed in, or the credentials are wrong. */
	UNAUTHORIZED("unauthorized", HttpStatus.UNAUTHORIZED, "Unauthorized"),

	/** The caller's roles do not allow this (including approving one's own run). */
	FORBIDDEN("forbidden", HttpStatus.FORBIDDEN, "Forbidden"),

	/** Another province's data, or every province's, asked for by a provincial user. */
	FORBIDDEN_PROVINCE("forbidden-province", HttpStatus.FORBIDDEN, "Forbidden"),

	/** Nothing stored under that id or code. */
	NOT_FOUND("not-found", HttpStatus.NOT_FOUND, "Not found"),

	/** An HTTP method the address does not take. */
	METHOD_NOT_ALLOWED("method-not-allowed", HttpStatus.METHOD_NOT_ALLOWED, "Method not allowed"),

	/** An {@code Accept} header the address cannot answer. */
	NOT_ACCEPTABLE("not-acceptable", HttpStatus.NOT_ACCEPTABLE, "Not acceptable"),

	/** A {@code Content-Type} the address does not read. */
	UNSUPPORTED_MEDIA_TYPE("unsupported-media-type", HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type"),

	/**
	 * A change not allowed in the current state (submitting twice, approving a draft, …).
	 */
	STATE_CONFLICT("state-conflict", HttpStatus.CONFLICT, "Not allowed in this state"),

	/** Something with the same key is stored already. */
	ALREADY_EXISTS("already-exists", HttpStatus.CONFLICT, "Already exists"),

	/** No audit checkpoint could be signed (the chain does not verify, or no key). */
	CHECKPOINT_NOT_SIGNED("checkpoint-not-signed", HttpStatus.CONFLICT, "No checkpoint signed"),

	/** A body, file or bundle larger than the limits allow. */
	TOO_LARGE("too-large", HttpStatus.CONTENT_TOO_LARGE, "Content too large"),

	/** Too many failed sign-ins: retry after the {@code Retry-After} seconds. */
	TOO_MANY_REQUESTS("too-many-requests", HttpStatus.TOO_MANY_REQUESTS, "Too many requests"),

	/** A bug of the service (logged). */
	INTERNAL_ERROR("internal-error", HttpStatus.INTERNAL_SERVER_ERROR, "Internal error"),

	/** The database refused or lost the operation: retry later. */
	DATABASE_UNAVAILABLE("database-unavailable", HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable");

	/** The prefix of every type URI. */
	public static final String BASE = "tag:classifier.drugcontrol.vn,2025:problems/";

	private final String slug;

	private final HttpStatus status;

	private final String title;

	ProblemType(String slug, HttpStatus status, String title) {
		this.slug = slug;
		this.status = status;
		this.title = title;
	}

	/** The stable {@code type} URI. */
	public URI uri() {
		return URI.create(BASE + slug);
	}

	public String slug() {
		return slug;
	}

	public HttpStatus status() {
		return status;
	}

	/** The usual title; a problem may carry a more precise one. */
	public String title() {
		return title;
	}

	/** A problem of this type with its status, usual title and the detail given. */
	public ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(uri());
		problem.setTitle(title);
		return problem;
	}

	/**
	 * The type of a problem Spring answered by itself (a bad parameter, an unknown
	 * address, an unsupported method or media type, …), from its status.
	 */
	public static ProblemType ofStatus(HttpStatusCode status) {
		return switch (status.value()) {
			case 401 -> UNAUTHORIZED;
			case 403 -> FORBIDDEN;
			case 404 -> NOT_FOUND;
			case 405 -> METHOD_NOT_ALLOWED;
			case 406 -> NOT_ACCEPTABLE;
			case 409 -> STATE_CONFLICT;
			case 413 -> TOO_LARGE;
			case 415 -> UNSUPPORTED_MEDIA_TYPE;
			case 422 -> FACTS_REJECTED;
			case 429 -> TOO_MANY_REQUESTS;
			case 503 -> DATABASE_UNAVAILABLE;
			default -> status.is4xxClientError() ? BAD_REQUEST : INTERNAL_ERROR;
		};
	}

}
