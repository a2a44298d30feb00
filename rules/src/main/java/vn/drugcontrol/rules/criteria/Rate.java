package vn.drugcontrol.rules.criteria;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A count out of a base (people out of the population, communes out of all communes),
 * compared with percentages exactly: 10 of 2,000 is exactly 0.5%, never 0.49999.
 *
 * @param count the people or units counted
 * @param base the population or number of units, the denominator
 */
public record Rate(long count, long base) {

	private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

	public Rate {
		if (count < 0 || base <= 0) {
			throw new IllegalArgumentException("a rate needs count >= 0 and base > 0, got " + count + "/" + base);
		}
	}

	/** {@code count / base >= percent / 100}, decided in integers and exact decimals. */
	public boolean isAtLeastPercent(BigDecimal percent) {
		return BigDecimal.valueOf(count).multiply(HUNDRED).compareTo(percent.multiply(BigDecimal.valueOf(base))) >= 0;
	}

	/**
	 * How many must leave the count for the rate to fall below {@code percent}%: 0 when
	 * it is below already. Exact: of 2,000 residents, 10 is 0.5%, so 10 users are 1 too
	 * many for "below 0.5%".
	 */
	public long excessFrom(String percent) {
		BigDecimal bound = new BigDecimal(percent).multiply(BigDecimal.valueOf(base)).divide(HUNDRED);
		long mostBelow = bound.setScale(0, RoundingMode.CEILING).longValueExact() - 1;
		return Math.max(0, count - Math.max(mostBelow, 0));
	}

	/**
	 * The rate in percent, rounded to three decimals: for display only, never for
	 * comparison.
	 */
	public BigDecimal percent() {
		return BigDecimal.valueOf(count).multiply(HUNDRED).divide(BigDecimal.valueOf(base), 3, RoundingMode.HALF_UP);
	}

	@Override
	public String toString() {
		return percent().stripTrailingZeros().toPlainString() + "% (" + count + "/" + base + ")";
	}

}
