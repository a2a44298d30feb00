package vn.drugcontrol.service.run;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;

import vn.drugcontrol.rules.commune.CommuneFacts;

/**
 * A fingerprint of a batch of facts: the same communes with the same facts give the same
 * hash in any order and from any format (CSV, XLSX, JSON), so a re-submission is
 * recognised.
 */
final class FactsHash {

	private FactsHash() {
	}

	static String of(List<CommuneFacts> communes) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			communes.stream().sorted(Comparator.comparing(CommuneFacts::communeCode)).forEach(c -> {
				String line = String.join("|", c.communeCode(), c.communeName(), c.provinceCode(),
						Integer.toString(c.period()), Long.toString(c.population()), Long.toString(c.managedUsers()),
						Long.toString(c.inSubstitutionTreatment()), Long.toString(c.inCommunityRehab()),
						Long.toString(c.inPostRehabManagement()), Long.toString(c.drugUsePoints()),
						Long.toString(c.arrestedOffenders()), Long.toString(c.residentViolators()),
						Long.toString(c.wantedFugitives()), Long.toString(c.plantsDestroyed()),
						c.plantAreaM2().stripTrailingZeros().toPlainString(),
						Boolean.toString(c.onIntraProvincialRoute()), Boolean.toString(c.onInterProvincialRoute()),
						Long.toString(c.heldInCentresOrPrison()));
				sha.update(line.getBytes(StandardCharsets.UTF_8));
				sha.update((byte) '\n');
			});
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}
