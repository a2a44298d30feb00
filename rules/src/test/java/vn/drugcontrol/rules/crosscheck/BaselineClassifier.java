package vn.drugcontrol.rules.crosscheck;

import java.math.RoundingMode;
import java.util.Set;
import java.util.TreeSet;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;

/**
 * The default reading of Decision 28/2025, written again in plain Java straight from the
 * criteria document ("The default reading the shipped rule set encodes"), with its own
 * integer arithmetic and none of the rules module's criteria classes: a second opinion
 * for the DRL.
 * <ul>
 * <li>Type I: at least 3 of users ≥ 0.5%; points ≥ 2; arrests ≥ 0.1%; plants ≥ 3,000 or
 * area ≥ 750 m²; on a route and at least 2 of users ≥ 0.1%, points ≥ 1, arrests ≥ 0.05%,
 * plants ≥ 500 or area ≥ 125 m².</li>
 * <li>Type II: at least 3 of users ≥ 0.1%; points ≥ 1; arrests ≥ 0.05%; plants ≥ 500 or
 * area ≥ 125 m²; on a route.</li>
 * <li>Drug-free: all of Art. 6, and not type I or II.</li>
 * <li>Type III: every other commune.</li>
 * </ul>
 */
public final class BaselineClassifier {

	/** What the baseline decides for one commune. */
	public record Decision(Classification classification, Set<String> criteriaMet, boolean drugFreeButKeyArea) {
	}

	private BaselineClassifier() {
	}

	public static Decision classify(CommuneFacts c) {
		long population = c.population();
		boolean usersHalfPercent = atLeastOneIn(c.managedUsers(), population, 200);
		boolean usersThousandth = atLeastOneIn(c.managedUsers(), population, 1_000);
		boolean arrestsThousandth = atLeastOneIn(c.arrestedOffenders(), population, 1_000);
		boolean arrestsHalfThousandth = atLeastOneIn(c.arrestedOffenders(), population, 2_000);
		long wholeSquareMetres = c.plantAreaM2().setScale(0, RoundingMode.FLOOR).longValueExact();
		boolean plantsHigh = c.plantsDestroyed() >= 3_000 || wholeSquareMetres >= 750;
		boolean plantsLow = c.plantsDestroyed() >= 500 || wholeSquareMetres >= 125;
		boolean route = c.onIntraProvincialRoute() || c.onInterProvincialRoute();

		int typeIIOrAbove = count(usersThousandth, c.drugUsePoints() >= 1, arrestsHalfThousandth, plantsLow);
		Set<String> met = new TreeSet<>();
		mark(met, "4.1.a", usersHalfPercent);
		mark(met, "4.1.b", c.drugUsePoints() >= 2);
		mark(met, "4.1.c", arrestsThousandth);
		mark(met, "4.1.d", plantsHigh);
		mark(met, "4.1.đ", route && typeIIOrAbove >= 2);
		mark(met, "4.2.a", usersThousandth);
		mark(met, "4.2.b", c.drugUsePoints() >= 1);
		mark(met, "4.2.c", arrestsHalfThousandth);
		mark(met, "4.2.d", plantsLow);
		mark(met, "4.2.đ", route);
		boolean art61 = c.managedUsers() == c.inSubstitutionTreatment() + c.inCommunityRehab()
				+ c.inPostRehabManagement();
		boolean art62 = c.residentViolators() == 0 && c.wantedFugitives() == 0;
		boolean art63 = c.drugUsePoints() == 0;
		mark(met, "6.1", art61);
		mark(met, "6.2", art62);
		mark(met, "6.3", art63);

		long typeI = met.stream().filter(id -> id.startsWith("4.1.")).count();
		long typeII = met.stream().filter(id -> id.startsWith("4.2.")).count();
		boolean drugFree = art61 && art62 && art63;
		Classification classification = typeI >= 3 ? Classification.TYPE_I
				: typeII >= 3 ? Classification.TYPE_II : drugFree ? Classification.DRUG_FREE : Classification.TYPE_III;
		boolean warning = drugFree
				&& (classification == Classification.TYPE_I || classification == Classification.TYPE_II);
		return new Decision(classification, met, warning);
	}

	/**
	 * {@code count / population >= 1 / denominator}, that is
	 * {@code count * denominator >= population}, in 128-bit integer arithmetic.
	 */
	static boolean atLeastOneIn(long count, long population, long denominator) {
		long high = Math.multiplyHigh(count, denominator);
		if (high != 0) {
			return high > 0;
		}
		return Long.compareUnsigned(count * denominator, population) >= 0;
	}

	private static int count(boolean... criteria) {
		int n = 0;
		for (boolean criterion : criteria) {
			n += criterion ? 1 : 0;
		}
		return n;
	}

	private static void mark(Set<String> met, String id, boolean holds) {
		if (holds) {
			met.add(id);
		}
	}

}
