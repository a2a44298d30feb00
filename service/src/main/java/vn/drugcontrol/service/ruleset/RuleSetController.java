package vn.drugcontrol.service.ruleset;

import java.io.IOException;
import java.net.URI;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import tools.jackson.databind.JsonNode;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;

import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.BundleRejectedException;
import vn.drugcontrol.service.scenario.ScenarioReport;
import vn.drugcontrol.service.system.ApiLimits;
import vn.drugcontrol.service.system.NotFoundException;
import vn.drugcontrol.service.system.Requester;

/**
 * Rule-set versions: upload a bundle (DRL files and scenario tables, or a zip of them),
 * read versions, run their scenarios, activate one, roll one back.
 */
@RestController
@RequestMapping("/api/v1/rule-sets")
class RuleSetController {

	private final RuleSetVersions lifecycle;

	private final StoredVersions stored;

	private final RuleSetCatalogue catalogue;

	private final List<RuleSetWatcher> watcher;

	private final ShippedVersions shipped;

	private final ActivationPreview preview;

	private final RuleSetProofs proofs;

	RuleSetController(RuleSetVersions lifecycle, StoredVersions stored, RuleSetCatalogue catalogue,
			List<RuleSetWatcher> watcher, ShippedVersions shipped, ActivationPreview preview, RuleSetProofs proofs) {
		this.proofs = proofs;
		this.preview = preview;
		this.shipped = shipped;
		this.lifecycle = lifecycle;
		this.stored = stored;
		this.catalogue = catalogue;
		this.watcher = watcher;
	}

	/**
	 * Uploads a bundle: several {@code files} (.drl, .csv, .xlsx, or .zip archives of
	 * them) and the version's name, label, author (else who is asking), note and
	 * effective periods.
	 */
	@PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	ResponseEntity<RuleSetVersionView> upload(@RequestParam("files") List<MultipartFile> files,
			@RequestParam String name, @RequestParam(required = false) String label,
			@RequestParam(required = false) String author, @RequestParam(required = false) String note,
			@RequestParam(required = false) Integer effectiveFrom, @RequestParam(required = false) Integer effectiveTo,
			HttpServletRequest request) throws IOException {
		shipped.ensureStored();
		Bundle bundle = new Bundle();
		for (MultipartFile file : files) {
			bundle.add(file.getOriginalFilename(), file.getBytes());
		}
		RuleSetVersions.Uploaded uploaded = lifecycle.upload(bundle, new RuleSetVersions.Metadata(name, label,
				author == null || author.isBlank() ? Requester.of(request) : author, note, effectiveFrom, effectiveTo),
				Requester.of(request));
		RuleSetVersion version = uploaded.version();
		if (version.status() == VersionStatus.REJECTED) {
			throw new BundleRejectedException(version, uploaded.created());
		}
		RuleSetVersionView view = RuleSetVersionView.of(version, uploaded.scenarios());
		URI location = URI.create("/api/v1/rule-sets/" + version.id());
		return uploaded.created() ? ResponseEntity.created(location).body(view)
				: ResponseEntity.ok().location(location).body(view);
	}

	@GetMapping
	List<RuleSetVersionView> list(@RequestParam(required = false) VersionStatus status,
			@RequestParam(required = false) String contentHash) {
		return stored.search(status, contentHash).stream().map(v -> RuleSetVersionView.of(v, null)).toList();
	}

	@GetMapping("/{id}")
	RuleSetVersionView get(@PathVariable long id) {
		shipped.ensureStored();
		return RuleSetVersionView.of(lifecycle.find(id), null);
	}

	/** The text of one file of the bundle. */
	@GetMapping(path = "/{id}/file")
	ResponseEntity<byte[]> file(@PathVariable long id, @RequestParam String path) {
		BundleFile file = lifecycle.find(id)
			.files()
			.stream()
			.filter(f -> f.path().equals(path))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("version " + id + " has no file " + path));
		MediaType type = path.endsWith(".xlsx") ? MediaType.APPLICATION_OCTET_STREAM
				: new MediaType("text", "plain", java.nio.charset.StandardCharsets.UTF_8);
		return ResponseEntity.ok().contentType(type).body(file.content());
	}

	/**
	 * The version's bundle as a zip archive: every file under its path, ready to edit and
	 * upload again.
	 */
	@GetMapping(path = "/{id}/bundle", produces = "application/zip")
	ResponseEntity<byte[]> bundle(@PathVariable long id) {
		shipped.ensureStored();
		RuleSetVersion version = lifecycle.find(id);
		return ResponseEntity.ok()
			.contentType(new MediaType("application", "zip"))
			.header("Content-Disposition",
					org.springframework.http.ContentDisposition.attachment()
						.filename(version.name() + "-" + id + ".zip")
						.build()
						.toString())
			.body(Bundle.zip(version.files()));
	}

	/** Runs the version's scenario tables now. */
	@GetMapping("/{id}/scenarios")
	ScenarioReport scenarios(@PathVariable long id) {
		return lifecycle.scenariosOf(lifecycle.find(id));
	}

	/**
	 * What activating the version (for its periods, or those given) would change: which
	 * periods' effective version, from which to which, and the versions it would retire.
	 * Changes nothing.
	 */
	@GetMapping("/{id}/activation")
	ActivationPreview.Preview activationPreview(@PathVariable long id,
			@RequestParam(required = false) Integer effectiveFrom,
			@RequestParam(required = false) Integer effectiveTo) {
		shipped.ensureStored();
		return preview.of(lifecycle.find(id), effectiveFrom, effectiveTo);
	}

	/** The optional body of an activation, as the OpenAPI document describes it. */
	@Schema(description = "The periods to activate the version for; left out: its own.")
	record ActivationRequest(
			@Schema(description = "first period", example = "2026", minimum = ApiLimits.FIRST_PERIOD,
					maximum = ApiLimits.LAST_PERIOD) Integer effectiveFrom,
			@Schema(description = "last period; null: open", minimum = ApiLimits.FIRST_PERIOD,
					maximum = ApiLimits.LAST_PERIOD) Integer effectiveTo) {
	}

	/**
	 * The version's exhaustive check: the stored summary and the cells behind it, each
	 * with a scenario row (a version that does not compile has none: 404).
	 */
	@GetMapping("/{id}/proof")
	ProofView proof(@PathVariable long id) {
		shipped.ensureStored();
		RuleSetVersion version = lifecycle.find(id);
		RuleSetProofs.Summary summary = proofs.of(version)
			.orElseThrow(() -> new NotFoundException(
					"rule set version " + id + " was rejected (it does not compile): it has no exhaustive check"));
		return ProofView.of(version, summary, summary.failure() == null ? proofs.proofOf(version) : null);
	}

	/**
	 * Activates a version in one step, after its scenarios pass; optional body
	 * {@code {"effectiveFrom": 2026, "effectiveTo": null, "overrideMonotonicity": "why"}}
	 * — the reason an analyst gives to activate a version whose exhaustive check found
	 * monotonicity counterexamples (audited).
	 */
	@PostMapping("/{id}/activation")
	RuleSetVersionView activate(@PathVariable long id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = ActivationRequest.class))) @RequestBody(
							required = false) JsonNode body,
			HttpServletRequest request) {
		shipped.ensureStored();
		Integer from = body != null && body.hasNonNull("effectiveFrom") ? body.get("effectiveFrom").asInt() : null;
		Integer to = body != null && body.hasNonNull("effectiveTo") ? body.get("effectiveTo").asInt() : null;
		String override = body != null && body.hasNonNull("overrideMonotonicity")
				? body.get("overrideMonotonicity").asString() : null;
		RuleSetVersions.Activated activated = lifecycle.activate(id, from, to, Requester.of(request), override);
		return RuleSetVersionView.of(activated.version(), activated.scenarios());
	}

	/**
	 * Rolls an active version back in one step: retired, and the versions it superseded
	 * active again.
	 */
	@PostMapping("/{id}/retirement")
	RuleSetVersionView retire(@PathVariable long id, HttpServletRequest request) {
		shipped.ensureStored();
		RuleSetVersion retired = lifecycle.retire(id, Requester.of(request));
		return RuleSetVersionView.of(retired, null);
	}

	/** The version a run for this period would use when none is named. */
	@GetMapping("/effective")
	RuleSetVersionView effective(@RequestParam int period) {
		RuleSetCatalogue.Pinned pinned = catalogue.resolve(null, null, period);
		if (pinned.versionId() == null) {
			throw new NotFoundException(
					"the rules for period " + period + " (" + pinned.ruleSet() + ") are not stored as a version");
		}
		return RuleSetVersionView.of(lifecycle.find(pinned.versionId()), null);
	}

	/** Development mode: the watched directory, the rules in use and the last errors. */
	@GetMapping("/watched")
	RuleSetWatcher.Status watched() {
		if (watcher.isEmpty()) {
			throw new NotFoundException(
					"development mode is off: start with the dev profile and classifier.rules.watch-dir to watch a directory");
		}
		return watcher.get(0).status();
	}

}
