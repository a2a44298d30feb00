package vn.drugcontrol.rules.criteria;

import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What point đ of Art. 4 looks at: whether the commune lies on a key route, and which
 * other criteria (by measure) it meets at the bands the point names.
 */
public record RouteFinding(boolean onIntraProvincialRoute, boolean onInterProvincialRoute, Set<Measure> measuresMet) {

	/**
	 * @param assessed the evidence of the bands point đ counts (e.g. types I and II for
	 * "type II or above")
	 */
	public static RouteFinding of(boolean onIntra, boolean onInter, Collection<?> assessed) {
		Set<Measure> met = EnumSet.noneOf(Measure.class);
		for (Object o : assessed) {
			CriterionEvidence e = (CriterionEvidence) o;
			if (e.met() && e.measure() != Measure.KEY_ROUTE) {
				met.add(e.measure());
			}
		}
		return new RouteFinding(onIntra, onInter, Set.copyOf(met));
	}

	public boolean onKeyRoute() {
		return onIntraProvincialRoute || onInterProvincialRoute;
	}

	@Override
	public String toString() {
		String route = onInterProvincialRoute ? "tuyến liên tỉnh/inter-provincial route"
				: onIntraProvincialRoute ? "tuyến nội tỉnh/intra-provincial route" : "không trên tuyến/not on a route";
		return route + "; " + measuresMet.size() + " tiêu chí/criteria "
				+ measuresMet.stream().sorted().map(Enum::name).collect(Collectors.joining(", ", "[", "]"));
	}

}
