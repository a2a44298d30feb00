package vn.drugcontrol.service.audit;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.service.system.ProblemType;
import vn.drugcontrol.service.system.Requester;

/**
 * The audit trail: its entries, the check of the whole chain (against the signed
 * checkpoints, or against an export of them held elsewhere), and the checkpoints. Reads
 * for every role; the writes ({@code POST}) fall under the administrators' rule of
 * {@code SecurityConfiguration}.
 */
@RestController
class AuditController {

	private final AuditTrail trail;

	private final AuditCheckpoints checkpoints;

	AuditController(AuditTrail trail, AuditCheckpoints checkpoints) {
		this.trail = trail;
		this.checkpoints = checkpoints;
	}

	@GetMapping("/api/v1/audit/entries")
	List<AuditTrail.Entry> entries(@RequestParam(defaultValue = "0") long after,
			@RequestParam(defaultValue = "100") int limit) {
		return trail.entries(after, Math.max(1, Math.min(limit, 1000)));
	}

	/**
	 * The chain and every stored checkpoint: 200 either way; {@code intact: false} names
	 * the first entry (and checkpoint) that fails.
	 */
	@GetMapping("/api/v1/audit/verification")
	AuditVerification verification() {
		return checkpoints.verify();
	}

	/**
	 * The chain against an export of the checkpoints
	 * ({@code GET /api/v1/audit/checkpoints}) kept outside the database: 200 either way.
	 */
	@PostMapping(path = "/api/v1/audit/verification", consumes = MediaType.APPLICATION_JSON_VALUE)
	AuditVerification verificationAgainst(@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
			description = "an export of GET /api/v1/audit/checkpoints (AuditExport), given back as it was kept",
			content = @Content(schema = @Schema(type = "object",
					description = "AuditExport, as GET /api/v1/audit/checkpoints gave it"))) @RequestBody JsonNode export) {
		return checkpoints.verify(export);
	}

	/** Every checkpoint with its signature, and the public keys that verify them. */
	@GetMapping("/api/v1/audit/checkpoints")
	AuditCheckpoints.Export export() {
		return checkpoints.export();
	}

	/**
	 * Signs a checkpoint of the chain's head now: 201, or 200 with the last one when the
	 * chain did not grow since; 409 when the chain does not verify (nothing signed).
	 */
	@PostMapping("/api/v1/audit/checkpoints")
	ResponseEntity<AuditCheckpoints.CheckpointView> sign(HttpServletRequest request) {
		AuditCheckpoints.Signed signed = checkpoints.sign(Requester.of(request));
		return ResponseEntity.status(signed.created() ? HttpStatus.CREATED : HttpStatus.OK)
			.body(AuditCheckpoints.CheckpointView.of(signed.checkpoint()));
	}

	@ExceptionHandler
	ProblemDetail notSigned(AuditCheckpoints.NotSignedException ex) {
		ProblemDetail problem = ProblemType.CHECKPOINT_NOT_SIGNED.problem(ex.getMessage());
		problem.setProperty("verification", ex.verification());
		return problem;
	}

}
