package vn.drugcontrol.service.facts;

import vn.drugcontrol.rules.commune.FactsColumn;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The facts contract's columns in order ({@link FactsColumn}, declared once in the rules
 * module), and look-ups by header and field.
 */
public final class FactsColumns {

	/** All columns, in the contract's order. */
	public static final List<FactsColumn> ALL = FactsColumn.ALL;

	private FactsColumns() {
	}

	/** The CSV / XLSX headers (snake_case), in order. */
	public static List<String> headers() {
		return ALL.stream().map(FactsColumn::header).toList();
	}

	/** The JSON fields (camelCase), in order. */
	public static List<String> fields() {
		return ALL.stream().map(FactsColumn::field).toList();
	}

	/** The header row of a CSV template. */
	public static String csvHeaderLine() {
		return String.join(",", headers());
	}

	/** The column with this header; case and surrounding spaces are ignored. */
	public static Optional<FactsColumn> byHeader(String header) {
		String h = UnitNames.clean(header).toLowerCase(Locale.ROOT);
		return ALL.stream().filter((c) -> c.header().equals(h)).findFirst();
	}

	/** The column with this JSON field (exact). */
	public static Optional<FactsColumn> byField(String field) {
		return ALL.stream().filter((c) -> c.field().equals(field)).findFirst();
	}

	/**
	 * A column the given name was probably meant to be (the other naming style, other
	 * separators, or a typo of one or two letters).
	 */
	static Optional<FactsColumn> guess(String name) {
		String squeezed = squeeze(name);
		Optional<FactsColumn> same = ALL.stream().filter((c) -> squeeze(c.header()).equals(squeezed)).findFirst();
		if (same.isPresent()) {
			return same;
		}
		return ALL.stream().filter((c) -> distance(squeezed, squeeze(c.header())) <= 2).findFirst();
	}

	static String names(boolean json) {
		return ALL.stream().map(json ? FactsColumn::field : FactsColumn::header).collect(Collectors.joining(", "));
	}

	private static String squeeze(String name) {
		return UnitNames.clean(name).toLowerCase(Locale.ROOT).replaceAll("[\\s_\\-.]", "");
	}

	private static int distance(String a, String b) {
		int[] prev = new int[b.length() + 1];
		int[] cur = new int[b.length() + 1];
		for (int j = 0; j <= b.length(); j++) {
			prev[j] = j;
		}
		for (int i = 1; i <= a.length(); i++) {
			cur[0] = i;
			for (int j = 1; j <= b.length(); j++) {
				int cost = (a.charAt(i - 1) == b.charAt(j - 1)) ? 0 : 1;
				cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
			}
			int[] t = prev;
			prev = cur;
			cur = t;
		}
		return prev[b.length()];
	}

}
