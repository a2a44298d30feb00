package vn.drugcontrol.service.audit;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail, read-only: its entries, and the check of the whole chain.
 */
@RestController
class AuditController {

	private final AuditTrail trail;

	AuditController(AuditTrail trail) {
		this.trail = trail;
	}

	@GetMapping("/api/v1/audit/entries")
	List<AuditTrail.Entry> entries(@RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "100") int limit) {
		return trail.entries(after, Math.max(1, Math.min(limit, 1000)));
	}

	/** 200 either way; {@code intact: false} names the first entry that fails. */
	@GetMapping("/api/v1/audit/verification")
	AuditVerification verification() {
		return trail.verify();
	}

}
