package vn.drugcontrol.service.ministry;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import vn.drugcontrol.rules.province.ProvinceClassification;
import vn.drugcontrol.service.route.RouteKind;

/**
 * A province's report to the Ministry for a period (Art. 7.2) as submitted: the run its
 * People's Committee approved (with that decision), the counts of the approved commune
 * lists, the province's own class (Art. 5, 6) and the key routes through it; then the
 * Ministry's decision on the province's class and inter-provincial routes (Art. 7.3).
 */
public record MinistryReport(long id, String provinceCode, String provinceName, int period, long runId,
		String runDecisionNumber, LocalDate runDecisionDate, ReportStatus status, ProvinceClassification provinceClass,
		String provinceCriteriaMet, int communeCount, int typeI, int typeII, int typeIII, int drugFree,
		int unclassified, String submittedBy, Instant submittedAt, String decidedBy, Instant decidedAt,
		String decisionNumber, LocalDate decisionDate, String returnReason, List<Route> routes) {

	/** A key route the report lists, as registered when it was submitted. */
	public record Route(String code, String name, RouteKind kind, String approvedBy, String decisionNumber) {
	}

	/** The routes the province itself approved (Art. 7.2). */
	public List<Route> intraProvincialRoutes() {
		return routes.stream().filter(r -> r.kind() == RouteKind.INTRA_PROVINCIAL).toList();
	}

	/** The routes the Ministry approves (Art. 7.3). */
	public List<Route> interProvincialRoutes() {
		return routes.stream().filter(r -> r.kind() == RouteKind.INTER_PROVINCIAL).toList();
	}

}
