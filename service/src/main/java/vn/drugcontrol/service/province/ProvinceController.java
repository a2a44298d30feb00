package vn.drugcontrol.service.province;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import vn.drugcontrol.rules.province.ProvinceClassification;
import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.run.RunQueries;
import vn.drugcontrol.service.run.api.RunViews.EvidenceView;
import vn.drugcontrol.service.system.NotFoundException;

/**
 * Provinces: a run's province decision (Art. 5, 6), a province's classes period by
 * period, and the transitions of its communes between two periods.
 */
@RestController
@RequestMapping("/api/v1")
class ProvinceController {

	private final ProvinceClassifier classifier;

	private final PeriodRuns periods;

	private final ProvinceReadings readings;

	private final RunQueries runs;

	private final AdminUnits units;

	private final ApprovedClasses approved;

	ProvinceController(ProvinceClassifier classifier, PeriodRuns periods, ProvinceReadings readings, RunQueries runs,
			AdminUnits units, ApprovedClasses approved) {
		this.approved = approved;
		this.classifier = classifier;
		this.periods = periods;
		this.readings = readings;
		this.runs = runs;
		this.units = units;
	}

	record ProvinceFactsView(long population, long managedUsers, long exemptUsers, long drugUsePoints,
			long arrestedOffenders, long residentViolators, long wantedFugitives, long plantsDestroyed,
			BigDecimal plantAreaM2, long communeUnits, long typeIAndIICommunes, boolean onInterProvincialRoute,
			String routeSource) {
	}

	/**
	 * What the rules recommended for the province, on the recommended classes: differs
	 * from the decision once approved overrides change the type I + II count (Art. 5.4).
	 */
	record RecommendationView(ProvinceClassification classification, long typeIAndIICommunes) {
	}

	/**
	 * The province decision as its run's list stands: on the approved classes once the
	 * run is approved ({@code onApprovedList}), with the recommendation beside it.
	 *
	 * @param complete whether the run covers every commune-level unit of the province;
	 * when not, the class is INCOMPLETE, no criterion was assessed, and
	 * {@code missingUnits} names the units without facts
	 */
	record ProvinceDecisionView(long runId, String provinceCode, String provinceName, int period,
			ProvinceClassification classification, String classificationVi, String classificationEn, String decidedBy,
			List<String> criteriaMet, List<EvidenceView> evidence, ProvinceFactsView facts, boolean complete,
			List<ProvinceDecision.MissingUnit> missingUnits, boolean onApprovedList,
			RecommendationView recommendation) {

		static ProvinceDecisionView of(ProvinceDecision d, ProvinceDecision recommended, boolean approved,
				String provinceName) {
			return new ProvinceDecisionView(d.runId(), d.provinceCode(), provinceName, d.period(), d.classification(),
					d.classification().labelVi(), d.classification().labelEn(), d.decidedBy(),
					d.criteriaMet().isEmpty() ? List.of() : List.of(d.criteriaMet().split(", ")),
					d.evidence()
						.stream()
						.map(e -> new EvidenceView(e.criterionId(), e.labelVi(), e.labelEn(), e.observed(),
								e.threshold(), e.met(), e.ruleName()))
						.toList(),
					new ProvinceFactsView(d.population(), d.managedUsers(), d.exemptUsers(), d.drugUsePoints(),
							d.arrestedOffenders(), d.residentViolators(), d.wantedFugitives(), d.plantsDestroyed(),
							d.plantAreaM2(), d.communeUnits(), d.keyAreaCommunes(), d.onInterProvincialRoute(),
							d.routeSource()),
					d.complete(), d.missingUnits(), approved,
					new RecommendationView(recommended.classification(), recommended.keyAreaCommunes()));
		}

	}

	record PeriodView(int period, long runId, int communeCount, int typeI, int typeII, int typeIII, int drugFree,
			int unclassified, ProvinceClassification provinceClassification) {
	}

	record ProvinceHistory(String provinceCode, String provinceName, String ruleSet, List<PeriodView> periods) {
	}

	@GetMapping("/runs/{id}/province")
	ProvinceDecisionView ofRun(@PathVariable long id) {
		runs.run(id);
		ProvinceDecision d = classifier.ofRun(id)
			.orElseThrow(() -> new NotFoundException(
					"run " + id + " has no province decision (runs stored before province classification have none)"));
		return ProvinceDecisionView.of(d, classifier.recommendedOfRun(id).orElseThrow(),
				approved.basisOf(id).approved(), units.provinceName(d.provinceCode()).orElse("?"));
	}

	@GetMapping("/provinces/{code}/classifications")
	ProvinceHistory history(@PathVariable String code, @RequestParam(required = false) String ruleSet) {
		String name = provinceName(code);
		List<PeriodRuns.PeriodRun> runs = periods.periods(code, ruleSet);
		Map<Long, ProvinceDecision> decisions = classifier.ofRuns(code, runs);
		List<PeriodView> list = runs.stream()
			.map(r -> new PeriodView(r.period(), r.runId(), r.communeCount(), r.typeICount(), r.typeIICount(),
					r.typeIIICount(), r.drugFreeCount(), r.unclassifiedCount(),
					decisions.containsKey(r.runId()) ? decisions.get(r.runId()).classification() : null))
			.toList();
		return new ProvinceHistory(code, name, periods.ruleSetOrDefault(ruleSet), list);
	}

	@GetMapping("/provinces/{code}/transitions")
	Transitions transitions(@PathVariable String code, @RequestParam(required = false) Integer from,
			@RequestParam int to, @RequestParam(required = false) String ruleSet) {
		provinceName(code);
		return readings.transitions(code, from, to, ruleSet)
			.orElseThrow(() -> new NotFoundException("province " + code + " has no run of rule set '"
					+ periods.ruleSetOrDefault(ruleSet) + "' for period " + to + " or for "
					+ ((from != null) ? "period " + from : "a period before it")));
	}

	private String provinceName(String code) {
		return units.provinceName(code).orElseThrow(() -> new NotFoundException("no province " + code));
	}

}
