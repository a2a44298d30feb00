package vn.drugcontrol.service.ministry;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.approval.ApprovedClasses.ApprovedCommune;

/**
 * The national list of a period (Art. 7.3): for every province whose report the Ministry
 * approved, its province-level class with the Ministry's decision, its inter-provincial
 * routes and its communes' approved classes ({@link ApprovedClasses}, the one
 * definition), grouped by province. Provinces still awaiting the Ministry are named, not
 * listed.
 */
@Component
public class NationalList {

	private final ApprovedClasses approved;

	private final MinistryReports reports;

	NationalList(ApprovedClasses approved, MinistryReports reports) {
		this.approved = approved;
		this.reports = reports;
	}

	/**
	 * One province of the list: its report (approved by the Ministry) and its communes.
	 */
	public record Section(MinistryReport report, List<ApprovedCommune> communes) {

		public List<ApprovedCommune> of(Classification k) {
			return communes.stream().filter(c -> c.approvedClass() == k).toList();
		}

		/** How many of the province's communes have approved class {@code k}. */
		public long count(Classification k) {
			return communes.stream().filter(c -> c.approvedClass() == k).count();
		}

	}

	/**
	 * @param provinces the provinces the Ministry approved, by code
	 * @param awaiting the reports submitted (or returned) and not yet approved
	 */
	public record Listing(int period, List<Section> provinces, List<MinistryReport> awaiting) {

		public int communeCount() {
			return provinces.stream().mapToInt(s -> s.communes().size()).sum();
		}

		/** The communes of all listed provinces with approved class {@code k}. */
		public long count(Classification k) {
			return provinces.stream().mapToLong(s -> s.count(k)).sum();
		}

		/** The section of a province the Ministry approved, if it did. */
		public Optional<Section> section(String provinceCode) {
			return provinces.stream().filter(s -> s.report().provinceCode().equals(provinceCode)).findFirst();
		}

	}

	@PreAuthorize("@provinceScope.national()")
	public Listing of(int period) {
		List<MinistryReport> ofPeriod = reports.ofPeriod(period);
		// the communes of the provinces the Ministry approved, not of every approved list
		Map<String, List<ApprovedCommune>> byProvince = new LinkedHashMap<>();
		for (ApprovedCommune c : approved.ofProvinces(period,
				ofPeriod.stream()
					.filter(r -> r.status() == ReportStatus.APPROVED)
					.map(MinistryReport::provinceCode)
					.toList())) {
			byProvince.computeIfAbsent(c.provinceCode(), k -> new ArrayList<>()).add(c);
		}
		List<Section> sections = new ArrayList<>();
		List<MinistryReport> awaiting = new ArrayList<>();
		for (MinistryReport r : ofPeriod) {
			if (r.status() == ReportStatus.APPROVED) {
				sections.add(new Section(r, byProvince.getOrDefault(r.provinceCode(), List.of())));
			}
			else {
				awaiting.add(r);
			}
		}
		return new Listing(period, sections, awaiting);
	}

}
