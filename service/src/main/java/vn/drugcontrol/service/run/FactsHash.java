package vn.drugcontrol.service.run;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

import vn.drugcontrol.rules.commune.CommuneFacts;
import vn.drugcontrol.rules.commune.FactsColumn;

/**
 * A fingerprint of a batch of facts: the same communes with the same facts give the same
 * hash in any order and from any format (CSV, XLSX, JSON), so a re-submission is
 * recognised. One line per commune: the columns of the facts contract
 * ({@link FactsColumn}) in its order, joined by {@code |}. Stored runs are found by it (a
 * re-submission of the same facts is the same run), so a fact added after the 2025
 * contract changes no hash where it is left out: it is appended as {@code |header=value}
 * only when its value is not its {@link FactsColumn#absent() absent} one.
 * {@code FactsHashTest} pins the hashes of existing data.
 */
final class FactsHash {

	/**
	 * The last column of the contract as runs were first hashed (2025): every column up
	 * to it is always hashed, positionally.
	 */
	private static final FactsColumn LAST_OF_2025 = FactsColumn.HELD_IN_CENTRES_OR_PRISON;

	private FactsHash() {
	}

	/**
	 * A value as it has always been hashed: numbers in plain digits, an area without
	 * trailing zeros (12.50 and 12.5 are one area), flags as true/false.
	 */
	private static String text(Object value) {
		return (value instanceof BigDecimal d) ? d.stripTrailingZeros().toPlainString() : String.valueOf(value);
	}

	static String of(List<CommuneFacts> communes) {
		try {
			MessageDigest sha = MessageDigest.getInstance("SHA-256");
			communes.stream().sorted(Comparator.comparing(CommuneFacts::communeCode)).forEach(c -> {
				StringBuilder line = new StringBuilder();
				for (FactsColumn column : FactsColumn.ALL) {
					Object value = column.valueOf(c);
					if (column.ordinal() <= LAST_OF_2025.ordinal()) {
						line.append((column.ordinal() == 0) ? "" : "|").append(text(value));
					}
					else if (!Objects.equals(value, column.absent())
							&& !(value instanceof BigDecimal d && d.signum() == 0)) {
						line.append('|').append(column.header()).append('=').append(text(value));
					}
				}
				sha.update(line.toString().getBytes(StandardCharsets.UTF_8));
				sha.update((byte) '\n');
			});
			return HexFormat.of().formatHex(sha.digest());
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is part of every JVM", ex);
		}
	}

}
