package vn.drugcontrol.service.ruleset;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;

/**
 * What a draft changes in the version it came from: its parameters side by side (each
 * parameter's value from each period, before and after), and every other text file as a
 * unified diff (java-diff-utils), the way a code review shows it.
 *
 * @param parameters every parameter value of either side, changed or not
 * @param files the files that differ, in path order
 */
public record DraftDiff(List<ParameterChange> parameters, List<FileChange> files) {

	/**
	 * One parameter's value from one period in the parent and in the draft (null where a
	 * side has none).
	 */
	public record ParameterChange(String parameter, String clause, String unit, String effectiveFrom, String before,
			String after) {

		public boolean changed() {
			return !Objects.equals(before, after);
		}

	}

	/**
	 * A file that differs: added, removed or changed; its unified diff (empty for a
	 * spreadsheet, whose bytes are not text).
	 */
	public record FileChange(String path, Change change, List<Line> lines) {
	}

	/** What happened to a file. */
	public enum Change {

		ADDED, REMOVED, CHANGED

	}

	/** A line of a unified diff, with what it is for the page's colours. */
	public record Line(String text, String kind) {

		static Line of(String text) {
			String kind = text.startsWith("+++") || text.startsWith("---") ? "file" : text.startsWith("@@") ? "hunk"
					: text.startsWith("+") ? "added" : text.startsWith("-") ? "removed" : "context";
			return new Line(text, kind);
		}

	}

	public boolean parametersChanged() {
		return parameters.stream().anyMatch(ParameterChange::changed);
	}

	public boolean empty() {
		return files.isEmpty();
	}

	static DraftDiff of(List<BundleFile> parent, List<BundleFile> draft) {
		Map<String, BundleFile> before = byPath(parent);
		Map<String, BundleFile> after = byPath(draft);
		List<ParameterChange> parameters = parameters(before.get(vn.drugcontrol.rules.law.LawBook.PARAMETERS),
				after.get(vn.drugcontrol.rules.law.LawBook.PARAMETERS));
		List<FileChange> files = new ArrayList<>();
		TreeSet<String> paths = new TreeSet<>(before.keySet());
		paths.addAll(after.keySet());
		for (String path : paths) {
			BundleFile a = before.get(path);
			BundleFile b = after.get(path);
			if (a != null && b != null && Arrays.equals(a.content(), b.content())) {
				continue;
			}
			Change change = a == null ? Change.ADDED : b == null ? Change.REMOVED : Change.CHANGED;
			boolean text = !path.toLowerCase(java.util.Locale.ROOT).endsWith(".xlsx");
			List<Line> lines = text ? unified(path, a, b) : List.of();
			files.add(new FileChange(path, change, lines));
		}
		return new DraftDiff(parameters, files);
	}

	private static List<Line> unified(String path, BundleFile a, BundleFile b) {
		List<String> original = lines(a);
		List<String> revised = lines(b);
		Patch<String> patch = DiffUtils.diff(original, revised);
		return UnifiedDiffUtils
			.generateUnifiedDiff(a == null ? "/dev/null" : "a/" + path, b == null ? "/dev/null" : "b/" + path, original,
					patch, 3)
			.stream()
			.map(Line::of)
			.toList();
	}

	private static List<String> lines(BundleFile file) {
		if (file == null) {
			return List.of();
		}
		return List.of(new String(file.content(), StandardCharsets.UTF_8).split("\r?\n", -1));
	}

	private static List<ParameterChange> parameters(BundleFile before, BundleFile after) {
		Map<String, DraftParameters.Row> a = keyed(before);
		Map<String, DraftParameters.Row> b = keyed(after);
		Map<String, DraftParameters.Row> all = new LinkedHashMap<>(a);
		b.forEach(all::putIfAbsent);
		List<ParameterChange> changes = new ArrayList<>();
		all.forEach((key, row) -> {
			DraftParameters.Row x = a.get(key);
			DraftParameters.Row y = b.get(key);
			changes.add(new ParameterChange(row.parameter(), row.clause(), row.unit(), row.effectiveFrom(),
					x == null ? null : x.value(), y == null ? null : y.value()));
		});
		return changes;
	}

	private static Map<String, DraftParameters.Row> keyed(BundleFile file) {
		Map<String, DraftParameters.Row> rows = new LinkedHashMap<>();
		if (file != null) {
			DraftParameters.read(file.content()).forEach(r -> rows.put(r.parameter() + "@" + r.effectiveFrom(), r));
		}
		return rows;
	}

	private static Map<String, BundleFile> byPath(List<BundleFile> files) {
		Map<String, BundleFile> map = new LinkedHashMap<>();
		files.forEach(f -> map.put(f.path(), f));
		return map;
	}

}
