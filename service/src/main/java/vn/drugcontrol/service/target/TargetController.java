package vn.drugcontrol.service.target;

import java.math.BigDecimal;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;

import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.media.Schema.RequiredMode;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.system.NotFoundException;
import vn.drugcontrol.service.system.Requester;
import vn.drugcontrol.service.system.TextTooLongException;
import vn.drugcontrol.service.target.ProgressReadings.Progress;
import vn.drugcontrol.service.target.Targets.Target;

/**
 * Drug-free targets (list, set one) and a province's progress towards them.
 */
@RestController
@RequestMapping("/api/v1")
class TargetController {

	private final Targets targets;

	private final ProgressReadings progress;

	private final AdminUnits units;

	TargetController(Targets targets, ProgressReadings progress, AdminUnits units) {
		this.targets = targets;
		this.progress = progress;
		this.units = units;
	}

	@Schema(description = "A drug-free target: the share of the scope's commune-level units drug-free by the year's end.")
	record SetTarget(
			@Schema(description = "percent of commune-level units, an exact decimal", example = "40",
					requiredMode = RequiredMode.REQUIRED, minimum = "0", maximum = "100") BigDecimal drugFreePercent,
			@Schema(description = "where the target comes from; left out: who set it",
					example = "Kế hoạch tỉnh Cao Bằng", maxLength = 200) String source) {
	}

	@GetMapping("/targets")
	List<Target> list(@RequestParam(required = false) String scope) {
		return targets.list(scope);
	}

	@PutMapping("/targets/{scope}/{year}")
	Target set(@PathVariable String scope, @PathVariable int year, @RequestBody SetTarget body,
			HttpServletRequest request) {
		// the column (V3) holds 255 characters, with " (set by <user>)" added
		TextTooLongException.check("source", body.source(), 200);
		String source = (body.source() == null || body.source().isBlank()) ? "set by " + Requester.of(request)
				: body.source().strip() + " (set by " + Requester.of(request) + ")";
		return targets.set(scope, year, body.drugFreePercent(),
				source.length() > 255 ? source.substring(0, 255) : source, Requester.of(request));
	}

	@GetMapping("/provinces/{code}/progress")
	Progress progress(@PathVariable String code, @RequestParam(required = false) String ruleSet) {
		units.provinceName(code).orElseThrow(() -> new NotFoundException("no province " + code));
		return progress.of(code, ruleSet);
	}

}
