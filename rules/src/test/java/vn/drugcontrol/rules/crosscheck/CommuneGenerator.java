package vn.drugcontrol.rules.crosscheck;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import vn.drugcontrol.rules.commune.CommuneFacts;

/**
 * Generates communes from a fixed seed, concentrating values on both sides of every
 * threshold of Art. 4 and 6: counts at 0.05%, 0.1% and 0.5% of the population ±1,
 * drug-use points 0–3, plants around 500 and 3,000, areas around 125 and 750 m², routes
 * on and off, exempt groups that cover all users or not, violators and fugitives.
 */
public final class CommuneGenerator {

	private final Random random;

	private int next;

	public CommuneGenerator(long seed) {
		this.random = new Random(seed);
	}

	/** The next {@code n} communes; codes are unique across calls. */
	public List<CommuneFacts> next(int n) {
		List<CommuneFacts> communes = new ArrayList<>(n);
		for (int i = 0; i < n; i++) {
			communes.add(nextCommune());
		}
		return communes;
	}

	private CommuneFacts nextCommune() {
		long population = population();
		long users = nearRate(population, 1_000, 200);
		long exempt = exempt(users);
		long inSubstitution = random.nextLong(exempt + 1);
		long inCommunityRehab = random.nextLong(exempt - inSubstitution + 1);
		return CommuneFacts.builder(String.format("G%07d", next++))
			.population(population)
			.managedUsers(users)
			.inSubstitutionTreatment(inSubstitution)
			.inCommunityRehab(inCommunityRehab)
			.inPostRehabManagement(exempt - inSubstitution - inCommunityRehab)
			.drugUsePoints(random.nextInt(10) < 4 ? 0 : random.nextInt(4))
			.arrestedOffenders(nearRate(population, 2_000, 1_000))
			.residentViolators(random.nextInt(2) == 0 ? 0 : random.nextInt(5))
			.wantedFugitives(random.nextInt(10) < 7 ? 0 : random.nextInt(3))
			.plantsDestroyed(near(500, 3_000, 20_000))
			.plantAreaM2(area())
			.onIntraProvincialRoute(random.nextInt(4) == 0)
			.onInterProvincialRoute(random.nextInt(6) == 0)
			.heldInCentresOrPrison(random.nextInt(4) == 0 ? random.nextInt(50) : 0)
			.build();
	}

	/**
	 * From 1 resident to billions, most of them the size of real communes; a third of
	 * those from 2,000 up are multiples of 2,000, so that 0.05%, 0.1% and 0.5% are whole
	 * people and a count can sit exactly on them.
	 */
	private long population() {
		long population = anyPopulation();
		if (population >= 2_000 && random.nextInt(3) == 0) {
			return population - population % 2_000;
		}
		return population;
	}

	private long anyPopulation() {
		int kind = random.nextInt(100);
		if (kind < 8) {
			return 1 + random.nextInt(50);
		}
		if (kind < 25) {
			return 50 + random.nextInt(5_000);
		}
		if (kind < 85) {
			return 5_000 + random.nextInt(60_000);
		}
		if (kind < 97) {
			return 65_000 + random.nextInt(2_000_000);
		}
		return 2_000_000 + random.nextLong(3_000_000_000L);
	}

	/**
	 * A count at or next to the smallest count meeting {@code 1/lowDenominator} or
	 * {@code 1/highDenominator} of the population, or zero, or anything.
	 */
	private long nearRate(long population, long lowDenominator, long highDenominator) {
		int kind = random.nextInt(10);
		if (kind < 2) {
			return 0;
		}
		if (kind < 5) {
			return offByOne(ceilDiv(population, lowDenominator));
		}
		if (kind < 8) {
			return offByOne(ceilDiv(population, highDenominator));
		}
		return random.nextLong(population / 50 + 2);
	}

	/**
	 * A count next to {@code low} or {@code high}, or zero, or anything up to
	 * {@code max}.
	 */
	private long near(long low, long high, long max) {
		int kind = random.nextInt(10);
		if (kind < 3) {
			return 0;
		}
		if (kind < 5) {
			return offByOne(low);
		}
		if (kind < 7) {
			return offByOne(high);
		}
		return random.nextLong(max);
	}

	/** Square metres with two decimals, next to 125 or 750, or zero, or anything. */
	private String area() {
		long hundredths = near(12_500, 75_000, 200_000);
		return BigDecimal.valueOf(hundredths, 2).toPlainString();
	}

	/** All users exempt, none, or some. */
	private long exempt(long users) {
		int kind = random.nextInt(3);
		if (kind == 0) {
			return users;
		}
		if (kind == 1) {
			return 0;
		}
		return random.nextLong(users + 1);
	}

	private long offByOne(long n) {
		return Math.max(0, n + random.nextInt(3) - 1);
	}

	private static long ceilDiv(long a, long b) {
		return (a + b - 1) / b;
	}

}
