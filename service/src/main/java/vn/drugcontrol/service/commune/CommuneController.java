package vn.drugcontrol.service.commune;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.approval.ApprovedClasses.ApprovedCommune;
import vn.drugcontrol.service.facts.AdminUnit;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.run.RunQueries;
import vn.drugcontrol.service.run.RunQueries.CommuneClassification;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * A commune's classifications across periods, for other systems (e.g. budget allocation:
 * "what is commune X's approved class for year Y, and is it on a key route?"). Each
 * entry's {@code classification} is the class as its run's list stands — the approved
 * class once the People's Committee approved the run — with the rules' recommendation
 * beside it.
 */
@RestController
class CommuneController {

	private final RunQueries queries;

	private final AdminUnits units;

	private final ApprovedClasses approved;

	CommuneController(RunQueries queries, AdminUnits units, ApprovedClasses approved) {
		this.queries = queries;
		this.units = units;
		this.approved = approved;
	}

	record CommuneHistory(String communeCode, String communeName, String unitType, String provinceCode,
			String provinceName, List<CommuneClassification> classifications) {
	}

	@GetMapping("/api/v1/communes/{code}/classifications")
	CommuneHistory classifications(@PathVariable String code, @RequestParam(required = false) Integer period) {
		AdminUnit unit = unit(code);
		return new CommuneHistory(unit.code(), unit.name(), unit.type(), unit.provinceCode(), unit.provinceName(),
				queries.historyOf(unit.code(), period));
	}

	/**
	 * The commune's approved class for a period: from the one run the People's Committee
	 * approved for its province and period; 404 while no run is approved.
	 */
	@GetMapping("/api/v1/communes/{code}/approved-class")
	ApprovedCommune approvedClass(@PathVariable String code, @RequestParam int period) {
		AdminUnit unit = unit(code);
		return approved.approvedClassOf(unit.code(), period)
			.orElseThrow(() -> new NotFoundException("no approved list of province " + unit.provinceCode()
					+ " for period " + period + " classifies commune " + unit.code()));
	}

	private AdminUnit unit(String code) {
		return units.find(code)
			.orElseThrow(() -> new NotFoundException("no commune-level unit " + code + " in the 2025 list"));
	}

}
