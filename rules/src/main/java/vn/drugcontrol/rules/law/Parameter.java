package vn.drugcontrol.rules.law;

import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * A number of the Decision, named once: its unit, the clause it belongs to and its values
 * over time. A run's period takes the latest value effective at that period; a period
 * before the first value has none (an error, never a default).
 *
 * @param id e.g. {@code type1.users_rate}
 * @param clause the clause whose number it is, e.g. {@code 4.1.a}
 * @param values its values, by the period they take effect from, oldest first
 */
public record Parameter(String id, Unit unit, String clause, List<Dated> values) {

	/**
	 * One value and the evaluation period it takes effect from.
	 *
	 * @param line its line in {@code law/parameters.csv}
	 */
	public record Dated(int effectiveFrom, BigDecimal value, String note, int line) {
	}

	public Parameter {
		values = List.copyOf(values);
	}

	/** The value in force at a period: the latest one effective at or before it. */
	public Optional<BigDecimal> valueAt(int period) {
		BigDecimal value = null;
		for (Dated d : values) {
			if (d.effectiveFrom() <= period) {
				value = d.value();
			}
		}
		return Optional.ofNullable(value);
	}

	public int firstPeriod() {
		return values.get(0).effectiveFrom();
	}

}
