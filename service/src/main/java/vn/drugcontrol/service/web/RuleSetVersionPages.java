package vn.drugcontrol.service.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.service.approval.ApprovedClasses;
import vn.drugcontrol.service.replay.Simulation;
import vn.drugcontrol.service.ruleset.ActivationPreview;
import vn.drugcontrol.service.ruleset.Bundle;
import vn.drugcontrol.service.ruleset.BundleTooLargeException;
import vn.drugcontrol.service.ruleset.BundleFile;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue;
import vn.drugcontrol.service.ruleset.RuleSetDrafts;
import vn.drugcontrol.service.ruleset.RuleSetVersion;
import vn.drugcontrol.service.ruleset.RuleSetProofs;
import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.NotMonotoneException;
import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.ScenariosFailedException;
import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.VersionStateException;
import vn.drugcontrol.service.ruleset.RuleSetVersions;
import vn.drugcontrol.service.ruleset.VersionStatus;
import vn.drugcontrol.service.run.RunQueries;
import vn.drugcontrol.service.run.api.RunViews.RunView;
import vn.drugcontrol.service.scenario.ScenarioReport;
import vn.drugcontrol.service.security.Roles;
import vn.drugcontrol.service.system.Requester;

/**
 * Rule-set versions in the console: the stored versions, uploading a bundle (compile
 * errors by file and line, scenario results), a version with its files and scenarios,
 * activation and rollback, and a simulation over a stored run (from-class × to-class,
 * then the communes that change). The same services as {@code /api/v1/rule-sets}, called
 * directly; uploads, activations and rollbacks are audited as there.
 */
@Controller
class RuleSetVersionPages {

	/** Runs offered to simulate over. */
	static final int RUNS_OFFERED = 50;

	private final RuleSetVersions lifecycle;

	private final RuleSetCatalogue catalogue;

	private final Simulation simulation;

	private final RunQueries runs;

	private final RuleSetPages list;

	private final ActivationPreview preview;

	private final ApprovedClasses approved;

	private final MessageSource messages;

	private final RuleSetProofs proofs;

	private final RuleSetDrafts drafts;

	/**
	 * A refusal said in the page's language ({@code version.refusal.*}); the service's
	 * own words, in English, kept for the technical details.
	 */
	private void refuse(Model model, String key, String detail, Object... args) {
		model.addAttribute("refusal", messages.getMessage(key, args, LocaleContextHolder.getLocale()));
		model.addAttribute("refusalDetail", detail);
	}

	/** Why an upload was refused, in the page's language; the English kept as detail. */
	private void uploadRefused(Model model, String key, String detail) {
		model.addAttribute("uploadError", messages.getMessage(key, null, LocaleContextHolder.getLocale()));
		model.addAttribute("uploadErrorDetail", detail);
	}

	RuleSetVersionPages(RuleSetVersions lifecycle, RuleSetCatalogue catalogue, Simulation simulation, RunQueries runs,
			RuleSetPages list, ActivationPreview preview, ApprovedClasses approved, MessageSource messages,
			RuleSetProofs proofs, RuleSetDrafts drafts) {
		this.proofs = proofs;
		this.messages = messages;
		this.drafts = drafts;
		this.approved = approved;
		this.list = list;
		this.preview = preview;
		this.lifecycle = lifecycle;
		this.catalogue = catalogue;
		this.simulation = simulation;
		this.runs = runs;
	}

	/**
	 * A file of a version: its path, kind, size and (for DRL and the law's data) its
	 * text.
	 */
	record FileRow(String path, BundleFile.Kind kind, int bytes, String text, String anchor) {

		static FileRow of(BundleFile f) {
			String text = f.kind() == BundleFile.Kind.DRL || f.kind() == BundleFile.Kind.LAW
					? new String(f.content(), StandardCharsets.UTF_8) : null;
			return new FileRow(f.path(), f.kind(), f.content().length, text,
					"file-" + f.path().replaceAll("[^A-Za-z0-9_-]", "-"));
		}

	}

	/** Whether the signed-in user may upload, activate and roll back. */
	static boolean canManage(HttpServletRequest request) {
		return request.isUserInRole(Roles.ANALYST) || request.isUserInRole(Roles.ADMIN);
	}

	@PostMapping("/rule-sets/versions")
	String upload(@RequestParam(name = "files", required = false) List<MultipartFile> files,
			@RequestParam(required = false) String name, @RequestParam(required = false) String label,
			@RequestParam(required = false) String note, @RequestParam(required = false) Integer effectiveFrom,
			@RequestParam(required = false) Integer effectiveTo, HttpServletRequest request,
			HttpServletResponse response, Model model) throws IOException {
		catalogue.get(null);
		Bundle bundle = new Bundle();
		try {
			if (files != null) {
				for (MultipartFile file : files) {
					if (!file.isEmpty()) {
						bundle.add(file.getOriginalFilename(), file.getBytes());
					}
				}
			}
		}
		catch (BundleTooLargeException ex) {
			response.setStatus(HttpStatus.CONTENT_TOO_LARGE.value());
			uploadRefused(model, "versions.refusal.tooLarge", ex.getMessage());
			model.addAttribute("form", new UploadForm(name, label, note, effectiveFrom, effectiveTo));
			return list.page(model, request);
		}
		String who = Requester.of(request);
		RuleSetVersions.Uploaded uploaded;
		try {
			uploaded = lifecycle.upload(bundle,
					new RuleSetVersions.Metadata(name, label, who, note, effectiveFrom, effectiveTo), who);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			String why = String.valueOf(ex.getMessage());
			uploadRefused(model, why.contains("shipped rule set") ? "versions.refusal.shippedName"
					: why.contains("name") ? "versions.refusal.name"
							: why.contains("effective periods") ? "versions.refusal.periods" : "versions.refusal.other",
					why);
			model.addAttribute("form", new UploadForm(name, label, note, effectiveFrom, effectiveTo));
			return list.page(model, request);
		}
		RuleSetVersion version = uploaded.version();
		if (version.status() == VersionStatus.REJECTED) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("version", version);
			model.addAttribute("created", uploaded.created());
			return "rule-set-rejected";
		}
		return "redirect:/rule-sets/versions/" + version.id() + (uploaded.created() ? "?uploaded" : "?existing");
	}

	/** What the analyst typed, shown again after a refused upload. */
	record UploadForm(String name, String label, String note, Integer effectiveFrom, Integer effectiveTo) {

		static final UploadForm EMPTY = new UploadForm("", "", "", 2025, null);

	}

	@GetMapping("/rule-sets/versions/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) String uploaded,
			@RequestParam(required = false) String existing, @RequestParam(required = false) String activated,
			@RequestParam(required = false) String retired, HttpServletRequest request, Model model) {
		RuleSetVersion version = lifecycle.find(id);
		model.addAttribute("flash", uploaded != null ? "uploaded"
				: existing != null ? "existing" : activated != null ? "activated" : retired != null ? "retired" : null);
		return page(version, lifecycle.scenariosOf(version), request, model);
	}

	/**
	 * Asks before activating: which periods' effective version would change, from which
	 * version to which, and which versions would be retired; or, for a version that
	 * cannot be activated, why not (nothing to confirm).
	 */
	@GetMapping("/rule-sets/versions/{id}/activation")
	String confirmActivation(@PathVariable long id, @RequestParam(required = false) Integer effectiveFrom,
			@RequestParam(required = false) Integer effectiveTo, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		catalogue.get(null);
		RuleSetVersion version = lifecycle.find(id);
		ScenarioReport scenarios = lifecycle.scenariosOf(version);
		if (version.status() == VersionStatus.REJECTED || !scenarios.validates()) {
			response.setStatus(HttpStatus.CONFLICT.value());
			if (version.status() == VersionStatus.REJECTED) {
				refuse(model, "version.refusal.rejected", "rule set version " + id + " was rejected", id);
			}
			else {
				refuse(model, "version.refusal.notValidated",
						"rule set version " + id + " is not validated: " + scenarios.refusal(), id);
			}
			return page(version, scenarios, request, model);
		}
		model.addAttribute("version", version);
		model.addAttribute("proof", proofs.of(version).orElse(null));
		boolean possible = effectiveFrom == null || effectiveFrom >= RuleSetVersions.FIRST_PERIOD
				&& effectiveFrom <= RuleSetVersions.LAST_PERIOD
				&& (effectiveTo == null || effectiveTo >= effectiveFrom && effectiveTo <= RuleSetVersions.LAST_PERIOD);
		if (!possible) {
			// periods that cannot be: the version's own are shown, and why
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("periodsRefused",
					messages.getMessage("versions.refusal.periods", null, LocaleContextHolder.getLocale()));
		}
		model.addAttribute("preview",
				possible ? preview.of(version, effectiveFrom, effectiveTo) : preview.of(version, null, null));
		model.addAttribute("canManage", canManage(request));
		return "rule-set-activation";
	}

	/**
	 * Activates once confirmed on {@link #confirmActivation}'s page; a post without the
	 * confirmation (an old page, a forged form) is sent there first.
	 */
	@PostMapping("/rule-sets/versions/{id}/activation")
	String activate(@PathVariable long id, @RequestParam(required = false) String confirmed,
			@RequestParam(required = false) Integer effectiveFrom, @RequestParam(required = false) Integer effectiveTo,
			@RequestParam(required = false) String overrideReason, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		catalogue.get(null);
		if (!"yes".equals(confirmed)) {
			return "redirect:/rule-sets/versions/" + id + "/activation" + (effectiveFrom == null ? ""
					: "?effectiveFrom=" + effectiveFrom + (effectiveTo == null ? "" : "&effectiveTo=" + effectiveTo));
		}
		try {
			lifecycle.activate(id, effectiveFrom, effectiveTo, Requester.of(request), overrideReason);
			return "redirect:/rule-sets/versions/" + id + "?activated";
		}
		catch (NotMonotoneException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			refuse(model, "version.refusal.notMonotone", ex.getMessage(), id);
			RuleSetVersion version = lifecycle.find(id);
			return page(version, lifecycle.scenariosOf(version), request, model);
		}
		catch (ScenariosFailedException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			refuse(model, "version.refusal.scenariosFailed", ex.getMessage(), id);
			return page(lifecycle.find(id), ex.report(), request, model);
		}
		catch (VersionStateException | IllegalArgumentException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			refuse(model, "version.refusal.state", ex.getMessage(), id);
			RuleSetVersion version = lifecycle.find(id);
			return page(version, lifecycle.scenariosOf(version), request, model);
		}
	}

	@PostMapping("/rule-sets/versions/{id}/retirement")
	String retire(@PathVariable long id, HttpServletRequest request, HttpServletResponse response, Model model) {
		catalogue.get(null);
		try {
			lifecycle.retire(id, Requester.of(request));
			return "redirect:/rule-sets/versions/" + id + "?retired";
		}
		catch (VersionStateException ex) {
			response.setStatus(HttpStatus.CONFLICT.value());
			refuse(model, "version.refusal.notActive", ex.getMessage(), id);
			RuleSetVersion version = lifecycle.find(id);
			return page(version, lifecycle.scenariosOf(version), request, model);
		}
	}

	@GetMapping("/rule-sets/versions/{id}/simulation")
	String simulate(@PathVariable long id, @RequestParam long run, HttpServletResponse response, Model model) {
		RuleSetVersion version = lifecycle.find(id);
		model.addAttribute("version", version);
		if (!version.status().usable()) {
			response.setStatus(HttpStatus.CONFLICT.value());
			refuse(model, "version.refusal.rejected", "rule set version " + id + " was rejected: it does not compile",
					id);
			model.addAttribute("result", null);
			return "rule-set-simulation";
		}
		Simulation.Result result;
		try {
			result = simulation.ofRun(run, catalogue.pin(version));
		}
		catch (VersionStateException ex) {
			// its rules cannot classify the run's communes: said, not a server error
			response.setStatus(HttpStatus.CONFLICT.value());
			refuse(model, "version.refusal.cannotClassify", ex.getMessage(), id);
			model.addAttribute("result", null);
			return "rule-set-simulation";
		}
		model.addAttribute("result", result);
		// the communes that change class first, then those whose criteria alone change
		model.addAttribute("changes",
				result.changes()
					.stream()
					.sorted(Comparator.comparing((Simulation.CommuneChange c) -> c.from() == c.to()))
					.toList());
		model.addAttribute("xlsx", "/api/v1/rule-sets/" + id + "/simulation?run=" + run + "&format=xlsx");
		return "rule-set-simulation";
	}

	private String page(RuleSetVersion version, ScenarioReport scenarios, HttpServletRequest request, Model model) {
		List<FileRow> files = new ArrayList<>(version.files().stream().map(FileRow::of).toList());
		model.addAttribute("version", version);
		model.addAttribute("files", files);
		model.addAttribute("drlFiles", files.stream().filter(f -> f.text() != null).toList());
		model.addAttribute("scenarios", scenarios);
		model.addAttribute("canManage", canManage(request));
		// the workbench (fragments/workbench.html): the drafts started from it
		model.addAttribute("drafts", canManage(request) ? drafts.ofVersion(version.id()) : List.of());
		model.addAttribute("runs",
				runs.runs(null, null).stream().limit(RUNS_OFFERED).map(r -> RunView.of(r, approved.ofRun(r))).toList());
		model.addAttribute("engineVersion", RuleSet.engineVersion());
		RuleSetProofs.Summary proof = proofs.of(version).orElse(null);
		model.addAttribute("proof", proof);
		model.addAttribute("proofCells", proof != null && proof.failure() == null ? proofs.proofOf(version) : null);
		return "rule-set-version";
	}

}
