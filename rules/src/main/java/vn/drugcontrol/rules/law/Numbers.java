package vn.drugcontrol.rules.law;

import java.math.BigDecimal;

/**
 * A parameter's value as people read it: Vietnamese writes {@code 0,5%} and
 * {@code 3.000}, English {@code 0.5%} and {@code 3,000}; the Decision writes small counts
 * with two digits ({@code 02 điểm}).
 */
final class Numbers {

	private Numbers() {
	}

	/** The plain digits, no grouping: {@code 0.5}, {@code 3000} (thresholds' texts). */
	static String plain(BigDecimal value) {
		BigDecimal v = value.stripTrailingZeros();
		return (v.scale() < 0 ? v.setScale(0) : v).toPlainString();
	}

	static String format(BigDecimal value, Unit unit, boolean vietnamese, boolean twoDigits) {
		String plain = plain(value);
		int dot = plain.indexOf('.');
		String whole = dot < 0 ? plain : plain.substring(0, dot);
		String decimals = dot < 0 ? "" : plain.substring(dot + 1);
		StringBuilder grouped = new StringBuilder();
		for (int i = 0; i < whole.length(); i++) {
			if (i > 0 && (whole.length() - i) % 3 == 0 && whole.length() > 3) {
				grouped.append(vietnamese ? '.' : ',');
			}
			grouped.append(whole.charAt(i));
		}
		if (twoDigits && grouped.length() == 1) {
			grouped.insert(0, '0');
		}
		String text = decimals.isEmpty() ? grouped.toString() : grouped + (vietnamese ? "," : ".") + decimals;
		return unit == Unit.PERCENT ? text + "%" : text;
	}

}
