package vn.drugcontrol.benchmark;

import java.util.List;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.service.samples.SyntheticFacts;

/** The national list: one synthetic commune per unit of the 2025 list, read once. */
final class SyntheticFacts2025 {

	private static List<CommuneFacts> national;

	private SyntheticFacts2025() {
	}

	static synchronized List<CommuneFacts> national() {
		if (national == null) {
			national = SyntheticFacts.generate(Communes.SEED, Communes.PERIOD);
		}
		return national;
	}

}
