package vn.drugcontrol.benchmark;

import java.util.ArrayList;
import java.util.List;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.service.samples.SyntheticFacts;

/** The benchmarks' communes: the service's seeded synthetic facts, the same every run. */
final class Communes {

	static final long SEED = 2025;

	static final int PERIOD = 2025;

	private Communes() {
	}

	/**
	 * {@code count} communes: the 3,321 units of the 2025 list, then synthetic ones.
	 */
	static List<CommuneFacts> generate(int count) {
		return SyntheticFacts.generate(SEED, PERIOD, count);
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
