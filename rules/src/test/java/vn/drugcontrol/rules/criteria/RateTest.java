package vn.drugcontrol.rules.criteria;

import java.math.BigDecimal;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

/**
 * Exact rates: a count out of a base compared with a percentage, never rounded.
 */
class RateTest {

	private static final BigDecimal HALF = new BigDecimal("0.5");

	@Nested
	class Comparison {

		@Test
		void tenOfTwoThousandIsExactlyHalfAPercent() {
			assertThat(new Rate(10, 2_000).isAtLeastPercent(HALF)).isTrue();
			assertThat(new Rate(9, 2_000).isAtLeastPercent(HALF)).isFalse();
		}

		@Test
		void oneThirdIsAtLeastThirtyThreePointThreeThreeButNotThirtyThreePointFour() {
			assertThat(new Rate(1, 3).isAtLeastPercent(new BigDecimal("33.33"))).isTrue();
			assertThat(new Rate(1, 3).isAtLeastPercent(new BigDecimal("33.34"))).isFalse();
		}

		@Test
		void zeroIsAtLeastZeroPercentAndBelowAnythingMore() {
			assertThat(new Rate(0, 1).isAtLeastPercent(BigDecimal.ZERO)).isTrue();
			assertThat(new Rate(0, 1).isAtLeastPercent(new BigDecimal("0.0000001"))).isFalse();
		}

		@Test
		void countsNearLongMaxValueDoNotOverflow() {
			assertThat(new Rate(Long.MAX_VALUE, Long.MAX_VALUE).isAtLeastPercent(new BigDecimal("100"))).isTrue();
			assertThat(new Rate(46_116_860_184_273_880L, Long.MAX_VALUE).isAtLeastPercent(HALF)).isTrue();
			assertThat(new Rate(46_116_860_184_273_879L, Long.MAX_VALUE).isAtLeastPercent(HALF)).isFalse();
		}

		@Test
		void fifteenMillionOfThreeBillionIsExactlyHalfAPercent() {
			assertThat(new Rate(15_000_000L, 3_000_000_000L).isAtLeastPercent(HALF)).isTrue();
			assertThat(new Rate(14_999_999L, 3_000_000_000L).isAtLeastPercent(HALF)).isFalse();
		}

	}

	@Nested
	class Display {

		@Test
		void percentIsRoundedToThreeDecimalsForPeopleOnly() {
			Rate rate = new Rate(1, 3);
			assertThat(rate.percent()).isEqualByComparingTo("33.333");
			assertThat(rate).hasToString("33.333% (1/3)");
		}

		@Test
		void aRoundedDisplayNeverDecidesAComparison() {
			// 49,999 of 10,000,000 displays as 0.500% but is under 0.5%
			Rate rate = new Rate(49_999, 10_000_000);
			assertThat(rate.percent()).isEqualByComparingTo("0.500");
			assertThat(rate.isAtLeastPercent(HALF)).isFalse();
		}

	}

	@Nested
	class Validation {

		@Test
		void aBaseOfZeroIsRejected() {
			assertThatIllegalArgumentException().isThrownBy(() -> new Rate(0, 0));
		}

		@Test
		void aNegativeCountIsRejected() {
			assertThatIllegalArgumentException().isThrownBy(() -> new Rate(-1, 10));
		}

	}

}
