package vn.drugcontrol.service.province;

import java.math.BigDecimal;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.relational.core.mapping.MappedCollection;
import org.springframework.data.relational.core.mapping.Table;

import vn.drugcontrol.rules.criteria.CriterionEvidence;
import vn.drugcontrol.rules.province.ProvinceClassification;
import vn.drugcontrol.rules.province.ProvinceFacts;
import vn.drugcontrol.rules.province.ProvinceOutcome;

/**
 * What a run's rule set recommended for the run's province (Art. 5 key area, Art. 6
 * drug-free), with the aggregated facts it saw and the evidence of every criterion;
 * written with the run, never changed.
 *
 * @param routeSource where the province's inter-provincial route fact came from:
 * {@code REGISTRY} or {@code FACTS} (the communes' route columns, where no route of the
 * province is registered)
 * @param missingUnits the province's commune-level units (2025 list) the run has no facts
 * for; a decision with any is {@code INCOMPLETE}, its facts the sums over the units it
 * has
 */
@Table("province_decision")
public record ProvinceDecision(@Id Long id, Long runId, String provinceCode, int period,
		ProvinceClassification classification, String decidedBy, String criteriaMet, long population, long managedUsers,
		long exemptUsers, long drugUsePoints, long arrestedOffenders, long residentViolators, long wantedFugitives,
		long plantsDestroyed, BigDecimal plantAreaM2, long communeUnits, long keyAreaCommunes,
		boolean onInterProvincialRoute, String routeSource,
		@MappedCollection(idColumn = "province_decision_id", keyColumn = "position") List<EvidenceRow> evidence,
		@MappedCollection(idColumn = "province_decision_id", keyColumn = "position") List<MissingUnit> missingUnits) {

	static ProvinceDecision of(ProvinceFacts f, ProvinceOutcome o, String routeSource) {
		return new ProvinceDecision(null, null, f.provinceCode(), f.period(), o.classification(), o.decidedBy(),
				String.join(", ", o.criteriaMet()), f.population(), f.managedUsers(), f.exemptUsers(),
				f.drugUsePoints(), f.arrestedOffenders(), f.residentViolators(), f.wantedFugitives(),
				f.plantsDestroyed(), f.plantAreaM2(), f.communeUnits(), f.typeIAndIICommunes(),
				f.onInterProvincialRoute(), routeSource, o.evidence().stream().map(EvidenceRow::of).toList(),
				List.of());
	}

	/**
	 * No rule asked: the facts leave units of the province out. No evidence, no criterion
	 * met; the units are named.
	 */
	static ProvinceDecision incomplete(ProvinceFacts f, List<MissingUnit> missing, String routeSource) {
		return new ProvinceDecision(null, null, f.provinceCode(), f.period(), ProvinceClassification.INCOMPLETE,
				"Incomplete: facts for " + (f.communeUnits() - missing.size()) + " of the province's "
						+ f.communeUnits() + " commune-level units; Art. 5 and 6 need them all",
				"", f.population(), f.managedUsers(), f.exemptUsers(), f.drugUsePoints(), f.arrestedOffenders(),
				f.residentViolators(), f.wantedFugitives(), f.plantsDestroyed(), f.plantAreaM2(), f.communeUnits(),
				f.typeIAndIICommunes(), f.onInterProvincialRoute(), routeSource, List.of(), List.copyOf(missing));
	}

	/** Whether the facts covered every unit of the province, so the rules decided. */
	public boolean complete() {
		return missingUnits.isEmpty();
	}

	ProvinceDecision forRun(long runId) {
		return new ProvinceDecision(id, runId, provinceCode, period, classification, decidedBy, criteriaMet, population,
				managedUsers, exemptUsers, drugUsePoints, arrestedOffenders, residentViolators, wantedFugitives,
				plantsDestroyed, plantAreaM2, communeUnits, keyAreaCommunes, onInterProvincialRoute, routeSource,
				evidence, missingUnits);
	}

	/**
	 * A commune-level unit of the province the run has no facts for, as the 2025 list
	 * names it.
	 */
	@Table("province_decision_missing_unit")
	public record MissingUnit(String unitCode, String unitName) {
	}

	/** One criterion of Art. 5 or 6 as assessed for the province. */
	@Table("province_decision_evidence")
	public record EvidenceRow(String criterionId, String measure, String labelVi, String labelEn, String observed,
			String threshold, boolean met, String ruleName) {

		static EvidenceRow of(CriterionEvidence e) {
			return new EvidenceRow(e.id(), e.measure().name(), e.labelVi(), e.labelEn(), e.observed(), e.threshold(),
					e.met(), e.rule());
		}

	}

}
