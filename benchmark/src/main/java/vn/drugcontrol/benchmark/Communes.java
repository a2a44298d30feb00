package vn.drugcontrol.benchmark;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.FactsColumn;
import vn.drugcontrol.service.samples.SyntheticFacts;

/** The benchmarks' communes: the service's seeded synthetic facts, the same every run. */
final class Communes {

	static final long SEED = 2025;

	static final int PERIOD = 2025;

	private Communes() {
	}

	/**
	 * {@code count} communes: the 3,321 units of the 2025 list, then synthetic ones. The
	 * generator's synthetic codes ({@code S0003321}) do not fit the database's
	 * 5-character commune code: they become {@code S} and 4 base-36 digits
	 * ({@code S02K9}), still in no list and never a real (numeric) code.
	 */
	static List<CommuneFacts> generate(int count) {
		List<CommuneFacts> communes = new ArrayList<>(SyntheticFacts.generate(SEED, PERIOD, count));
		for (int i = 0; i < communes.size(); i++) {
			CommuneFacts c = communes.get(i);
			if (c.communeCode().startsWith("S")) {
				String code = "S" + ("0000" + Integer.toString(i, 36).toUpperCase(Locale.ROOT))
					.substring(Integer.toString(i, 36).length());
				communes.set(i, FactsColumn.with(c, FactsColumn.COMMUNE_CODE, code));
			}
		}
		return communes;
	}

	/** The list cut into sessions of at most {@code size} communes. */
	static List<List<CommuneFacts>> chunks(List<CommuneFacts> communes, int size) {
		List<List<CommuneFacts>> chunks = new ArrayList<>();
		for (int from = 0; from < communes.size(); from += size) {
			chunks.add(communes.subList(from, Math.min(communes.size(), from + size)));
		}
		return chunks;
	}

}
