package vn.drugcontrol.rules.law;

import java.math.BigDecimal;
import java.util.Locale;

/**
 * What a parameter counts or measures, which values it may take, and its step: the
 * smallest change the build's mutation gate tries (one person in 10,000 residents for a
 * rate, one plant, one square metre, one point, one criterion).
 */
public enum Unit {

	/** A share in percent (0–100), a decimal: {@code 0.5} is 0.5%. */
	PERCENT(false, new BigDecimal("0.01")),
	/** An area in square metres, a decimal. */
	M2(false, BigDecimal.ONE),
	/** Drug plants, a whole number. */
	PLANTS(true, BigDecimal.ONE),
	/** Drug-use points, a whole number. */
	POINTS(true, BigDecimal.ONE),
	/** Criteria (of a count rule, or point đ's other criteria), a whole number. */
	CRITERIA(true, BigDecimal.ONE);

	private final boolean whole;

	private final BigDecimal step;

	Unit(boolean whole, BigDecimal step) {
		this.whole = whole;
		this.step = step;
	}

	static Unit of(String text) {
		try {
			return valueOf(text.strip().toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	public boolean whole() {
		return whole;
	}

	public BigDecimal step() {
		return step;
	}

	public String label() {
		return name().toLowerCase(Locale.ROOT);
	}

	/** Why a value is not one of this unit's, or null when it is. */
	String problem(BigDecimal value) {
		if (value.signum() < 0) {
			return "must not be negative";
		}
		if (whole && value.stripTrailingZeros().scale() > 0) {
			return "must be a whole number of " + label();
		}
		if (this == PERCENT && value.compareTo(BigDecimal.valueOf(100)) > 0) {
			return "is a percentage: at most 100";
		}
		return null;
	}

}
