package vn.drugcontrol.service.web;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

import vn.drugcontrol.service.run.DecisionExplanation;
import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.rules.commune.FactsColumn;
import vn.drugcontrol.service.run.Decision;
import vn.drugcontrol.service.run.Run;
import vn.drugcontrol.service.run.RunQueries;
import vn.drugcontrol.service.run.RunQueries.DecisionSummary;
import vn.drugcontrol.service.run.RunReadings;
import vn.drugcontrol.service.run.api.RunViews.RunView;

/**
 * The home page (recent runs, upload form), a run (counts, its communes filtered by class
 * and name, exports) and one decision with all its evidence.
 */
@Controller
class RunPages {

	/** Runs on the home page. */
	static final int RECENT_RUNS = 20;

	private final RunQueries queries;

	private final AdminUnits units;

	private final ApprovedClasses approved;

	private final MessageSource messages;

	private final RunReadings readings;

	RunPages(RunQueries queries, AdminUnits units, ApprovedClasses approved, MessageSource messages,
			RunReadings readings) {
		this.readings = readings;
		this.approved = approved;
		this.messages = messages;
		this.queries = queries;
		this.units = units;
	}

	/** One fact as submitted: its contract header and value. */
	record FactRow(String header, Object value) {
	}

	@GetMapping("/")
	String home(Model model) {
		List<Run> runs = queries.runs(null, null).stream().limit(RECENT_RUNS).toList();
		// the approvals and overrides of the runs shown read at once, not per run
		java.util.Map<Long, ApprovedClasses.RunClasses> classes = approved.ofRuns(runs);
		List<RunView> recent = runs.stream().map(r -> RunView.of(r, classes.get(r.id()))).toList();
		model.addAttribute("runs", recent);
		model.addAttribute("maxUploadBytes", 20 * 1024 * 1024);
		return "home";
	}

	@GetMapping("/runs/{id}")
	String run(@PathVariable long id, @RequestParam(required = false) Classification classification,
			@RequestParam(required = false) String q, @RequestParam(required = false) boolean existing,
			@RequestParam(required = false) String reading, Model model) {
		Run run = queries.run(id);
		String query = (q == null) ? "" : q.strip();
		String folded = fold(query);
		List<DecisionSummary> rows = queries.decisionsOf(id, classification)
			.stream()
			.filter(d -> folded.isEmpty() || fold(d.communeName()).contains(folded) || d.communeCode().contains(folded))
			.toList();
		model.addAttribute("run", view(run));
		model.addAttribute("provinceName", units.provinceName(run.provinceCode()).orElse(run.provinceCode()));
		model.addAttribute("decisions", rows);
		model.addAttribute("classification", classification);
		model.addAttribute("q", query);
		model.addAttribute("existing", existing);
		// the ledger: stored counts; the communes of one switch only when asked for
		RunReadings.Readings ledger = readings.ofRun(id);
		model.addAttribute("readings", ledger);
		model.addAttribute("readingOpen",
				reading != null && ledger.switches().stream().anyMatch(s -> s.id().equals(reading))
						? readings.ofSwitch(id, reading) : null);
		return "run";
	}

	@GetMapping("/decisions/{id}")
	String decision(@PathVariable long id, Model model, Locale locale) {
		Decision decision = queries.decision(id);
		Run run = queries.run(decision.runId());
		var facts = decision.communeFacts();
		model.addAttribute("decision", decision);
		model.addAttribute("explanation", DecisionExplanation.of(decision, messages, locale));
		// the headline shows the class as the list stands, the recommendation beside it
		model.addAttribute("decisionClass", approved.ofDecision(id).orElseThrow());
		model.addAttribute("run", view(run));
		model.addAttribute("provinceName", units.provinceName(run.provinceCode()).orElse(run.provinceCode()));
		model.addAttribute("facts",
				java.util.Arrays.stream(FactsColumn.values())
					.map(c -> new FactRow(c.header(), c.valueOf(facts)))
					.filter(f -> f.value() != null)
					.toList());
		return "decision";
	}

	private RunView view(Run run) {
		return RunView.of(run, approved.ofRun(run));
	}

	/**
	 * Lower case without diacritics, so "son lo" finds "Sơn Lộ" (đ is a letter of its
	 * own, not a d with a mark).
	 */
	static String fold(String text) {
		String decomposed = Normalizer.normalize(text.toLowerCase(Locale.ROOT), Normalizer.Form.NFD);
		return decomposed.replaceAll("\\p{M}+", "").replace('đ', 'd');
	}

}
