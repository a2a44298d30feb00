package vn.drugcontrol.service.facts;

/**
 * One commune-level unit (xã, phường, đặc khu) of the 2025 list of administrative units.
 *
 * @param code 5-digit unit code
 * @param name Vietnamese name without its type, e.g. {@code Sơn Lộ}
 * @param type {@code Xã}, {@code Phường} or {@code Đặc khu}
 * @param provinceCode 2-digit code of its province
 * @param provinceName name of its province, e.g. {@code Cao Bằng}
 * @param nameEn name without diacritics, e.g. {@code Son Lo}
 */
public record AdminUnit(String code, String name, String type, String provinceCode, String provinceName,
		String nameEn) {

	/**
	 * The name with its type, as it is written in official documents: {@code Xã Sơn Lộ}.
	 */
	public String fullName() {
		return type + " " + name;
	}

	/**
	 * Whether a name given by a person means this unit: equal after Unicode NFC
	 * normalisation, trimming, collapsing spaces and ignoring case and where the tone
	 * mark sits (hoà / hòa); the type may precede the name ({@code Xã Sơn Lộ}).
	 */
	public boolean isNamed(String given) {
		if (given == null) {
			return false;
		}
		String key = UnitNames.key(given);
		return key.equals(UnitNames.key(name)) || key.equals(UnitNames.key(fullName()));
	}

}
