package vn.drugcontrol.service.samples;

import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.service.facts.AdminUnit;
import vn.drugcontrol.service.facts.AdminUnits;
import vn.drugcontrol.service.facts.FactsColumns;

/**
 * Synthetic but plausible facts for every commune-level unit of the 2025 list, for demos,
 * load tests and benchmarks: never real figures. Deterministic: the same seed, period and
 * count give the same communes, and commune {@code i} depends only on the seed and
 * {@code i}, so a longer list starts with the shorter one.
 * <p>
 * Each commune draws a profile (roughly 30% drug-free, 45% type III, 19% type II, 6% type
 * I, a little worse in border and highland provinces) and then counts that fit it; the
 * class the rules give follows from the counts, not from the profile, so the shares are
 * approximate. Drug plants appear only in the northern highland provinces, Thanh Hoá and
 * Nghệ An.
 * <p>
 * Command line: {@code SyntheticFacts <output.csv> [seed=2025] [count=all units]
 * [period=2025]} (see data-samples/README.md).
 */
public final class SyntheticFacts {

	/**
	 * Northern highland provinces, Thanh Hoá and Nghệ An: where drug plants are found.
	 */
	private static final Set<String> HIGHLAND = Set.of("04", "08", "11", "12", "14", "15", "20", "38", "40");

	/** Provinces on a land border, where trafficking routes enter. */
	private static final Set<String> BORDER = Set.of("04", "08", "11", "12", "14", "15", "20", "22", "38", "40", "42",
			"44", "52", "66", "80", "82", "91");

	private SyntheticFacts() {
	}

	/** The 3,321 units of the 2025 list, in the list's order. */
	public static List<AdminUnit> units() {
		AdminUnits list = AdminUnits.load();
		return list.provinces().keySet().stream().flatMap((p) -> list.unitsOf(p).stream()).toList();
	}

	/** One commune per unit of the 2025 list. */
	public static List<CommuneFacts> generate(long seed, int period) {
		return generate(seed, period, units());
	}

	/** One commune per given unit. */
	public static List<CommuneFacts> generate(long seed, int period, List<AdminUnit> units) {
		List<CommuneFacts> communes = new ArrayList<>(units.size());
		for (int i = 0; i < units.size(); i++) {
			AdminUnit unit = units.get(i);
			communes.add(commune(seed, i, period, unit.code(), unit.name(), unit));
		}
		return communes;
	}

	/**
	 * {@code count} communes, cycling through the 2025 list: the first 3,321 are the real
	 * units; beyond them each copies the kind and province of unit {@code i % 3321}, with
	 * the synthetic code {@code S} + 7 digits ({@code S0003321} …) and the name suffixed
	 * {@code #2}, {@code #3} …: for benchmarks only, such codes are not in the list and
	 * no importer accepts them.
	 */
	public static List<CommuneFacts> generate(long seed, int period, int count) {
		List<AdminUnit> units = units();
		List<CommuneFacts> communes = new ArrayList<>(count);
		for (int i = 0; i < count; i++) {
			AdminUnit unit = units.get(i % units.size());
			boolean real = i < units.size();
			String code = real ? unit.code() : String.format("S%07d", i);
			String name = real ? unit.name() : unit.name() + " #" + (i / units.size() + 1);
			communes.add(commune(seed, i, period, code, name, unit));
		}
		return communes;
	}

	/**
	 * Writes communes as CSV with the facts contract's header ({@link FactsColumns}):
	 * UTF-8, comma-separated, dot decimals, true/false.
	 */
	public static void writeCsv(List<CommuneFacts> communes, Path file) throws IOException {
		CSVFormat format = CSVFormat.DEFAULT.builder()
			.setHeader(FactsColumns.headers().toArray(String[]::new))
			.setRecordSeparator('\n')
			.get();
		try (Writer writer = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
				CSVPrinter printer = new CSVPrinter(writer, format)) {
			for (CommuneFacts c : communes) {
				printer.printRecord(FactsColumns.ALL.stream()
					.map((column) -> column.valueOf(c))
					.map((value) -> (value instanceof BigDecimal decimal) ? decimal.toPlainString() : value));
			}
		}
	}

	/** {@code <output.csv> [seed=2025] [count=all units] [period=2025]} */
	public static void main(String[] args) throws IOException {
		if (args.length < 1 || args.length > 4) {
			System.err.println("usage: SyntheticFacts <output.csv> [seed=2025] [count=all units] [period=2025]");
			System.exit(2);
		}
		Path output = Path.of(args[0]);
		long seed = (args.length > 1) ? Long.parseLong(args[1]) : 2025;
		int period = (args.length > 3) ? Integer.parseInt(args[3]) : 2025;
		List<CommuneFacts> communes = (args.length > 2) ? generate(seed, period, Integer.parseInt(args[2]))
				: generate(seed, period);
		writeCsv(communes, output);
		System.out
			.println("wrote " + communes.size() + " communes (seed " + seed + ", period " + period + ") to " + output);
	}

	private static CommuneFacts commune(long seed, int index, int period, String code, String name, AdminUnit unit) {
		SplittableRandom rnd = new SplittableRandom(mix(seed * 0x9E3779B97F4A7C15L + index));
		boolean highland = HIGHLAND.contains(unit.provinceCode());
		boolean border = BORDER.contains(unit.provinceCode());
		long population = population(rnd, unit, highland);
		Profile profile = profile(rnd, border || highland, isWard(unit));
		CommuneFacts.Builder b = CommuneFacts.builder(code)
			.name(name)
			.province(unit.provinceCode())
			.period(period)
			.population(population);
		return (profile == Profile.DRUG_FREE) ? drugFree(b, rnd, highland, border).build()
				: withDrugPresence(b, rnd, population, highland, border, profile.bands).build();
	}

	/**
	 * Since the 2025 merger a xã averages about 25,000 residents and a phường about
	 * 55,000 (some 100 million in 3,321 units); highland units are smaller.
	 */
	private static long population(SplittableRandom rnd, AdminUnit unit, boolean highland) {
		double low = isWard(unit) ? (highland ? 10_000 : 20_000) : (highland ? 3_000 : 10_000);
		double high = isWard(unit) ? (highland ? 60_000 : 150_000) : (highland ? 30_000 : 70_000);
		// log-uniform, the middle weighted by averaging two draws
		double u = (rnd.nextDouble() + rnd.nextDouble()) / 2;
		return Math.round(Math.exp(Math.log(low) + u * (Math.log(high) - Math.log(low))) / 10) * 10;
	}

	private static Profile profile(SplittableRandom rnd, boolean exposed, boolean ward) {
		double r = rnd.nextDouble();
		double typeI = exposed ? 0.07 : 0.05;
		double typeII = exposed ? 0.22 : 0.17;
		double free = ward ? 0.22 : (exposed ? 0.28 : 0.32);
		if (r < typeI) {
			return Profile.TYPE_I;
		}
		if (r < typeI + typeII) {
			return Profile.TYPE_II;
		}
		if (r < typeI + typeII + free) {
			return Profile.DRUG_FREE;
		}
		return Profile.TYPE_III;
	}

	/**
	 * Art. 6: users only in the exempt groups, no resident violator, no fugitive, no
	 * point; at times a non-resident arrested in transit, or a few self-seeded plants.
	 */
	private static CommuneFacts.Builder drugFree(CommuneFacts.Builder b, SplittableRandom rnd, boolean highland,
			boolean border) {
		if (rnd.nextDouble() < 0.45) {
			long users = rnd.nextInt(1, 5);
			long substitution = rnd.nextLong(users + 1);
			long rehab = rnd.nextLong(users - substitution + 1);
			b.managedUsers(users)
				.inSubstitutionTreatment(substitution)
				.inCommunityRehab(rehab)
				.inPostRehabManagement(users - substitution - rehab);
		}
		if (rnd.nextDouble() < 0.08) {
			b.arrestedOffenders(1);
		}
		if (highland && rnd.nextDouble() < 0.06) {
			plants(b, rnd, 20, 200);
		}
		return b.onInterProvincialRoute(border && rnd.nextDouble() < 0.04);
	}

	/**
	 * A commune with drug presence: rates drawn in the profile's bands, counts rounded,
	 * at least one user and one resident violator (else it would be drug-free).
	 */
	private static CommuneFacts.Builder withDrugPresence(CommuneFacts.Builder b, SplittableRandom rnd, long population,
			boolean highland, boolean border, Bands bands) {
		long users = Math.max(1, Math.round(population * between(rnd, bands.usersLow(), bands.usersHigh())));
		long substitution = Math.round(users * between(rnd, 0.05, 0.35));
		long rehab = Math.round(users * between(rnd, 0.03, 0.15));
		long postRehab = Math.round(users * between(rnd, 0.02, 0.10));
		if (substitution + rehab + postRehab >= users) {
			substitution = 0;
			rehab = 0;
			postRehab = 0;
		}
		long arrests = Math.round(population * between(rnd, bands.arrestsLow(), bands.arrestsHigh()));
		b.managedUsers(users)
			.inSubstitutionTreatment(substitution)
			.inCommunityRehab(rehab)
			.inPostRehabManagement(postRehab)
			.drugUsePoints(rnd.nextInt(bands.pointsLow(), bands.pointsHigh() + 1))
			.arrestedOffenders(arrests)
			.residentViolators(Math.max(1, Math.round(arrests * between(rnd, 0.6, 1.1))))
			.wantedFugitives((rnd.nextDouble() < bands.fugitiveChance()) ? 1 : 0)
			.heldInCentresOrPrison(Math.round(users * between(rnd, 0.0, 0.12)));
		if (highland && rnd.nextDouble() < bands.plantsChance()) {
			plants(b, rnd, bands.plantsLow(), bands.plantsHigh());
		}
		if (rnd.nextDouble() < bands.routeChance()) {
			boolean inter = border && rnd.nextBoolean();
			b.onInterProvincialRoute(inter).onIntraProvincialRoute(!inter);
		}
		return b;
	}

	/**
	 * Plants, in tens, and their area: about 0.08–0.16 m² a plant, to the tenth of a m².
	 */
	private static void plants(CommuneFacts.Builder b, SplittableRandom rnd, int low, int high) {
		long plants = Math.round(rnd.nextInt(low, high + 1) / 10.0) * 10;
		long tenths = Math.round(plants * between(rnd, 0.08, 0.16) * 10);
		b.plantsDestroyed(plants).plantAreaM2(BigDecimal.valueOf(tenths, 1).stripTrailingZeros().toPlainString());
	}

	private static boolean isWard(AdminUnit unit) {
		return "Phường".equals(unit.type());
	}

	private static double between(SplittableRandom rnd, double low, double high) {
		return low + rnd.nextDouble() * (high - low);
	}

	/**
	 * MurmurHash3's 64-bit finaliser, so that nearby seeds and indexes give unrelated
	 * streams.
	 */
	private static long mix(long z) {
		z = (z ^ (z >>> 33)) * 0xff51afd7ed558ccdL;
		z = (z ^ (z >>> 33)) * 0xc4ceb9fe1a85ec53L;
		return z ^ (z >>> 33);
	}

	/**
	 * What a commune is drawn as, with the bands its rates and counts are drawn in (rates
	 * of the population; plants only in highland provinces).
	 */
	private enum Profile {

		DRUG_FREE(null), TYPE_III(new Bands(0.0001, 0.00095, 0, 0, 0.0, 0.00045, 0.25, 50, 480, 0.08, 0.0)),
		TYPE_II(new Bands(0.001, 0.0045, 0, 1, 0.0003, 0.0009, 0.35, 400, 2500, 0.3, 0.1)),
		TYPE_I(new Bands(0.004, 0.012, 1, 4, 0.0007, 0.002, 0.4, 1500, 6000, 0.45, 0.2));

		private final Bands bands;

		Profile(Bands bands) {
			this.bands = bands;
		}

	}

	private record Bands(double usersLow, double usersHigh, int pointsLow, int pointsHigh, double arrestsLow,
			double arrestsHigh, double plantsChance, int plantsLow, int plantsHigh, double routeChance,
			double fugitiveChance) {
	}

}
