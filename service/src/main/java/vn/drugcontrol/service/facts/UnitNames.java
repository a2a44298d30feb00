package vn.drugcontrol.service.facts;

import java.text.Normalizer;
import java.util.Locale;

/**
 * Comparing Vietnamese names as people type them: NFC or decomposed, any case, extra
 * spaces, and the tone mark on either vowel of a diphthong (old style {@code hoà}, new
 * style {@code hòa}).
 */
final class UnitNames {

	private static final String TONE_MARKS = "\u0300\u0301\u0303\u0309\u0323";

	private UnitNames() {
	}

	/**
	 * Trims a cell: also non-breaking spaces and byte order marks, which spreadsheets
	 * keep.
	 */
	static String clean(String value) {
		if (value == null) {
			return "";
		}
		String s = value.replace('\u00A0', ' ').replace("\uFEFF", "").replace("\u200B", "").strip();
		return Normalizer.normalize(s, Normalizer.Form.NFC);
	}

	/** A key equal for two spellings of the same name. */
	static String key(String name) {
		String decomposed = Normalizer.normalize(clean(name), Normalizer.Form.NFD)
			.replace('\u2019', '\'')
			.toLowerCase(Locale.ROOT);
		StringBuilder key = new StringBuilder();
		for (String word : decomposed.split("\\s+")) {
			if (word.isEmpty()) {
				continue;
			}
			StringBuilder letters = new StringBuilder();
			StringBuilder tones = new StringBuilder();
			for (char c : word.toCharArray()) {
				(TONE_MARKS.indexOf(c) >= 0 ? tones : letters).append(c);
			}
			if (key.length() > 0) {
				key.append(' ');
			}
			key.append(letters).append(tones);
		}
		return key.toString();
	}

}
