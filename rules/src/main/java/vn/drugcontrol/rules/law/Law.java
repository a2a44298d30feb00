package vn.drugcontrol.rules.law;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Predicate;

import org.kie.api.runtime.rule.RuleContext;

import vn.drugcontrol.rules.criteria.CriterionEvidence;
import vn.drugcontrol.rules.criteria.Measure;
import vn.drugcontrol.rules.criteria.PlantFinding;
import vn.drugcontrol.rules.criteria.Rate;
import vn.drugcontrol.rules.criteria.RouteFinding;
import vn.drugcontrol.rules.criteria.Threshold;

/**
 * The law for one evaluation period, as a fact in every session of a bundle that has a
 * clause register and parameters: rules match it ({@code $law : Law()}) and read every
 * number of the Decision from it by name, never typing one.
 * <ul>
 * <li>bounds: {@code $law.percentAtLeast("type1.users_rate")}, {@code $law.atLeast(…)},
 * {@code $law.plantsAtLeast("type1.plants", "type1.plant_area")}, …;</li>
 * <li>counts: {@code met >= $law.count("type1.criteria_needed")};</li>
 * <li>evidence: {@code $law.assess(kcontext, unitCode, measure, observed, bound)} records
 * the criterion the rule declares with {@code @clause("4.1.a")}, with the register's text
 * for the period;</li>
 * <li>what it would take: {@code $law.excess("type1.users_rate", rate)} (how many must go
 * to fall below), {@code $law.vi(…)}, {@code $law.en(…)} (a value as people read
 * it);</li>
 * <li>structure: {@code $law.criteriaOf("4.1")}, the criteria an article has.</li>
 * </ul>
 */
public final class Law {

	private final LawBook book;

	private final int period;

	private final Map<String, BigDecimal> values;

	private final Map<String, String[]> texts = new ConcurrentHashMap<>();

	Law(LawBook book, int period, Map<String, BigDecimal> values) {
		this.book = book;
		this.period = period;
		this.values = Map.copyOf(values);
	}

	/** The evaluation period this law is for. */
	public int period() {
		return period;
	}

	/** A whole-number parameter: points, plants or criteria. */
	public long count(String parameter) {
		return value(parameter, "a whole number", Unit::whole).longValueExact();
	}

	// --- bounds

	/** rate ≥ the parameter's percent */
	public Threshold<Rate> percentAtLeast(String parameter) {
		BigDecimal p = percent(parameter);
		return with(Threshold.percentAtLeast(Numbers.plain(p)), parameter, rate(p));
	}

	/** lower ≤ rate &lt; upper: a band written as an exclusive range */
	public Threshold<Rate> percentInBand(String lower, String upper) {
		BigDecimal lo = percent(lower);
		BigDecimal hi = percent(upper);
		return with(with(Threshold.percentInBand(Numbers.plain(lo), Numbers.plain(hi)), lower, rate(lo)), upper,
				rate(hi));
	}

	/** rate &lt; the parameter's percent, zero included */
	public Threshold<Rate> percentBelow(String parameter) {
		BigDecimal p = percent(parameter);
		return with(Threshold.percentBelow(Numbers.plain(p)), parameter, rate(p));
	}

	/**
	 * Any rate: the band below the parameter "or higher", as the cumulative reading takes
	 * a lowest band (it still records which side of the parameter the rate is on).
	 */
	public Threshold<Rate> percentBelowOrHigher(String parameter) {
		BigDecimal p = percent(parameter);
		return with(Threshold.anyValue("< " + Numbers.plain(p) + "% hoặc cao hơn/or higher"), parameter, rate(p));
	}

	/** count ≥ the parameter */
	public Threshold<Long> atLeast(String parameter) {
		long n = count(parameter);
		Predicate<Long> edge = c -> c >= n;
		return with(Threshold.atLeast(n), parameter, edge);
	}

	/** count = the parameter */
	public Threshold<Long> exactly(String parameter) {
		long n = count(parameter);
		Predicate<Long> edge = c -> c >= n;
		return with(Threshold.exactly(n), parameter, edge);
	}

	/** plants ≥ the plants parameter or area ≥ the area parameter */
	public Threshold<PlantFinding> plantsAtLeast(String plants, String area) {
		long n = plants(plants);
		BigDecimal a = area(area);
		return with(with(Threshold.plantsAtLeast(n, Numbers.plain(a)), plants, plantsEdge(n)), area, areaEdge(a));
	}

	/**
	 * reaches the lower plants or area, but neither the upper plants nor the upper area
	 */
	public Threshold<PlantFinding> plantsInBand(String lowerPlants, String lowerArea, String upperPlants,
			String upperArea) {
		long lp = plants(lowerPlants);
		BigDecimal la = area(lowerArea);
		long up = plants(upperPlants);
		BigDecimal ua = area(upperArea);
		Threshold<PlantFinding> band = Threshold.plantsInBand(lp, Numbers.plain(la), up, Numbers.plain(ua));
		return with(with(with(with(band, lowerPlants, plantsEdge(lp)), lowerArea, areaEdge(la)), upperPlants,
				plantsEdge(up)), upperArea, areaEdge(ua));
	}

	/** reaches neither the plants nor the area parameter */
	public Threshold<PlantFinding> plantsBelow(String plants, String area) {
		long n = plants(plants);
		BigDecimal a = area(area);
		return with(with(Threshold.plantsBelow(n, Numbers.plain(a)), plants, plantsEdge(n)), area, areaEdge(a));
	}

	/**
	 * Any finding: the band below plants or area "or higher" (the cumulative reading).
	 */
	public Threshold<PlantFinding> plantsBelowOrHigher(String plants, String area) {
		long n = plants(plants);
		BigDecimal a = area(area);
		Threshold<PlantFinding> any = Threshold
			.anyValue("< " + n + " cây/plants hoặc/or < " + Numbers.plain(a) + " m², hoặc cao hơn/or higher");
		return with(with(any, plants, plantsEdge(n)), area, areaEdge(a));
	}

	/**
	 * on an intra- or inter-provincial key route, meeting at least the parameter's
	 * criteria
	 */
	public Threshold<RouteFinding> onKeyRouteMeetingAtLeast(String criteria) {
		long n = count(criteria);
		Predicate<RouteFinding> edge = f -> f.measuresMet().size() >= n;
		return with(Threshold.onKeyRouteMeetingAtLeast((int) n), criteria, edge);
	}

	// --- evidence

	/**
	 * Assesses the criterion the calling rule declares with {@code @clause("…")}: the
	 * evidence carries the clause's article and point and its text in the register, with
	 * this period's values.
	 */
	public <T> CriterionEvidence assess(RuleContext rule, String unitCode, Measure measure, T observed,
			Threshold<T> threshold) {
		Clause clause = book.criterionOf(rule.getRule());
		String[] text = texts.computeIfAbsent(clause.id(), id -> new String[] {
				book.render(clause.textVi(), values, true), book.render(clause.textEn(), values, false) });
		return new CriterionEvidence(unitCode, clause.evidenceArticle(), clause.evidencePoint(), measure, text[0],
				text[1], String.valueOf(observed), threshold.text(), threshold.isMetBy(observed),
				rule.getRule().getName(), threshold.reached(observed));
	}

	// --- what would it take

	/** How many must leave the count for the rate to fall below the parameter. */
	public long excess(String parameter, Rate rate) {
		return rate.excessFrom(Numbers.plain(percent(parameter)));
	}

	/** How many fewer for a count to fall below the parameter: 0 when below already. */
	public long excess(String parameter, long count) {
		return Math.max(0, count - (count(parameter) - 1));
	}

	/** How many plants fewer to fall below the plants parameter. */
	public long excess(String parameter, PlantFinding finding) {
		return finding.plantsFrom(plants(parameter));
	}

	/**
	 * How many whole m² fewer for the area to fall below the area parameter: 0 when below
	 * already (a finding in its band by area, not by plants, says how far by this).
	 */
	public long areaExcess(String parameter, PlantFinding finding) {
		BigDecimal over = finding.areaM2().subtract(area(parameter));
		return over.signum() < 0 ? 0 : over.setScale(0, java.math.RoundingMode.FLOOR).longValueExact() + 1;
	}

	/**
	 * How far a finding must fall to leave a band of "plants or area": the plants fewer
	 * when the plants reach their bound, else the whole m² fewer (so a finding in the
	 * band by area alone does not show 0).
	 */
	public long plantsOrAreaExcess(String plants, String area, PlantFinding finding) {
		long byPlants = excess(plants, finding);
		return byPlants > 0 ? byPlants : areaExcess(area, finding);
	}

	/** A parameter's value as Vietnamese writes it: {@code 0,5%}, {@code 3.000}. */
	public String vi(String parameter) {
		return Numbers.format(value(parameter, "a parameter", u -> true), unit(parameter), true, false);
	}

	/** A parameter's value as English writes it: {@code 0.5%}, {@code 3,000}. */
	public String en(String parameter) {
		return Numbers.format(value(parameter, "a parameter", u -> true), unit(parameter), false, false);
	}

	// --- structure

	/** How many criteria an article has in the register, e.g. 5 for {@code 4.1}. */
	public int criteriaOf(String article) {
		return book.register().criteriaOf(article);
	}

	/** How many criteria an article has besides one point, e.g. {@code 4.1} besides đ. */
	public int criteriaOf(String article, String exceptPoint) {
		return book.register().criteriaOf(article, exceptPoint);
	}

	@Override
	public String toString() {
		return "Law[period " + period + ", " + values.size() + " parameters]";
	}

	// --- the parameters, by unit

	private BigDecimal percent(String parameter) {
		return value(parameter, "a percentage", u -> u == Unit.PERCENT);
	}

	private long plants(String parameter) {
		return value(parameter, "a number of plants", u -> u == Unit.PLANTS).longValueExact();
	}

	private BigDecimal area(String parameter) {
		return value(parameter, "an area in m²", u -> u == Unit.M2);
	}

	private Unit unit(String parameter) {
		return book.parameters()
			.find(parameter)
			.orElseThrow(() -> new IllegalArgumentException("no parameter " + parameter + " in " + LawBook.PARAMETERS))
			.unit();
	}

	private BigDecimal value(String parameter, String what, Predicate<Unit> fits) {
		BigDecimal value = values.get(parameter);
		if (value == null) {
			throw new IllegalArgumentException("no parameter " + parameter + " in " + LawBook.PARAMETERS);
		}
		Unit unit = unit(parameter);
		if (!fits.test(unit)) {
			throw new IllegalArgumentException(parameter + " is in " + unit.label() + ", not " + what);
		}
		return value;
	}

	private static Predicate<Rate> rate(BigDecimal percent) {
		return r -> r.isAtLeastPercent(percent);
	}

	private static Predicate<PlantFinding> plantsEdge(long plants) {
		return f -> f.plants() >= plants;
	}

	private static Predicate<PlantFinding> areaEdge(BigDecimal area) {
		return f -> f.areaM2().compareTo(area) >= 0;
	}

	/**
	 * The bound with one more edge: the parameter it reads, and when a value reaches it.
	 */
	private static <T> Threshold<T> with(Threshold<T> bound, String parameter, Predicate<T> edge) {
		Map<String, Predicate<T>> edges = new LinkedHashMap<>(bound.edges());
		edges.putIfAbsent(parameter, edge);
		return new Threshold<>(bound.text(), bound.test(), edges);
	}

}
