package vn.drugcontrol.service.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.facts.FactsBatch;
import vn.drugcontrol.service.facts.FactsFormat;
import vn.drugcontrol.service.facts.FactsImporter;
import vn.drugcontrol.service.facts.FactsRejectedException;
import vn.drugcontrol.service.facts.ImportProblem;
import vn.drugcontrol.service.run.PendingUploads;
import vn.drugcontrol.service.run.PendingUploads.Pending;
import vn.drugcontrol.service.run.RunService;
import vn.drugcontrol.service.run.RunService.Prepared;
import vn.drugcontrol.service.run.RunService.StartRun;
import vn.drugcontrol.service.run.RunService.Started;
import vn.drugcontrol.service.system.RequestLimits;
import vn.drugcontrol.service.system.Requester;

/**
 * Upload a facts file: every problem by row and column (nothing kept), or a preview of
 * the classes the rules would give (nothing stored) that the officer confirms to start
 * the run.
 */
@Controller
class UploadPages {

	/** Communes shown in the preview. */
	static final int PREVIEW_ROWS = 10;

	private final FactsImporter importer;

	private final RunService runs;

	private final PendingUploads pending;

	private final AdminUnits units;

	private final RequestLimits limits;

	UploadPages(FactsImporter importer, RunService runs, PendingUploads pending, AdminUnits units,
			RequestLimits limits) {
		this.limits = limits;
		this.importer = importer;
		this.runs = runs;
		this.pending = pending;
		this.units = units;
	}

	/** A commune of the preview. */
	record PreviewRow(String communeCode, String communeName, long population, long managedUsers,
			Classification classification) {
	}

	@PostMapping("/upload")
	String upload(@RequestParam(name = "file", required = false) MultipartFile file, HttpServletRequest request,
			Model model, HttpServletResponse response) throws IOException {
		String name = (file == null || file.getOriginalFilename() == null || file.getOriginalFilename().isBlank())
				? "upload" : file.getOriginalFilename();
		if (file == null || file.isEmpty()) {
			return rejected(model, response, name, "upload.noFile", List.of());
		}
		FactsFormat format;
		try {
			format = FactsFormat.fromFileName(name);
		}
		catch (IllegalArgumentException ex) {
			return rejected(model, response, name, null, List.of(new ImportProblem(name, null, null, ex.getMessage())));
		}
		FactsBatch batch;
		try (InputStream in = file.getInputStream()) {
			batch = importer.read(name, in, format, null, null, limits.rowCounter(name));
		}
		catch (FactsRejectedException ex) {
			return rejected(model, response, name, null, ex.problems());
		}
		catch (ResponseStatusException ex) {
			// past the batch limit: reading stopped there
			return rejected(model, response, name, "upload.tooManyRows",
					List.of(new ImportProblem(name, null, null, ex.getReason())));
		}
		// what the run will do: the registry's route facts, the rules in force for the
		// period (officers do not choose a legal reading; analysts activate one)
		Prepared prepared;
		try {
			prepared = runs.prepare(batch, name, null, null);
		}
		catch (FactsRejectedException ex) {
			return rejected(model, response, name, null, ex.problems());
		}
		batch = prepared.batch();
		RuleSet rules = prepared.ruleSet();
		Pending kept;
		try (InputStream in = file.getInputStream()) {
			kept = pending.keep(in, name, Requester.of(request));
		}
		List<CommuneOutcome> outcomes = prepared.classify();
		Map<Classification, Integer> counts = new EnumMap<>(Classification.class);
		for (Classification c : Classification.values()) {
			counts.put(c, 0);
		}
		outcomes.forEach(o -> counts.merge(o.classification(), 1, Integer::sum));
		List<PreviewRow> rows = new java.util.ArrayList<>();
		for (int i = 0; i < Math.min(PREVIEW_ROWS, outcomes.size()); i++) {
			CommuneFacts f = batch.communes().get(i);
			rows.add(new PreviewRow(f.communeCode(), f.communeName(), f.population(), f.managedUsers(),
					outcomes.get(i).classification()));
		}
		model.addAttribute("upload", kept);
		model.addAttribute("batch", batch);
		model.addAttribute("provinceName", units.provinceName(batch.provinceCode()).orElse(batch.provinceCode()));
		model.addAttribute("ruleSet", rules);
		model.addAttribute("counts", counts);
		model.addAttribute("rows", rows);
		return "upload-preview";
	}

	/** Starts the run the preview showed, from the kept copy of the file. */
	@PostMapping("/upload/{token}/start")
	String start(@PathVariable String token, HttpServletRequest request, Model model, HttpServletResponse response)
			throws IOException {
		String who = Requester.of(request);
		Pending upload = pending.find(token, who).orElse(null);
		if (upload == null) {
			return rejected(model, response, "", "upload.expired", List.of());
		}
		FactsBatch batch;
		try (InputStream in = pending.open(upload)) {
			batch = importer.read(upload.fileName(), in, FactsFormat.fromFileName(upload.fileName()), null, null,
					limits.rowCounter(upload.fileName()));
		}
		catch (FactsRejectedException ex) {
			pending.discard(token);
			return rejected(model, response, upload.fileName(), null, ex.problems());
		}
		Started started = runs.start(
				new StartRun(batch, null, upload.fileName(), FactsFormat.fromFileName(upload.fileName()).name(), who));
		pending.discard(token);
		return "redirect:/runs/" + started.run().id() + (started.created() ? "" : "?existing=true");
	}

	@PostMapping("/upload/{token}/cancel")
	String cancel(@PathVariable String token, HttpServletRequest request) {
		pending.find(token, Requester.of(request)).ifPresent(p -> pending.discard(p.token()));
		return "redirect:/";
	}

	private static String rejected(Model model, HttpServletResponse response, String fileName, String messageKey,
			List<ImportProblem> problems) {
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("fileName", fileName);
		model.addAttribute("messageKey", messageKey);
		model.addAttribute("problems", problems);
		return "upload-errors";
	}

}
