package vn.drugcontrol.service.scenario;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.CommuneOutcome;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.RuleSetExecutionException;
import vn.drugcontrol.rules.engine.RuleSetListener;
import vn.drugcontrol.rules.province.ProvinceFacts;

/**
 * What classes a rule set can give, found by trying it: a grid of communes of 10,000
 * residents at both sides of every band edge of Art. 4 (users 0, 0.09%, 0.1%, 0.49%,
 * 0.5%; 0–2 drug-use points; arrests 0, 0.04%, 0.05%, 0.09%, 0.1%; plants and areas at
 * the edges of points d; off, on an intra- and on an inter-provincial route), plus the
 * Art. 6 exceptions, and the province they make up. It tells whether the rules give
 * {@code UNCLASSIFIED} (the literal reading does, between its bands; the cumulative one
 * cannot), so its scenario tables must show it, and whether they give every commune and
 * the province exactly one class, without which a run or a simulation cannot use them.
 * <p>
 * A rule set giving {@code UNCLASSIFIED} only to facts off these edges is not caught; the
 * edges are where readings of the Decision differ. Results are kept per DRL content (the
 * same text classifies the same way); the rules' metrics do not count the probe.
 */
public final class ClassProbe {

	/** The probe's communes: the same for every rule set. */
	static final List<CommuneFacts> COMMUNES = communes();

	private static final Map<String, Result> RESULTS = new ConcurrentHashMap<>();

	private ClassProbe() {
	}

	/**
	 * @param classes the classes the rules gave the probe's communes
	 * @param unusable why they cannot classify them (no class or several for a commune or
	 * the province); null when they can
	 */
	public record Result(Set<Classification> classes, String unusable) {
	}

	public static Result of(RuleSet rules) {
		return RESULTS.computeIfAbsent(rules.contentHash(), hash -> probe(rules.withListener(RuleSetListener.NONE)));
	}

	private static Result probe(RuleSet rules) {
		Set<Classification> classes = EnumSet.noneOf(Classification.class);
		try {
			List<CommuneOutcome> outcomes = rules.classify(COMMUNES);
			outcomes.forEach(o -> classes.add(o.classification()));
			rules.classifyProvince(ProvinceFacts.aggregate("00", 2025, COMMUNES,
					outcomes.stream().map(CommuneOutcome::classification).toList(), COMMUNES.size(), false));
			return new Result(Set.copyOf(classes), null);
		}
		catch (RuleSetExecutionException ex) {
			return new Result(Set.copyOf(classes), "the rules cannot classify every commune and province of the "
					+ "class probe (facts at every band edge of Art. 4 and 6): " + ex.getMessage());
		}
	}

	private static List<CommuneFacts> communes() {
		long[] users = { 0, 9, 10, 49, 50 };
		long[] points = { 0, 1, 2 };
		long[] arrests = { 0, 4, 5, 9, 10 };
		long[][] plants = { { 0, 0 }, { 499, 124 }, { 500, 0 }, { 0, 125 }, { 2999, 749 }, { 3000, 0 }, { 0, 750 } };
		boolean[][] routes = { { false, false }, { true, false }, { false, true } };
		List<CommuneFacts> communes = new ArrayList<>();
		for (long u : users) {
			for (long p : points) {
				for (long a : arrests) {
					for (long[] plant : plants) {
						for (boolean[] route : routes) {
							communes.add(
									commune(communes.size(), u, 0, p, a, a, 0, plant[0], plant[1], route[0], route[1]));
						}
					}
				}
			}
		}
		// Art. 6.1's exception, and Art. 6.2's two halves one at a time
		communes.add(commune(communes.size(), 3, 3, 0, 0, 0, 0, 0, 0, false, false));
		communes.add(commune(communes.size(), 0, 0, 0, 0, 1, 0, 0, 0, false, false));
		communes.add(commune(communes.size(), 0, 0, 0, 0, 0, 1, 0, 0, false, false));
		return List.copyOf(communes);
	}

	private static CommuneFacts commune(int n, long users, long inSubstitution, long points, long arrests,
			long residentViolators, long fugitives, long plants, long area, boolean intra, boolean inter) {
		return new CommuneFacts(String.format("%05d", n + 1), "probe " + (n + 1), "00", 2025, 10_000, users,
				inSubstitution, 0, 0, points, arrests, residentViolators, fugitives, plants, BigDecimal.valueOf(area),
				intra, inter, 0);
	}

}
