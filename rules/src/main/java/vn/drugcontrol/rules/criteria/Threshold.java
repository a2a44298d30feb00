package vn.drugcontrol.rules.criteria;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * A bound the law sets, with the words shown to people; this class only knows how to
 * compare exactly. Rules of a bundle with parameters get their thresholds from the
 * {@link vn.drugcontrol.rules.law.Law} fact
 * ({@code $law.percentAtLeast("type1.users_rate")}), which also names the parameters the
 * bound reads; the factories here, taking the numbers themselves, serve bundles without
 * parameters.
 *
 * @param <T> the observation it applies to
 * @param text the bound as people read it, e.g. {@code ≥ 0.5%}
 * @param test whether an observation meets it
 * @param edges for each parameter the bound reads, whether an observation reaches it (is
 * at or above its value): which side of each edge a scenario row is on, for the build's
 * clause coverage
 */
public record Threshold<T>(String text, Predicate<T> test, Map<String, Predicate<T>> edges) {

	public Threshold {
		edges = Map.copyOf(edges);
	}

	/** A bound that reads no parameter. */
	public Threshold(String text, Predicate<T> test) {
		this(text, test, Map.of());
	}

	public boolean isMetBy(T observed) {
		return test.test(observed);
	}

	/** For each parameter the bound reads: whether the observation reaches it. */
	public Map<String, Boolean> reached(T observed) {
		Map<String, Boolean> sides = new LinkedHashMap<>();
		edges.forEach((parameter, edge) -> sides.put(parameter, edge.test(observed)));
		return sides;
	}

	/** rate ≥ percent */
	public static Threshold<Rate> percentAtLeast(String percent) {
		BigDecimal p = new BigDecimal(percent);
		return new Threshold<>("≥ " + percent + "%", r -> r.isAtLeastPercent(p));
	}

	/** lower ≤ rate &lt; upper (a band written as an exclusive range) */
	public static Threshold<Rate> percentInBand(String lower, String upper) {
		BigDecimal lo = new BigDecimal(lower);
		BigDecimal hi = new BigDecimal(upper);
		return new Threshold<>(lower + "% ≤ … < " + upper + "%",
				r -> r.isAtLeastPercent(lo) && !r.isAtLeastPercent(hi));
	}

	/** rate &lt; percent, zero included */
	public static Threshold<Rate> percentBelow(String percent) {
		BigDecimal p = new BigDecimal(percent);
		return new Threshold<>("< " + percent + "%", r -> !r.isAtLeastPercent(p));
	}

	/** count ≥ n */
	public static Threshold<Long> atLeast(long n) {
		return new Threshold<>("≥ " + n, c -> c >= n);
	}

	/** count = n */
	public static Threshold<Long> exactly(long n) {
		return new Threshold<>("= " + n, c -> c == n);
	}

	/** plants ≥ n or area ≥ m² */
	public static Threshold<PlantFinding> plantsAtLeast(long plants, String areaM2) {
		BigDecimal area = new BigDecimal(areaM2);
		return new Threshold<>("≥ " + plants + " cây/plants hoặc/or ≥ " + areaM2 + " m²", f -> f.reaches(plants, area));
	}

	/** reaches (lowerPlants or lowerArea) but not (upperPlants or upperArea) */
	public static Threshold<PlantFinding> plantsInBand(long lowerPlants, String lowerArea, long upperPlants,
			String upperArea) {
		BigDecimal lo = new BigDecimal(lowerArea);
		BigDecimal hi = new BigDecimal(upperArea);
		return new Threshold<>(
				lowerPlants + "–<" + upperPlants + " cây/plants hoặc/or " + lowerArea + "–<" + upperArea + " m²",
				f -> f.reaches(lowerPlants, lo) && !f.reaches(upperPlants, hi));
	}

	/** reaches neither plants nor area: the band below "plants or area" */
	public static Threshold<PlantFinding> plantsBelow(long plants, String areaM2) {
		BigDecimal area = new BigDecimal(areaM2);
		return new Threshold<>("< " + plants + " cây/plants và/and < " + areaM2 + " m²", f -> !f.reaches(plants, area));
	}

	/** Any value meets it: used where a reading makes a criterion hold for every unit. */
	public static <T> Threshold<T> anyValue(String text) {
		return new Threshold<>(text, o -> true);
	}

	/** on an intra- or inter-provincial key route, meeting at least n other criteria */
	public static Threshold<RouteFinding> onKeyRouteMeetingAtLeast(int n) {
		return new Threshold<>("trên tuyến/on a key route + ≥ " + n + " tiêu chí/criteria",
				f -> f.onKeyRoute() && f.measuresMet().size() >= n);
	}

	/** on an inter-provincial key route (Art. 5.6) */
	public static Threshold<RouteFinding> onInterProvincialRoute() {
		return new Threshold<>("trên tuyến liên tỉnh/on an inter-provincial route",
				RouteFinding::onInterProvincialRoute);
	}

	/** no user outside the exempt groups (Art. 6.1) */
	public static Threshold<UsersOutsideExemptions> noUsersOutsideExemptions() {
		return new Threshold<>("= 0", u -> u.total() == 0);
	}

	/** no drug-use point (Art. 6.3) */
	public static Threshold<Long> noPoints() {
		return new Threshold<>("= 0", c -> c == 0);
	}

	/** nobody counted (Art. 6.2) */
	public static Threshold<Persons> noPersons() {
		return new Threshold<>("= 0", p -> p.total() == 0);
	}

}
