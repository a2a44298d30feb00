package vn.drugcontrol.rules.criteria;

import java.math.BigDecimal;

/**
 * Drug plants found and destroyed in the period (Art. 4 point d), measured both in plants
 * and in square metres. The law's bands are "X plants or Y m²": a finding reaches a band
 * when either measure does.
 */
public record PlantFinding(long plants, BigDecimal areaM2) {

	public PlantFinding {
		areaM2 = areaM2 == null ? BigDecimal.ZERO : areaM2;
	}

	/**
	 * Whether either measure reaches its bound: plants ≥ {@code plants} or area ≥
	 * {@code areaM2}.
	 */
	public boolean reaches(long plants, BigDecimal areaM2) {
		return this.plants >= plants || this.areaM2.compareTo(areaM2) >= 0;
	}

	/**
	 * How many plants fewer would be below {@code bound} plants: 0 when below already.
	 */
	public long plantsFrom(long bound) {
		return Math.max(0, plants - (bound - 1));
	}

	/** Whether the area reaches {@code areaM2} m². */
	public boolean areaReaches(String areaM2) {
		return this.areaM2.compareTo(new BigDecimal(areaM2)) >= 0;
	}

	public boolean isNone() {
		return plants == 0 && areaM2.signum() == 0;
	}

	@Override
	public String toString() {
		return plants + " cây/plants; " + areaM2.stripTrailingZeros().toPlainString() + " m²";
	}

}
