package vn.drugcontrol.rules.proof;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SortedSet;
import java.util.TreeSet;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.law.Law;
import vn.drugcontrol.rules.law.LawBook;
import vn.drugcontrol.rules.law.Parameter;

/**
 * The bands of every measure of Art. 4 and 6 at one evaluation period, derived from a
 * bundle's own parameters ({@code law/parameters.csv}), and the grid of communes of
 * {@value #RESIDENTS} residents they make: per measure, zero and every edge (the fewest
 * people, points, plants or m² that reach a parameter). Bands are closed below and open
 * above ({@code [edge, next edge)}), so each band's representative is its edge: every
 * band is represented, and every edge is on the grid. A rule set whose bounds all read
 * the parameters classifies every value of a band as its edge.
 * <ul>
 * <li>users with records: the rates of the users' parameters (4.1.a, 4.2.a), and 1 (Art.
 * 6.1's edge: one user outside the exempt groups);</li>
 * <li>the exempt groups of Art. 6.1: all of the users in none of them, or all in
 * substitution treatment, in family/community rehabilitation, or under
 * post-rehabilitation management;</li>
 * <li>drug-use points (4.1.b, 4.2.b, and Art. 6.3's edge 1), arrests (4.1.c, 4.2.c),
 * plants and area (4.1.d, 4.2.d: two measures, each with its own edges);</li>
 * <li>route: none, intra-provincial, inter-provincial; violators and fugitives (Art.
 * 6.2): none, one resident violator, one fugitive.</li>
 * </ul>
 */
public final class BandGrid {

	/** Residents of every commune of the grid: rates become whole numbers of people. */
	public static final long RESIDENTS = 10_000;

	/** The exempt groups' patterns: none, substitution, community rehab, post-rehab. */
	static final int EXEMPT = 4;

	/** The routes: none, intra-provincial, inter-provincial. */
	static final int ROUTES = 3;

	/** Art. 6.2's persons: none, one resident violator, one wanted fugitive. */
	static final int PERSONS = 3;

	private final int period;

	private final long[] users;

	private final long[] points;

	private final long[] arrests;

	private final long[] plants;

	private final long[] area;

	private final int[] radix;

	private BandGrid(int period, long[] users, long[] points, long[] arrests, long[] plants, long[] area) {
		this.period = period;
		this.users = users;
		this.points = points;
		this.arrests = arrests;
		this.plants = plants;
		this.area = area;
		this.radix = new int[] { users.length, EXEMPT, points.length, arrests.length, plants.length, area.length,
				ROUTES, PERSONS };
	}

	/** The grid of the law in force at {@code period}. */
	public static BandGrid of(LawBook law, int period) {
		SortedSet<Long> users = values(1);
		SortedSet<Long> points = values(1);
		SortedSet<Long> arrests = values();
		SortedSet<Long> plants = values();
		SortedSet<Long> area = values();
		for (Parameter p : law.parameters().parameters()) {
			if (!p.clause().startsWith("4.")) {
				continue;
			}
			BigDecimal value = p.valueAt(period).orElse(null);
			if (value == null) {
				continue;
			}
			String id = p.id().toLowerCase(Locale.ROOT);
			switch (p.unit()) {
				case PERCENT -> {
					long edge = value.multiply(BigDecimal.valueOf(RESIDENTS))
						.divide(BigDecimal.valueOf(100))
						.setScale(0, RoundingMode.CEILING)
						.longValueExact();
					boolean user = id.contains("user");
					boolean arrest = id.contains("arrest");
					if (user || !arrest) {
						edge(users, edge);
					}
					if (arrest || !user) {
						edge(arrests, edge);
					}
				}
				case POINTS -> edge(points, value.longValueExact());
				case PLANTS -> edge(plants, value.longValueExact());
				case M2 -> edge(area, value.setScale(0, RoundingMode.CEILING).longValueExact());
				default -> {
				}
			}
		}
		return new BandGrid(period, array(users), array(points), array(arrests), array(plants), array(area));
	}

	private static SortedSet<Long> values(long... edges) {
		SortedSet<Long> values = new TreeSet<>(List.of(0L));
		for (long e : edges) {
			edge(values, e);
		}
		return values;
	}

	private static void edge(SortedSet<Long> values, long edge) {
		values.add(Math.max(0, edge));
	}

	private static long[] array(SortedSet<Long> values) {
		return values.stream().mapToLong(Long::longValue).toArray();
	}

	public int period() {
		return period;
	}

	/**
	 * Cells of the grid, counting the positions that are no commune (see {@link #cell}).
	 */
	int positions() {
		int n = 1;
		for (int r : radix) {
			n *= r;
		}
		return n;
	}

	/**
	 * The coordinates of a position: users, exempt, points, arrests, plants, area, route,
	 * persons.
	 */
	int[] coordinates(int position) {
		int[] at = new int[radix.length];
		for (int i = radix.length - 1; i >= 0; i--) {
			at[i] = position % radix[i];
			position /= radix[i];
		}
		return at;
	}

	int position(int[] at) {
		int p = 0;
		for (int i = 0; i < radix.length; i++) {
			p = p * radix[i] + at[i];
		}
		return p;
	}

	int[] radix() {
		return radix.clone();
	}

	/**
	 * Whether a position is a commune: with no users, the exempt groups' pattern says
	 * nothing, so only the first of them is one.
	 */
	boolean isCell(int[] at) {
		return users[at[0]] > 0 || at[1] == 0;
	}

	/** The commune at a position, coded by its position. */
	CommuneFacts cell(int position) {
		int[] at = coordinates(position);
		long u = users[at[0]];
		return CommuneFacts.builder(String.format("%07d", position))
			.name("cell " + position)
			.province("00")
			.period(period)
			.population(RESIDENTS)
			.managedUsers(u)
			.inSubstitutionTreatment(at[1] == 1 ? u : 0)
			.inCommunityRehab(at[1] == 2 ? u : 0)
			.inPostRehabManagement(at[1] == 3 ? u : 0)
			.drugUsePoints(points[at[2]])
			.arrestedOffenders(arrests[at[3]])
			.residentViolators(at[7] == 1 ? 1 : 0)
			.wantedFugitives(at[7] == 2 ? 1 : 0)
			.plantsDestroyed(plants[at[4]])
			.plantAreaM2(BigDecimal.valueOf(area[at[5]]))
			.onIntraProvincialRoute(at[6] == 1)
			.onInterProvincialRoute(at[6] == 2)
			.build();
	}

	/** Every commune of the grid. */
	List<Integer> cells() {
		List<Integer> cells = new ArrayList<>();
		for (int p = 0; p < positions(); p++) {
			if (isCell(coordinates(p))) {
				cells.add(p);
			}
		}
		return cells;
	}

	/** The values each measure takes on the grid, for people. */
	public String describe() {
		return "users " + java.util.Arrays.toString(users) + ", drug-use points " + java.util.Arrays.toString(points)
				+ ", arrests " + java.util.Arrays.toString(arrests) + ", plants " + java.util.Arrays.toString(plants)
				+ ", area m² " + java.util.Arrays.toString(area) + " (of " + RESIDENTS
				+ " residents); exempt groups none/substitution/community/post-rehab; route none/intra/inter; "
				+ "violators none/resident/fugitive";
	}

	/** The count parameter, or the shipped value when the bundle has none. */
	static long count(Law law, String parameter, long shipped) {
		try {
			return law == null ? shipped : law.count(parameter);
		}
		catch (IllegalArgumentException ex) {
			return shipped;
		}
	}

}
