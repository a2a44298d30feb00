package vn.drugcontrol.service.commune;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonUnwrapped;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.ApprovalStatus;
import vn.drugcontrol.service.approval.Approvals;
import vn.drugcontrol.service.approval.Approvals.Approval;
import vn.drugcontrol.service.approval.Approvals.Override;
import vn.drugcontrol.service.facts.AdminUnit;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.run.RunQueries;
import vn.drugcontrol.service.run.RunQueries.CommuneClassification;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * A commune's classifications across periods, for other systems (e.g. budget allocation:
 * "what is commune X's class for year Y, and is it on a key route?"): the rules'
 * recommendation ({@code classification}) and, once the People's Committee approved the
 * run, the approved class with any confirmed override.
 */
@RestController
class CommuneController {

	private final RunQueries queries;

	private final AdminUnits units;

	private final Approvals approvals;

	CommuneController(RunQueries queries, AdminUnits units, Approvals approvals) {
		this.queries = queries;
		this.units = units;
		this.approvals = approvals;
	}

	record CommuneHistory(String communeCode, String communeName, String unitType, String provinceCode,
			String provinceName, List<Entry> classifications) {
	}

	/**
	 * @param approvalStatus the run's: only {@code APPROVED} runs have an approved class
	 * @param approvedClassification the approved class (the recommendation unless a
	 * confirmed override says otherwise), or null while the run is not approved
	 * @param overrideReason why the approved class differs from the recommendation
	 */
	record Approved(ApprovalStatus approvalStatus, Classification approvedClassification, boolean overridden,
			String overrideReason, String approvalDecisionNumber, LocalDate approvalDecisionDate) {
	}

	record Entry(@JsonUnwrapped CommuneClassification recommendation, @JsonUnwrapped Approved approval) {
	}

	@GetMapping("/api/v1/communes/{code}/classifications")
	CommuneHistory classifications(@PathVariable String code, @RequestParam(required = false) Integer period) {
		AdminUnit unit = units.find(code)
			.orElseThrow(() -> new NotFoundException("no commune-level unit " + code + " in the 2025 list"));
		Map<Long, Approval> byRun = new HashMap<>();
		List<Entry> entries = queries.historyOf(code, period).stream().map(c -> {
			Approval approval = byRun.computeIfAbsent(c.runId(), approvals::of);
			if (approval.status() != ApprovalStatus.APPROVED) {
				return new Entry(c, new Approved(approval.status(), null, false, null, null, null));
			}
			Optional<Override> override = approvals.confirmedOverrideOf(c.decisionId());
			return new Entry(c,
					new Approved(approval.status(), override.map(Override::approvedClass).orElse(c.classification()),
							override.isPresent(), override.map(Override::reason).orElse(null),
							approval.decisionNumber(), approval.decisionDate()));
		}).toList();
		return new CommuneHistory(unit.code(), unit.name(), unit.type(), unit.provinceCode(), unit.provinceName(),
				entries);
	}

}
