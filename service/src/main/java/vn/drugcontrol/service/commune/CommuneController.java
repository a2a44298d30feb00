package vn.drugcontrol.service.commune;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.service.facts.AdminUnit;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.run.RunQueries;
import vn.drugcontrol.service.run.RunQueries.CommuneClassification;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * A commune's classifications across periods, for other systems (e.g. budget allocation:
 * "what is commune X's class for year Y, and is it on a key route?").
 */
@RestController
class CommuneController {

	private final RunQueries queries;

	private final AdminUnits units;

	CommuneController(RunQueries queries, AdminUnits units) {
		this.queries = queries;
		this.units = units;
	}

	record CommuneHistory(String communeCode, String communeName, String unitType, String provinceCode,
			String provinceName, List<CommuneClassification> classifications) {
	}

	@GetMapping("/api/v1/communes/{code}/classifications")
	CommuneHistory classifications(@PathVariable String code, @RequestParam(required = false) Integer period) {
		AdminUnit unit = units.find(code)
			.orElseThrow(() -> new NotFoundException("no commune-level unit " + code + " in the 2025 list"));
		return new CommuneHistory(unit.code(), unit.name(), unit.type(), unit.provinceCode(), unit.provinceName(),
				queries.historyOf(code, period));
	}

}
