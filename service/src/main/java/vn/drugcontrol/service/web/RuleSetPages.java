package vn.drugcontrol.service.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

import vn.drugcontrol.service.system.DisplayFormat;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetSource;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue;
import vn.drugcontrol.service.ruleset.RuleSetDrafts;
import vn.drugcontrol.service.ruleset.StoredVersions;

/**
 * The shipped rule sets, read-only: name, what reading they take, content hash, and their
 * DRL files as analysts wrote them; the list page also lists the stored versions and
 * holds the upload form ({@link RuleSetVersionPages} serves the rest).
 */
@Controller
class RuleSetPages {

	private final RuleSetCatalogue ruleSets;

	private final StoredVersions versions;

	private final DisplayFormat format;

	private final RuleSetDrafts drafts;

	RuleSetPages(RuleSetCatalogue ruleSets, StoredVersions versions, DisplayFormat format, RuleSetDrafts drafts) {
		this.format = format;
		this.drafts = drafts;
		this.ruleSets = ruleSets;
		this.versions = versions;
	}

	/** A rule set in the list. */
	record RuleSetSummary(String name, String label, String contentHash, int fileCount, boolean isDefault) {
	}

	@GetMapping("/rule-sets")
	String list(Model model, HttpServletRequest request) {
		model.addAttribute("form", RuleSetVersionPages.UploadForm.EMPTY);
		return page(model, request);
	}

	/**
	 * The list page: the shipped rule sets, the stored versions (newest first) and the
	 * upload form for analysts.
	 */
	String page(Model model, HttpServletRequest request) {
		String defaultName = ruleSets.get(null).name();
		List<RuleSetSummary> list = ruleSets.names().stream().map(ruleSets::get).map(r -> {
			RuleSetSource source = r.source();
			return new RuleSetSummary(r.name(), source.label(), r.contentHash(), source.files().size(),
					r.name().equals(defaultName));
		}).toList();
		model.addAttribute("ruleSets", list);
		model.addAttribute("engineVersion", RuleSet.engineVersion());
		model.addAttribute("versions", versions.search(null, null));
		boolean canManage = RuleSetVersionPages.canManage(request);
		model.addAttribute("canManage", canManage);
		// the workbench's drafts not yet published (analysts' work: theirs only)
		model.addAttribute("drafts", canManage ? drafts.open() : List.of());
		return "rule-sets";
	}

	@GetMapping("/rule-sets/{name}")
	String show(@PathVariable String name, Model model) {
		RuleSet ruleSet = ruleSets.get(name);
		Map<String, String> files = new TreeMap<>(ruleSet.source().files());
		model.addAttribute("ruleSet", ruleSet);
		// the name as people read it ("mặc định"): a fragment's parameters may not call
		// beans
		model.addAttribute("ruleSetName", format.ruleSetName(name));
		model.addAttribute("label", ruleSet.source().label());
		model.addAttribute("files", files);
		model.addAttribute("engineVersion", RuleSet.engineVersion());
		return "rule-set";
	}

}
