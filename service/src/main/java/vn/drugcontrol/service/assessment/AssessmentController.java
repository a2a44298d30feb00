package vn.drugcontrol.service.assessment;

import vn.drugcontrol.service.facts.CommuneFactsInput;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.service.assessment.Assessments.Assessment;
import vn.drugcontrol.service.assessment.Assessments.Board;
import vn.drugcontrol.service.assessment.Assessments.Checked;
import vn.drugcontrol.service.facts.ImportProblem;
import vn.drugcontrol.service.run.Decision;
import vn.drugcontrol.service.run.RunService.Started;
import vn.drugcontrol.service.system.Requester;

/**
 * The API of self-assessments and their consolidation, mirroring the console: the same
 * service ({@link Assessments}), which decides who may do what.
 */
@RestController
class AssessmentController {

	private final Assessments assessments;

	AssessmentController(Assessments assessments) {
		this.assessments = assessments;
	}

	/**
	 * An assessment with its check: the problems by field, or the provisional class with
	 * its evidence and what would it take.
	 */
	record AssessmentView(Assessment assessment, List<ImportProblem> problems, Provisional provisional) {

		static AssessmentView of(Assessment assessment, Checked checked) {
			Decision d = checked.provisional();
			return new AssessmentView(assessment, checked.problems(), (d == null) ? null
					: new Provisional(d.classification().name(), d.decidedBy(), d.evidence(), d.warnings(), d.gaps()));
		}

	}

	record Provisional(String classification, String decidedBy, List<Decision.EvidenceRow> evidence,
			List<Decision.WarningRow> warnings, List<Decision.GapRow> gaps) {
	}

	@Schema(description = "Why the self-assessment goes back to the commune.")
	record ReturnRequest(@Schema(description = "the reason, for the commune", requiredMode = RequiredMode.REQUIRED,
			minLength = 1, maxLength = 1000) String reason) {
	}

	@Schema(description = "A province officer's correction of one figure of a self-assessment.")
	record CorrectionRequest(
			@Schema(description = "the facts column corrected", example = "managed_users",
					requiredMode = RequiredMode.REQUIRED, maxLength = 64, pattern = "^[a-z_]{1,64}$") String field,
			@Schema(description = "the new value", example = "42", requiredMode = RequiredMode.REQUIRED,
					maxLength = 32) String value,
			@Schema(description = "why it is corrected", requiredMode = RequiredMode.REQUIRED, minLength = 1,
					maxLength = 1000) String reason) {
	}

	@GetMapping("/api/v1/communes/{code}/assessments/{period}")
	AssessmentView assessment(@PathVariable String code, @PathVariable int period) {
		return view(assessments.of(code, period));
	}

	/**
	 * Saves a draft: {@code {"population": "5230", "managedUsers": 12, …}} (the facts
	 * contract's JSON fields a commune enters; numbers or text).
	 */
	@PutMapping(path = "/api/v1/communes/{code}/assessments/{period}", consumes = MediaType.APPLICATION_JSON_VALUE)
	AssessmentView saveDraft(@PathVariable String code, @PathVariable int period,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(required = true,
					description = "the facts contract's fields the commune has entered so far (a draft may leave some out)",
					content = @Content(
							schema = @Schema(implementation = CommuneFactsInput.class))) @RequestBody JsonNode body,
			HttpServletRequest request) {
		if (body == null || !body.isObject()) {
			throw new IllegalArgumentException("the body must be an object of the facts contract's fields");
		}
		Map<String, String> values = new LinkedHashMap<>();
		body.properties().forEach(e -> {
			JsonNode v = e.getValue();
			if (v.isObject() || v.isArray()) {
				throw new IllegalArgumentException(e.getKey() + " must be a single value");
			}
			values.put(e.getKey(), v.isNull() ? "" : (v.isNumber() ? v.decimalValue().toPlainString() : v.asString()));
		});
		return view(assessments.saveDraft(code, period, values, Requester.of(request)));
	}

	@PostMapping("/api/v1/communes/{code}/assessments/{period}/submission")
	AssessmentView submit(@PathVariable String code, @PathVariable int period, HttpServletRequest request) {
		return view(assessments.submit(code, period, Requester.of(request)));
	}

	@PostMapping("/api/v1/communes/{code}/assessments/{period}/return")
	AssessmentView returnIt(@PathVariable String code, @PathVariable int period, @RequestBody ReturnRequest body,
			HttpServletRequest request) {
		return view(assessments.returnToCommune(code, period, body.reason(), Requester.of(request)));
	}

	@PostMapping("/api/v1/communes/{code}/assessments/{period}/acceptance")
	AssessmentView accept(@PathVariable String code, @PathVariable int period, HttpServletRequest request) {
		return view(assessments.accept(code, period, Requester.of(request)));
	}

	@PostMapping("/api/v1/communes/{code}/assessments/{period}/corrections")
	AssessmentView correct(@PathVariable String code, @PathVariable int period, @RequestBody CorrectionRequest body,
			HttpServletRequest request) {
		return view(
				assessments.correct(code, period, body.field(), body.value(), body.reason(), Requester.of(request)));
	}

	@GetMapping("/api/v1/provinces/{code}/assessments")
	Board board(@PathVariable String code, @RequestParam int period) {
		return assessments.board(code, period);
	}

	/**
	 * Starts the province's run from the accepted submissions: 201 and the run's link.
	 */
	@PostMapping("/api/v1/provinces/{code}/assessments/{period}/run")
	ResponseEntity<Map<String, Object>> startRun(@PathVariable String code, @PathVariable int period,
			HttpServletRequest request) {
		Started started = assessments.startRun(code, period, Requester.of(request));
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("runId", started.run().id());
		body.put("created", started.created());
		body.put("communeCount", started.run().communeCount());
		URI location = URI.create("/api/v1/runs/" + started.run().id());
		return started.created() ? ResponseEntity.created(location).body(body)
				: ResponseEntity.ok().location(location).body(body);
	}

	@ExceptionHandler
	ProblemDetail refused(AssessmentRefusedException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				ex.getMessage() + "; nothing was changed");
		problem.setTitle("Not allowed now");
		return problem;
	}

	private AssessmentView view(Assessment a) {
		return AssessmentView.of(a, assessments.check(a.communeCode(), a.period()));
	}

}
