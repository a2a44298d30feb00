package vn.drugcontrol.service.web;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriUtils;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.province.PeriodRuns;
import vn.drugcontrol.service.province.PeriodRuns.PeriodRun;
import vn.drugcontrol.service.province.ProvinceClassifier;
import vn.drugcontrol.service.province.ProvinceDecision;
import vn.drugcontrol.service.province.ProvinceReadings;
import vn.drugcontrol.service.province.Transitions;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue;
import vn.drugcontrol.service.system.NotFoundException;
import vn.drugcontrol.service.target.ProgressReadings;

/**
 * The province view: the provinces with runs, and one province's class per period (Art.
 * 5, 6, with the evidence), its communes' transitions between two chosen periods, its
 * progress towards the drug-free targets and its charts and reports. Reads the province,
 * target and report services directly; the charts and reports are the API's own files.
 */
@Controller
class ProvincePages {

	private final PeriodRuns periods;

	private final ProvinceClassifier classifier;

	private final ProvinceReadings readings;

	private final ProgressReadings progress;

	private final AdminUnits units;

	private final RuleSetCatalogue ruleSets;

	ProvincePages(PeriodRuns periods, ProvinceClassifier classifier, ProvinceReadings readings,
			ProgressReadings progress, AdminUnits units, RuleSetCatalogue ruleSets) {
		this.periods = periods;
		this.classifier = classifier;
		this.readings = readings;
		this.progress = progress;
		this.units = units;
		this.ruleSets = ruleSets;
	}

	/** A province with stored runs, on the list page. */
	record ProvinceRow(String code, String name, int runs, int firstPeriod, int lastPeriod) {
	}

	/** A period's standing run and its province decision (none for older runs). */
	record PeriodRow(PeriodRun run, ProvinceDecision decision) {
	}

	@GetMapping("/provinces")
	String list(@RequestParam(required = false) String code, Model model) {
		if (code != null && !code.isBlank()) {
			return "redirect:/provinces/"
					+ UriUtils.encodePathSegment(code.strip(), java.nio.charset.StandardCharsets.UTF_8);
		}
		List<ProvinceRow> rows = periods.provincesWithRuns()
			.stream()
			.map(p -> new ProvinceRow(p.provinceCode(), units.provinceName(p.provinceCode()).orElse(p.provinceCode()),
					p.runs(), p.firstPeriod(), p.lastPeriod()))
			.toList();
		model.addAttribute("provinces", rows);
		model.addAttribute("allProvinces", units.provinces());
		return "provinces";
	}

	@GetMapping("/provinces/{code}")
	String province(@PathVariable String code, @RequestParam(required = false) Integer from,
			@RequestParam(required = false) Integer to, @RequestParam(required = false) String ruleSet, Model model) {
		String name = units.provinceName(code).orElseThrow(() -> new NotFoundException("no province " + code));
		String chosenRuleSet = periods.ruleSetOrDefault(ruleSet);
		List<PeriodRun> runs = periods.periods(code, chosenRuleSet);
		Map<Long, ProvinceDecision> decisions = classifier.ofRuns(code, runs);
		List<PeriodRow> rows = new ArrayList<>(
				runs.stream().map(r -> new PeriodRow(r, decisions.get(r.runId()))).toList());
		Collections.reverse(rows);
		List<Integer> years = runs.stream().map(PeriodRun::period).toList();
		Integer toPeriod = (to != null && years.contains(to)) ? to
				: (years.isEmpty() ? null : years.get(years.size() - 1));
		Integer fromPeriod = (from != null && years.contains(from) && toPeriod != null && from < toPeriod) ? from
				: years.stream().filter(y -> toPeriod != null && y < toPeriod).reduce((a, b) -> b).orElse(null);
		Optional<Transitions> transitions = (toPeriod != null && fromPeriod != null)
				? readings.transitions(code, fromPeriod, toPeriod, chosenRuleSet) : Optional.empty();
		Optional<PeriodRun> toRun = runs.stream().filter(r -> toPeriod != null && r.period() == toPeriod).findFirst();
		model.addAttribute("code", code);
		model.addAttribute("provinceName", name);
		model.addAttribute("ruleSet", chosenRuleSet);
		model.addAttribute("ruleSets", ruleSets.names());
		model.addAttribute("periods", rows);
		List<Integer> newestFirst = new ArrayList<>(years);
		Collections.reverse(newestFirst);
		model.addAttribute("years", newestFirst);
		model.addAttribute("from", fromPeriod);
		model.addAttribute("to", toPeriod);
		model.addAttribute("toRun", toRun.orElse(null));
		model.addAttribute("transitions", transitions.orElse(null));
		model.addAttribute("matrixClasses", transitions.map(ProvincePages::shownClasses).orElse(List.of()));
		model.addAttribute("progress", progress.of(code, chosenRuleSet));
		return "province";
	}

	/**
	 * The matrix's classes: the four of the scale, and "unclassified" only where used.
	 */
	static List<Classification> shownClasses(Transitions t) {
		Map<Classification, Map<Classification, Integer>> m = t.matrix();
		boolean unclassified = m.get(Classification.UNCLASSIFIED).values().stream().anyMatch(n -> n > 0)
				|| m.values().stream().anyMatch(row -> row.get(Classification.UNCLASSIFIED) > 0);
		return Arrays.stream(Classification.values())
			.filter(k -> k != Classification.UNCLASSIFIED || unclassified)
			.toList();
	}

}
