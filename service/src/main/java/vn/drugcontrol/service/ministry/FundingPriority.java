package vn.drugcontrol.service.ministry;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.approval.ApprovedClasses.ApprovedCommune;
import vn.drugcontrol.service.approval.ApprovedClasses.ChangedCommune;
import vn.drugcontrol.service.facts.AdminUnits;

/**
 * The Project 4 funding-priority list of a period (National Target Programme on drug
 * prevention and control, Project 4): the communes whose <b>approved</b> class is type I
 * or type II, and those of type III that lie on a key route (intra- or inter-provincial,
 * as the route registry said for the run's period), each with the decisions that approved
 * it — the People's Committee's and, once given, the Ministry's on its province. Read
 * from {@link ApprovedClasses}, the one definition of an approved class.
 */
@Component
public class FundingPriority {

	private final ApprovedClasses approved;

	private final MinistryReports reports;

	private final AdminUnits units;

	FundingPriority(ApprovedClasses approved, MinistryReports reports, AdminUnits units) {
		this.approved = approved;
		this.reports = reports;
		this.units = units;
	}

	/** Why a commune is on the list. */
	public enum Ground {

		/** Approved type I. */
		TYPE_I,
		/** Approved type II. */
		TYPE_II,
		/** Approved type III and on a key route. */
		TYPE_III_ON_KEY_ROUTE

	}

	/** A decision that approved something: whose, its number and date. */
	public record ApprovingDecision(String authority, String decisionNumber, LocalDate decisionDate) {
	}

	/**
	 * A commune on the list.
	 *
	 * @param provincialApproval the People's Committee's decision approving the commune
	 * lists
	 * @param ministryApproval the Ministry's decision on the province's report, null
	 * until given
	 */
	public record Commune(String communeCode, String communeName, String provinceCode, String provinceName,
			Classification approvedClass, Ground ground, boolean onIntraProvincialRoute, boolean onInterProvincialRoute,
			long runId, long decisionId, ApprovingDecision provincialApproval, ApprovingDecision ministryApproval) {
	}

	public record Listing(int period, int count, Map<Ground, Integer> counts, List<Commune> communes) {
	}

	/** More than the country's 3,321 units: the whole period in one read. */
	static final int ALL = 100_000;

	@PreAuthorize("@provinceScope.national()")
	public Listing of(int period) {
		Map<String, ApprovingDecision> ministry = new java.util.HashMap<>();
		for (MinistryReport r : reports.ofPeriod(period)) {
			if (r.status() == ReportStatus.APPROVED) {
				ministry.put(r.provinceCode(),
						new ApprovingDecision("Bộ Công an", r.decisionNumber(), r.decisionDate()));
			}
		}
		List<Commune> list = approved.ofPeriod(period, 0, 0, ALL)
			.stream()
			.map(ChangedCommune::commune)
			.flatMap(c -> ground(c).map(g -> commune(c, g, ministry.get(c.provinceCode()))).stream())
			.toList();
		Map<Ground, Integer> counts = new EnumMap<>(Ground.class);
		for (Ground g : Ground.values()) {
			counts.put(g, (int) list.stream().filter(c -> c.ground() == g).count());
		}
		return new Listing(period, list.size(), counts, list);
	}

	/** Project 4's rule: type I, type II, and type III only on a key route. */
	static Optional<Ground> ground(ApprovedCommune c) {
		return switch (c.approvedClass()) {
			case TYPE_I -> Optional.of(Ground.TYPE_I);
			case TYPE_II -> Optional.of(Ground.TYPE_II);
			case TYPE_III -> (c.onIntraProvincialRoute() || c.onInterProvincialRoute())
					? Optional.of(Ground.TYPE_III_ON_KEY_ROUTE) : Optional.empty();
			default -> Optional.empty();
		};
	}

	private Commune commune(ApprovedCommune c, Ground g, ApprovingDecision ministry) {
		return new Commune(c.communeCode(), c.communeName(), c.provinceCode(),
				units.provinceName(c.provinceCode()).orElse(c.provinceCode()), c.approvedClass(), g,
				c.onIntraProvincialRoute(), c.onInterProvincialRoute(), c.runId(), c.decisionId(),
				new ApprovingDecision("UBND tỉnh " + units.provinceName(c.provinceCode()).orElse(c.provinceCode()),
						c.approvalDecisionNumber(), c.approvalDecisionDate()),
				ministry);
	}

}
