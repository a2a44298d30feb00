package vn.drugcontrol.service.ministry;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.service.approval.ApprovalEvents;
import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.approval.ApprovedClasses.ApprovedCommune;

/**
 * What other systems (budgets, statistics) read, all national: every approved class of a
 * period in pages with an {@code ETag} (304 on {@code If-None-Match}) and a {@code since}
 * cursor; the Project 4 funding-priority list; and the feed of approval events. The
 * approved class is {@link ApprovedClasses}' — the one definition.
 */
@RestController
class OtherSystemsController {

	static final int MAX_PAGE = 1000;

	private final ApprovedClasses approved;

	private final ApprovalEvents events;

	private final FundingPriority funding;

	OtherSystemsController(ApprovedClasses approved, ApprovalEvents events, FundingPriority funding) {
		this.approved = approved;
		this.events = events;
		this.funding = funding;
	}

	/** An approved class with the number of the approval that made it. */
	record Item(String communeCode, String communeName, String provinceCode, int period, String approvedClass,
			String recommendedClass, boolean overridden, String overrideReason, boolean onIntraProvincialRoute,
			boolean onInterProvincialRoute, long runId, long decisionId, String approvalDecisionNumber,
			java.time.LocalDate approvalDecisionDate, long changeId) {

		static Item of(ApprovedCommune c, long changeId) {
			return new Item(c.communeCode(), c.communeName(), c.provinceCode(), c.period(), c.approvedClass().name(),
					c.recommendedClass().name(), c.overridden(), c.overrideReason(), c.onIntraProvincialRoute(),
					c.onInterProvincialRoute(), c.runId(), c.decisionId(), c.approvalDecisionNumber(),
					c.approvalDecisionDate(), changeId);
		}

	}

	record Page(int period, long since, long cursor, int page, int size, long totalItems, long totalPages,
			List<Item> items, Map<String, String> links) {
	}

	/**
	 * A period's approved classes. The list changes only when a run of the period is
	 * approved (approved runs are read-only), so the {@code ETag} is the period's last
	 * such approval event with the query: a client's {@code If-None-Match} is answered
	 * {@code 304} without reading the list.
	 */
	@GetMapping("/api/v1/approved-classes")
	ResponseEntity<Page> approvedClasses(@RequestParam int period, @RequestParam(defaultValue = "0") long since,
			@RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "500") int size,
			@RequestHeader(name = HttpHeaders.IF_NONE_MATCH, required = false) String ifNoneMatch) {
		if (since < 0 || page < 0 || size < 1 || size > MAX_PAGE) {
			throw new IllegalArgumentException("since and page must be ≥ 0 and size from 1 to " + MAX_PAGE
					+ ", got since=" + since + ", page=" + page + ", size=" + size);
		}
		long cursor = Math.max(since, events.lastRunApproval(period));
		String etag = "\"approved-" + period + "-" + since + "-" + page + "-" + size + "-" + cursor + "\"";
		if (ifNoneMatch != null && matches(ifNoneMatch, etag)) {
			return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
				.eTag(etag)
				.cacheControl(CacheControl.noCache())
				.build();
		}
		// counted only when the list is sent: a 304 reads no list
		long total = approved.countOfPeriod(period, since);
		List<Item> items = approved.ofPeriod(period, since, (long) page * size, size)
			.stream()
			.map(c -> Item.of(c.commune(), c.changeId()))
			.toList();
		long pages = (total + size - 1) / size;
		Map<String, String> links = new LinkedHashMap<>();
		String base = "/api/v1/approved-classes?period=" + period;
		if (page + 1 < pages) {
			links.put("next", base + "&since=" + since + "&page=" + (page + 1) + "&size=" + size);
		}
		links.put("changes", base + "&since=" + cursor + "&size=" + size);
		return ResponseEntity.ok()
			.eTag(etag)
			.cacheControl(CacheControl.noCache())
			.body(new Page(period, since, cursor, page, size, total, pages, items, links));
	}

	@GetMapping("/api/v1/funding-priority")
	FundingPriority.Listing fundingPriority(@RequestParam int period) {
		return funding.of(period);
	}

	record Feed(long after, long cursor, boolean more, List<ApprovalEvents.Event> events, String next) {
	}

	/**
	 * Approval events after a cursor, oldest first; poll again with {@code after=cursor}.
	 */
	@GetMapping("/api/v1/approval-events")
	Feed approvalEvents(@RequestParam(defaultValue = "0") long after, @RequestParam(defaultValue = "100") int limit) {
		if (after < 0 || limit < 1 || limit > MAX_PAGE) {
			throw new IllegalArgumentException(
					"after must be ≥ 0 and limit from 1 to " + MAX_PAGE + ", got after=" + after + ", limit=" + limit);
		}
		List<ApprovalEvents.Event> list = events.after(after, limit + 1);
		boolean more = list.size() > limit;
		List<ApprovalEvents.Event> page = more ? list.subList(0, limit) : list;
		long cursor = page.isEmpty() ? after : page.get(page.size() - 1).id();
		return new Feed(after, cursor, more, page, "/api/v1/approval-events?after=" + cursor + "&limit=" + limit);
	}

	private static boolean matches(String ifNoneMatch, String etag) {
		for (String candidate : ifNoneMatch.split(",")) {
			String c = candidate.strip();
			if (c.equals("*") || c.equals(etag) || c.equals("W/" + etag)) {
				return true;
			}
		}
		return false;
	}

}
