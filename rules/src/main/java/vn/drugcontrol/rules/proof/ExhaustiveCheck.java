package vn.drugcontrol.rules.proof;

import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import vn.drugcontrol.rules.commune.Classification;
import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.criteria.CriterionEvidence;
import vn.drugcontrol.rules.engine.RuleSet;
import vn.drugcontrol.rules.engine.ShippedRuleSets;
import vn.drugcontrol.rules.law.Law;
import vn.drugcontrol.rules.law.LawBook;
import vn.drugcontrol.rules.law.NoParameterValueException;

/**
 * The exhaustive check of a rule set: for every period where its law changes, the
 * {@linkplain BandGrid grid} of communes of its own parameters' bands and edges,
 * classified with its own compiled rules (in the facade's sessions of 100, on every
 * core), and what that shows:
 * <ul>
 * <li>cells per class, and every cell left {@code UNCLASSIFIED};</li>
 * <li>cells where no class rule or more than one fired;</li>
 * <li>monotonicity: a commune with more of one measure (and the same of every other) that
 * gets a better class — drug-free better than type III better than type II better than
 * type I. Checking each single step suffices: "more of every measure" is a chain of
 * single steps, so a pair of cells breaking the order has a step that breaks it, unless
 * the chain passes through a cell with no single class (those are listed
 * separately);</li>
 * <li>cells where Art. 6 and a type of Art. 4 both hold, and which class the precedence
 * gave.</li>
 * </ul>
 * A bundle without parameters (stored before them) is checked on the shipped parameters'
 * grid.
 */
public final class ExhaustiveCheck {

	/** At most this many cells or counterexamples are listed of each kind. */
	public static final int LISTED = 1_000;

	private ExhaustiveCheck() {
	}

	/** What one cell gave, kept small: no evidence is held. */
	private record Fired(Classification classification, int classRules, boolean drugFree, Classification type) {
	}

	/**
	 * A session of the check may fire this long: its sessions run on every core at once,
	 * and on a busy machine one of 100 communes has been seen to take over the 10 s a
	 * run's session may; a looping rule set is still stopped by the firing limit.
	 */
	static final Duration SESSION_TIME_LIMIT = Duration.ofMinutes(1);

	public static Proof of(RuleSet checked) {
		long started = System.nanoTime();
		RuleSet rules = checked.timeLimit().compareTo(SESSION_TIME_LIMIT) < 0
				? checked.withTimeLimit(SESSION_TIME_LIMIT) : checked;
		LawBook law = rules.law().orElseGet(() -> ShippedRuleSets.defaultReading().law().orElseThrow());
		List<Integer> periods = new ArrayList<>();
		if (rules.law().isPresent()) {
			for (int p : law.periods()) {
				try {
					law.at(p);
					periods.add(p);
				}
				catch (NoParameterValueException ex) {
					// a period before some parameter's first value is not the law's
				}
			}
		}
		else {
			periods.add(2025);
		}
		Map<Classification, Integer> classes = new EnumMap<>(Classification.class);
		for (Classification c : Classification.values()) {
			classes.put(c, 0);
		}
		int cells = 0;
		int unclassifiedCells = 0;
		int notOneCells = 0;
		int counterexampleCount = 0;
		List<CellCase> unclassified = new ArrayList<>();
		List<CellCase> notOne = new ArrayList<>();
		List<Counterexample> counterexamples = new ArrayList<>();
		Map<String, Overlap> overlaps = new LinkedHashMap<>();
		String described = null;
		for (int period : periods) {
			BandGrid grid = BandGrid.of(law, period);
			described = grid.describe();
			Law lawAt = rules.law().isPresent() ? law.at(period) : null;
			long type1 = BandGrid.count(lawAt, "type1.criteria_needed", 3);
			long type2 = BandGrid.count(lawAt, "type2.criteria_needed", 3);
			long type3 = BandGrid.count(lawAt, "type3.criteria_needed", 1);
			List<Integer> positions = grid.cells();
			List<CommuneFacts> communes = positions.stream().map(grid::cell).toList();
			List<Fired> fired = rules.examine(communes, e -> {
				int[] met = new int[3];
				int art6 = 0;
				int art6Met = 0;
				for (CriterionEvidence ev : e.evidence()) {
					switch (ev.article()) {
						case "4.1" -> met[0] += ev.met() ? 1 : 0;
						case "4.2" -> met[1] += ev.met() ? 1 : 0;
						case "4.3" -> met[2] += ev.met() ? 1 : 0;
						case "6" -> {
							art6++;
							art6Met += ev.met() ? 1 : 0;
						}
						default -> {
						}
					}
				}
				Classification type = met[0] >= type1 ? Classification.TYPE_I
						: met[1] >= type2 ? Classification.TYPE_II : met[2] >= type3 ? Classification.TYPE_III : null;
				int n = e.verdicts().size();
				return new Fired(n == 1 ? e.verdicts().get(0).classification() : null, n, art6 > 0 && art6 == art6Met,
						type);
			});
			Fired[] byPosition = new Fired[grid.positions()];
			for (int i = 0; i < positions.size(); i++) {
				byPosition[positions.get(i)] = fired.get(i);
			}
			for (int i = 0; i < positions.size(); i++) {
				Fired f = fired.get(i);
				CommuneFacts facts = communes.get(i);
				cells++;
				if (f.classRules() != 1) {
					notOneCells++;
					if (notOne.size() < LISTED) {
						notOne.add(new CellCase(facts, null, f.classRules()));
					}
					continue;
				}
				classes.merge(f.classification(), 1, Integer::sum);
				if (f.classification() == Classification.UNCLASSIFIED) {
					unclassifiedCells++;
					if (unclassified.size() < LISTED) {
						unclassified.add(new CellCase(facts, f.classification(), 1));
					}
					continue;
				}
				if (f.drugFree() && f.type() != null) {
					String key = f.type() + "→" + f.classification();
					Overlap o = overlaps.get(key);
					overlaps.put(key,
							o == null
									? new Overlap(f.type(), f.classification(), 1,
											new CellCase(facts, f.classification(), 1))
									: new Overlap(o.type(), o.decided(), o.cells() + 1, o.example()));
				}
				int[] at = grid.coordinates(positions.get(i));
				for (int[] step : steps(grid, at)) {
					Fired g = byPosition[grid.position(java.util.Arrays.copyOf(step, 8))];
					if (g == null || g.classRules() != 1 || g.classification() == Classification.UNCLASSIFIED) {
						continue;
					}
					if (severity(g.classification()) < severity(f.classification())) {
						counterexampleCount++;
						if (counterexamples.size() < LISTED) {
							counterexamples.add(new Counterexample(Step.values()[step[8]],
									new CellCase(facts, f.classification(), 1),
									new CellCase(grid.cell(grid.position(java.util.Arrays.copyOf(step, 8))),
											g.classification(), 1)));
						}
					}
				}
			}
		}
		return new Proof(rules.name(), rules.contentHash(), List.copyOf(periods), described, cells, classes,
				unclassifiedCells, List.copyOf(unclassified), notOneCells, List.copyOf(notOne), counterexampleCount,
				List.copyOf(counterexamples), List.copyOf(overlaps.values()),
				(System.nanoTime() - started) / 1_000_000);
	}

	/** How bad a class is: drug-free 0, type III 1, type II 2, type I 3. */
	static int severity(Classification c) {
		return switch (c) {
			case DRUG_FREE -> 0;
			case TYPE_III -> 1;
			case TYPE_II -> 2;
			case TYPE_I -> 3;
			case UNCLASSIFIED -> -1;
		};
	}

	/**
	 * The cells one step up from {@code at}, each with the step's measure (its ordinal)
	 * in a ninth place.
	 */
	private static List<int[]> steps(BandGrid grid, int[] at) {
		int[] radix = grid.radix();
		List<int[]> steps = new ArrayList<>();
		// users: the same exempt pattern; from none, to every pattern
		if (at[0] + 1 < radix[0]) {
			if (at[0] == 0) {
				for (int e = 0; e < BandGrid.EXEMPT; e++) {
					steps.add(step(at, 0, at[0] + 1, Step.USERS, 1, e));
				}
			}
			else {
				steps.add(step(at, 0, at[0] + 1, Step.USERS, -1, 0));
			}
		}
		// the users in an exempt group: outside it instead
		if (at[1] != 0 && at[0] > 0) {
			steps.add(step(at, 1, 0, Step.USERS_OUTSIDE_EXEMPTIONS, -1, 0));
		}
		Step[] measures = { Step.DRUG_USE_POINTS, Step.ARRESTS, Step.PLANTS, Step.AREA };
		for (int axis = 2; axis <= 5; axis++) {
			if (at[axis] + 1 < radix[axis]) {
				steps.add(step(at, axis, at[axis] + 1, measures[axis - 2], -1, 0));
			}
		}
		if (at[6] == 0) {
			steps.add(step(at, 6, 1, Step.KEY_ROUTE, -1, 0));
			steps.add(step(at, 6, 2, Step.KEY_ROUTE, -1, 0));
		}
		if (at[7] == 0) {
			steps.add(step(at, 7, 1, Step.VIOLATORS_OR_FUGITIVES, -1, 0));
			steps.add(step(at, 7, 2, Step.VIOLATORS_OR_FUGITIVES, -1, 0));
		}
		return steps;
	}

	private static int[] step(int[] at, int axis, int value, Step measure, int alsoAxis, int alsoValue) {
		int[] next = java.util.Arrays.copyOf(at, 9);
		next[axis] = value;
		if (alsoAxis >= 0) {
			next[alsoAxis] = alsoValue;
		}
		next[8] = measure.ordinal();
		return next;
	}

	/** Prints the shipped readings' proofs: {@code java … ExhaustiveCheck [name…]}. */
	public static void main(String[] args) {
		List<String> names = args.length == 0 ? ShippedRuleSets.names() : List.of(args);
		for (String name : names) {
			System.out.println(of(ShippedRuleSets.compiled(name)).report());
		}
	}

}
