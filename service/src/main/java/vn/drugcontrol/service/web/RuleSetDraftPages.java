package vn.drugcontrol.service.web;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.util.UriUtils;

import vn.drugcontrol.rules.engine.CompileError;
import vn.drugcontrol.rules.law.Clause;
import vn.drugcontrol.rules.law.LawBook;
import vn.drugcontrol.rules.law.Unit;
import vn.drugcontrol.service.ruleset.BundleFile;
import vn.drugcontrol.service.ruleset.BundleTooLargeException;
import vn.drugcontrol.service.ruleset.DraftParameters;
import vn.drugcontrol.service.ruleset.RuleSetCatalogue;
import vn.drugcontrol.service.ruleset.RuleSetDraft;
import vn.drugcontrol.service.ruleset.RuleSetDrafts;
import vn.drugcontrol.service.ruleset.RuleSetVersion;
import vn.drugcontrol.service.ruleset.RuleSetVersionProblems.VersionStateException;
import vn.drugcontrol.service.ruleset.RuleSetVersions;
import vn.drugcontrol.service.scenario.ScenarioFailure;
import vn.drugcontrol.service.system.Requester;

/**
 * The analyst's workbench (issue 14): a draft started from a version, its parameters in a
 * checked form, its DRL in an editor with line numbers, its scenario rows in a grid (or
 * uploaded as CSV/XLSX); every save checked by the upload's own checks, problems shown at
 * their file and line with the reason; the diff against the version it came from; and
 * publishing as a new version. The pages call {@link RuleSetDrafts}, which calls the same
 * services as {@code /api/v1/rule-sets}; simulation, activation and rollback are the
 * version's pages ({@link RuleSetVersionPages}).
 */
@Controller
class RuleSetDraftPages {

	private final RuleSetDrafts drafts;

	private final RuleSetVersions lifecycle;

	private final RuleSetCatalogue catalogue;

	private final MessageSource messages;

	RuleSetDraftPages(RuleSetDrafts drafts, RuleSetVersions lifecycle, RuleSetCatalogue catalogue,
			MessageSource messages) {
		this.drafts = drafts;
		this.lifecycle = lifecycle;
		this.catalogue = catalogue;
		this.messages = messages;
	}

	/**
	 * A problem of the draft at its file and line: a construct the allow-list refuses or
	 * an error of the compiler, the law's files or a scenario table; the reason as the
	 * check gives it, and where to fix it.
	 */
	public record Problem(String file, int line, boolean refused, String reason, String fix) {
	}

	/** A row of the parameters form, with the clause's words and its fields' errors. */
	public record ParameterRow(int index, DraftParameters.Row row, String clauseText, Map<String, String> errors,
			String value) {

		public String error(String field) {
			return errors.get(field);
		}

	}

	/** A file of the draft: its path and its name as people read it. */
	public record FileLink(String path, String name) {
	}

	/** A line of the editor's gutter: its number and the problems found on it. */
	public record GutterLine(int number, List<String> problems) {
	}

	@PostMapping("/rule-sets/versions/{id}/drafts")
	String start(@PathVariable long id, HttpServletRequest request) {
		catalogue.get(null);
		long draft = drafts.start(id, Requester.of(request));
		return "redirect:/rule-sets/drafts/" + draft + "?started";
	}

	@GetMapping("/rule-sets/drafts/{id}")
	String show(@PathVariable long id, @RequestParam(required = false) String started,
			@RequestParam(required = false) String saved, @RequestParam(required = false) String uploaded,
			Model model) {
		RuleSetDraft draft = drafts.find(id);
		model.addAttribute("flash",
				started != null ? "started" : saved != null ? "saved" : uploaded != null ? "uploaded" : null);
		return page(draft, null, List.of(), model);
	}

	@PostMapping("/rule-sets/drafts/{id}/parameters")
	String saveParameters(@PathVariable long id, HttpServletRequest request, HttpServletResponse response,
			Model model) {
		List<DraftParameters.Row> rows = submittedRows(request);
		List<DraftParameters.FieldError> errors;
		try {
			errors = drafts.saveParameters(id, rows, Requester.of(request));
		}
		catch (VersionStateException ex) {
			return refused(drafts.find(id), ex, response, model);
		}
		if (!errors.isEmpty()) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("parametersRefused", true);
			return page(drafts.find(id), rows, errors, model);
		}
		return "redirect:/rule-sets/drafts/" + id + "?saved#check";
	}

	@GetMapping("/rule-sets/drafts/{id}/drl")
	String editor(@PathVariable long id, @RequestParam String path, @RequestParam(required = false) String saved,
			Model model) {
		RuleSetDraft draft = drafts.find(id);
		BundleFile file = draft.file(path)
			.filter(f -> f.kind() != BundleFile.Kind.SCENARIO)
			.orElseThrow(() -> new vn.drugcontrol.service.system.NotFoundException(
					"draft " + id + " has no DRL file " + path));
		String text = new String(file.content(), StandardCharsets.UTF_8);
		RuleSetVersions.Checked checked = drafts.check(draft);
		Map<Integer, List<String>> byLine = new TreeMap<>();
		List<Problem> problems = problems(draft, checked.problems());
		problems.stream()
			.filter(p -> p.file().equals(path))
			.forEach(p -> byLine.computeIfAbsent(p.line(), k -> new ArrayList<>()).add(p.reason()));
		int lines = Math.max(1, text.split("\n", -1).length);
		List<GutterLine> gutter = new ArrayList<>();
		for (int n = 1; n <= lines; n++) {
			gutter.add(new GutterLine(n, byLine.getOrDefault(n, List.of())));
		}
		model.addAttribute("draft", draft);
		model.addAttribute("path", path);
		model.addAttribute("fileName", fileName(path));
		model.addAttribute("text", text);
		model.addAttribute("gutter", gutter);
		model.addAttribute("checked", checked);
		model.addAttribute("problems", problems);
		model.addAttribute("fileProblems", problems.stream().filter(p -> p.file().equals(path)).toList());
		model.addAttribute("flash", saved != null ? "saved" : null);
		return "rule-set-draft-drl";
	}

	@PostMapping("/rule-sets/drafts/{id}/drl")
	String saveDrl(@PathVariable long id, @RequestParam String path, @RequestParam String text,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		try {
			drafts.saveText(id, path, text, Requester.of(request));
		}
		catch (VersionStateException ex) {
			return refused(drafts.find(id), ex, response, model);
		}
		return "redirect:/rule-sets/drafts/" + id + "/drl?path="
				+ UriUtils.encodeQueryParam(path, StandardCharsets.UTF_8) + "&saved";
	}

	@GetMapping("/rule-sets/drafts/{id}/scenarios")
	String grid(@PathVariable long id, @RequestParam String path, Model model) {
		RuleSetDraft draft = drafts.find(id);
		List<List<String>> cells = drafts.scenarioCells(draft, path);
		List<String> header = cells.isEmpty() ? List.of() : cells.get(0);
		List<List<String>> rows = new ArrayList<>();
		for (List<String> row : cells.subList(Math.min(1, cells.size()), cells.size())) {
			List<String> padded = new ArrayList<>(row);
			while (padded.size() < header.size()) {
				padded.add("");
			}
			rows.add(padded.subList(0, header.size()));
		}
		RuleSetVersions.Checked checked = drafts.check(draft);
		Map<Integer, ScenarioFailure> failing = new HashMap<>();
		checked.scenarios()
			.failures()
			.stream()
			.filter(f -> f.file().equals(path))
			.forEach(f -> failing.put(f.row(), f));
		model.addAttribute("draft", draft);
		model.addAttribute("path", path);
		model.addAttribute("fileName", fileName(path));
		model.addAttribute("header", header);
		model.addAttribute("columnNames", header.stream().map(this::columnName).toList());
		model.addAttribute("rows", rows);
		model.addAttribute("failing", failing);
		model.addAttribute("checked", checked);
		return "rule-set-draft-scenarios";
	}

	@PostMapping("/rule-sets/drafts/{id}/scenarios")
	String saveGrid(@PathVariable long id, @RequestParam String path, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		int columns = Integer.parseInt(request.getParameter("columns"));
		int count = Integer.parseInt(request.getParameter("rows"));
		List<String> header = new ArrayList<>();
		for (int c = 0; c < columns; c++) {
			header.add(Optional.ofNullable(request.getParameter("h" + c)).orElse(""));
		}
		List<List<String>> rows = new ArrayList<>();
		for (int r = 0; r <= count; r++) {
			if (request.getParameter("remove" + r) != null) {
				continue;
			}
			List<String> row = new ArrayList<>();
			for (int c = 0; c < columns; c++) {
				row.add(Optional.ofNullable(request.getParameter("r" + r + "c" + c)).orElse(""));
			}
			rows.add(row);
		}
		try {
			drafts.saveScenarios(id, path, header, rows, Requester.of(request));
		}
		catch (VersionStateException ex) {
			return refused(drafts.find(id), ex, response, model);
		}
		return "redirect:/rule-sets/drafts/" + id + "?saved#check";
	}

	@PostMapping("/rule-sets/drafts/{id}/scenarios/upload")
	String uploadScenarios(@PathVariable long id, @RequestParam(name = "file", required = false) MultipartFile file,
			HttpServletRequest request, HttpServletResponse response, Model model) throws IOException {
		try {
			if (file == null || file.isEmpty()) {
				throw new IllegalArgumentException("no file was chosen");
			}
			drafts.uploadScenarios(id, file.getOriginalFilename(), file.getBytes(), Requester.of(request));
		}
		catch (IllegalArgumentException | BundleTooLargeException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("scenarioUploadError", true);
			model.addAttribute("refusalDetail", ex.getMessage());
			return page(drafts.find(id), null, List.of(), model);
		}
		catch (VersionStateException ex) {
			return refused(drafts.find(id), ex, response, model);
		}
		return "redirect:/rule-sets/drafts/" + id + "?uploaded#check";
	}

	@GetMapping("/rule-sets/drafts/{id}/diff")
	String diff(@PathVariable long id, Model model) {
		RuleSetDraft draft = drafts.find(id);
		model.addAttribute("draft", draft);
		model.addAttribute("parent", lifecycle.find(draft.parentVersionId()));
		model.addAttribute("diff", drafts.diff(draft));
		return "rule-set-draft-diff";
	}

	@PostMapping("/rule-sets/drafts/{id}/publication")
	String publish(@PathVariable long id, @RequestParam(required = false) String name,
			@RequestParam(required = false) String label, @RequestParam(required = false) String note,
			@RequestParam(required = false) Integer effectiveFrom, @RequestParam(required = false) Integer effectiveTo,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		String who = Requester.of(request);
		RuleSetVersions.Uploaded uploaded;
		try {
			uploaded = drafts.publish(id,
					new RuleSetVersions.Metadata(name, label, who, note, effectiveFrom, effectiveTo), who);
		}
		catch (IllegalArgumentException ex) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			String why = String.valueOf(ex.getMessage());
			model.addAttribute("publishError",
					message(why.contains("shipped rule set") ? "versions.refusal.shippedName"
							: why.contains("name") ? "versions.refusal.name" : why.contains("effective periods")
									? "versions.refusal.periods" : "versions.refusal.other"));
			model.addAttribute("refusalDetail", why);
			model.addAttribute("publishForm",
					new String[] { name, label, note, effectiveFrom == null ? "" : effectiveFrom.toString(),
							effectiveTo == null ? "" : effectiveTo.toString() });
			return page(drafts.find(id), null, List.of(), model);
		}
		catch (VersionStateException ex) {
			return refused(drafts.find(id), ex, response, model);
		}
		RuleSetVersion version = uploaded.version();
		return "redirect:/rule-sets/versions/" + version.id() + (uploaded.created() ? "?uploaded" : "?existing");
	}

	private String refused(RuleSetDraft draft, VersionStateException ex, HttpServletResponse response, Model model) {
		response.setStatus(HttpStatus.CONFLICT.value());
		model.addAttribute("refusal",
				message(draft.published() ? "workbench.refusal.published" : "workbench.refusal.problems"));
		model.addAttribute("refusalDetail", ex.getMessage());
		return page(draft, null, List.of(), model);
	}

	/** The draft's page: its check, its parameters form, its files and the next steps. */
	private String page(RuleSetDraft draft, List<DraftParameters.Row> submitted,
			List<DraftParameters.FieldError> errors, Model model) {
		RuleSetVersion parent = lifecycle.find(draft.parentVersionId());
		RuleSetVersions.Checked checked = drafts.check(draft);
		List<DraftParameters.Row> rows = submitted != null ? submitted : drafts.parameters(draft);
		List<DraftParameters.Row> known = drafts.parameters(draft);
		Map<String, Clause> clauses = clauses(draft);
		boolean english = "en".equals(LocaleContextHolder.getLocale().getLanguage());
		Map<Integer, Map<String, String>> fieldErrors = new HashMap<>();
		for (DraftParameters.FieldError e : errors) {
			fieldErrors.computeIfAbsent(e.row(), k -> new LinkedHashMap<>()).putIfAbsent(e.field(), fieldError(e));
		}
		List<ParameterRow> parameterRows = new ArrayList<>();
		for (int i = 0; i < rows.size(); i++) {
			DraftParameters.Row row = rows.get(i);
			if (submitted != null && row.parameter().isBlank() && row.value().isBlank()
					&& row.effectiveFrom().isBlank()) {
				continue;
			}
			Clause clause = clauses.get(row.clause().isBlank() ? clauseOf(known, row.parameter()) : row.clause());
			String words = clause == null ? ""
					: (english ? clause.textEn() : clause.textVi()).replaceAll("\\{[^}]*\\}", "…");
			// a stored value as the page's language writes decimals (0,5); a typed one as
			// typed
			String value = submitted != null || english ? row.value() : row.value().replace('.', ',');
			parameterRows.add(new ParameterRow(i, row, words, fieldErrors.getOrDefault(i, Map.of()), value));
		}
		model.addAttribute("draft", draft);
		model.addAttribute("parent", parent);
		model.addAttribute("checked", checked);
		model.addAttribute("scenarios", checked.scenarios());
		model.addAttribute("problems", problems(draft, checked.problems()));
		model.addAttribute("parameterRows", parameterRows);
		model.addAttribute("newRowIndex", rows.size());
		Map<String, DraftParameters.Row> choices = new LinkedHashMap<>();
		known.forEach(r -> choices.putIfAbsent(r.parameter(), r));
		model.addAttribute("parameterChoices", List.copyOf(choices.values()));
		model.addAttribute("units", java.util.Arrays.stream(Unit.values()).map(Unit::label).toList());
		model.addAttribute("textFiles",
				draft.files()
					.stream()
					.filter(f -> f.kind() != BundleFile.Kind.SCENARIO)
					.map(f -> new FileLink(f.path(), fileName(f.path())))
					.toList());
		model.addAttribute("scenarioFiles",
				draft.files()
					.stream()
					.filter(f -> f.kind() == BundleFile.Kind.SCENARIO)
					.map(f -> new FileLink(f.path(), fileName(f.path())))
					.toList());
		if (!model.containsAttribute("publishForm")) {
			model.addAttribute("publishForm",
					new String[] { "", parent.label(), "", String.valueOf(parent.effectiveFrom()),
							parent.effectiveTo() == null ? "" : parent.effectiveTo().toString() });
		}
		return "rule-set-draft";
	}

	private static String clauseOf(List<DraftParameters.Row> known, String parameter) {
		return known.stream()
			.filter(r -> r.parameter().equals(parameter))
			.map(DraftParameters.Row::clause)
			.findFirst()
			.orElse("");
	}

	/** The draft's clause register, by id (none when it cannot be read). */
	private static Map<String, Clause> clauses(RuleSetDraft draft) {
		Map<String, String> files = new HashMap<>();
		draft.files()
			.stream()
			.filter(f -> f.kind() == BundleFile.Kind.LAW)
			.forEach(f -> files.put(f.path(), new String(f.content(), StandardCharsets.UTF_8)));
		Map<String, Clause> clauses = new HashMap<>();
		if (files.size() == 2) {
			LawBook book = LawBook.read(files, new ArrayList<>());
			if (book != null) {
				book.register().clauses().forEach(c -> clauses.put(c.id(), c));
			}
		}
		return clauses;
	}

	private List<Problem> problems(RuleSetDraft draft, List<CompileError> errors) {
		List<Problem> problems = new ArrayList<>();
		for (CompileError e : errors) {
			boolean refused = e.message().contains("not allowed") || e.message().contains("are not allowed");
			String fix = null;
			Optional<BundleFile> file = draft.file(e.file());
			if (file.isPresent() && file.get().kind() == BundleFile.Kind.SCENARIO) {
				fix = "/rule-sets/drafts/" + draft.id() + "/scenarios?path="
						+ UriUtils.encodeQueryParam(e.file(), StandardCharsets.UTF_8);
			}
			else if (e.file().equals(LawBook.PARAMETERS)) {
				fix = "#parameters";
			}
			else if (file.isPresent()) {
				fix = "/rule-sets/drafts/" + draft.id() + "/drl?path="
						+ UriUtils.encodeQueryParam(e.file(), StandardCharsets.UTF_8)
						+ (e.line() > 0 ? "#line-" + e.line() : "");
			}
			problems.add(new Problem(e.file(), e.line(), refused, e.message(), fix));
		}
		return problems;
	}

	private String fieldError(DraftParameters.FieldError e) {
		Object[] args = e.args().toArray();
		if ("unit.changed".equals(e.code()) || "value.whole".equals(e.code())) {
			int last = args.length - 1;
			args[last] = message("workbench.unit." + args[last]);
		}
		return messages.getMessage("workbench.error." + e.code(), args, LocaleContextHolder.getLocale());
	}

	/**
	 * A file's name as people read it ({@code workbench.file.<path>} for the shipped
	 * bundles' files: "Tiêu chí loại I (Điều 4.1)"), else its path.
	 */
	private String fileName(String path) {
		return messages.getMessage("workbench.file." + path, null, path, LocaleContextHolder.getLocale());
	}

	private String message(String key) {
		return messages.getMessage(key, null, LocaleContextHolder.getLocale());
	}

	/** A scenario column as people read it: the facts' names, else the column's own. */
	private String columnName(String column) {
		Locale locale = LocaleContextHolder.getLocale();
		for (String key : List.of("fact." + column, "workbench.column." + column)) {
			String name = messages.getMessage(key, null, null, locale);
			if (name != null) {
				return name;
			}
		}
		return column;
	}

	private static List<DraftParameters.Row> submittedRows(HttpServletRequest request) {
		String[] parameter = values(request, "parameter");
		String[] unit = values(request, "unit");
		String[] from = values(request, "effectiveFrom");
		String[] value = values(request, "value");
		String[] note = values(request, "note");
		String[] remove = values(request, "remove");
		List<String> removed = List.of(remove);
		int n = Math.max(parameter.length, value.length);
		List<DraftParameters.Row> rows = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			if (removed.contains(String.valueOf(i))) {
				rows.add(new DraftParameters.Row("", "", "", "", "", ""));
				continue;
			}
			rows.add(
					new DraftParameters.Row(at(parameter, i), "", at(unit, i), at(from, i), at(value, i), at(note, i)));
		}
		return rows;
	}

	private static String[] values(HttpServletRequest request, String name) {
		String[] values = request.getParameterValues(name);
		return values == null ? new String[0] : values;
	}

	private static String at(String[] values, int i) {
		return i < values.length && values[i] != null ? values[i] : "";
	}

}
