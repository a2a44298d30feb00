package vn.drugcontrol.service.replay;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.service.audit.AuditTrail;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue;
import vn.drugcontrol.service.ruleset.RuleSetVersions;
import vn.drugcontrol.service.system.Requester;

/**
 * Replays stored facts, storing nothing: a candidate version's simulation over a run (or
 * a province's latest run for a period), why a commune's class changed between periods,
 * whether a decision reproduces.
 */
@RestController
class ReplayController {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	private final Simulation simulation;

	private final ChangeExplanation explanation;

	private final Reproduction reproduction;

	private final RuleSetVersions versions;

	private final RuleSetCatalogue catalogue;

	private final AuditTrail audit;

	private final ExactGaps exactGaps;

	ReplayController(Simulation simulation, ChangeExplanation explanation, Reproduction reproduction,
			RuleSetVersions versions, RuleSetCatalogue catalogue, AuditTrail audit, ExactGaps exactGaps) {
		this.exactGaps = exactGaps;
		this.audit = audit;
		this.simulation = simulation;
		this.explanation = explanation;
		this.reproduction = reproduction;
		this.versions = versions;
		this.catalogue = catalogue;
	}

	/**
	 * Simulates version {@code id} over run {@code run}, or over the latest run of
	 * {@code province} for {@code period}; {@code format=xlsx} for a workbook (the
	 * console's download too), which is an {@code EXPORT} entry of the audit trail.
	 */
	@GetMapping("/api/v1/rule-sets/{id}/simulation")
	Simulation.Result simulate(@PathVariable long id, @RequestParam(required = false) Long run,
			@RequestParam(required = false) String province, @RequestParam(required = false) Integer period,
			@RequestParam(defaultValue = "json") String format, HttpServletRequest request,
			HttpServletResponse response) throws IOException {
		if (run == null && (province == null || period == null)) {
			throw new IllegalArgumentException(
					"give a run (run=12) or a province and period (province=04&period=2025)");
		}
		long runId = run != null ? run : simulation.latestRun(province, period);
		Simulation.Result result = simulation.ofRun(runId, catalogue.pin(versions.find(id)));
		switch (format.toLowerCase()) {
			case "json" -> {
				return result;
			}
			case "xlsx" -> {
				Map<String, Object> details = new LinkedHashMap<>();
				details.put("kind", "simulation");
				details.put("format", "xlsx");
				details.put("version", id);
				details.put("run", runId);
				details.put("province", result.provinceCode());
				details.put("period", result.period());
				audit.record(Requester.of(request), AuditTrail.Action.EXPORT, "rule-set/" + id, details);
				response.setContentType(XLSX);
				response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
						ContentDisposition.attachment()
							.filename("simulation-version-" + id + "-run-" + runId + ".xlsx")
							.build()
							.toString());
				SimulationXlsx.write(result, response.getOutputStream());
				return null;
			}
			default -> throw new IllegalArgumentException("format must be json or xlsx, got '" + format + "'");
		}
	}

	/**
	 * Why commune {@code code}'s class differs between periods {@code from} and
	 * {@code to}.
	 */
	@GetMapping("/api/v1/communes/{code}/changes")
	ChangeExplanation.Explanation why(@PathVariable String code, @RequestParam int from, @RequestParam int to) {
		return explanation.explain(code, from, to);
	}

	/** Re-evaluates a stored decision with its pinned rules and facts snapshot. */
	@GetMapping("/api/v1/decisions/{id}/reproduction")
	Reproduction.Result reproduce(@PathVariable long id) {
		return reproduction.of(id);
	}

	/**
	 * What would it take, exactly: the fewest changes of the decision's facts that give a
	 * better class, and drug-free, searched with its run's rules and confirmed by them.
	 */
	@GetMapping("/api/v1/decisions/{id}/what-would-it-take")
	ExactGaps.Result whatWouldItTake(@PathVariable long id) {
		return exactGaps.of(id);
	}

}
