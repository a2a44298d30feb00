package vn.drugcontrol.rules.province;

/**
 * What a rule set recommends for a province.
 */
public enum ProvinceClassification {

	/** Địa bàn trọng điểm phức tạp về ma túy cấp tỉnh (Art. 5). */
	KEY_AREA("Trọng điểm phức tạp về ma túy", "Key complex drug area"),
	/** Địa bàn không ma túy (Art. 6). */
	DRUG_FREE("Không ma túy", "Drug-free"),
	/** Neither. */
	NOT_KEY_AREA("Không thuộc diện trọng điểm", "Not a key area");

	private final String labelVi;

	private final String labelEn;

	ProvinceClassification(String labelVi, String labelEn) {
		this.labelVi = labelVi;
		this.labelEn = labelEn;
	}

	public String labelVi() {
		return labelVi;
	}

	public String labelEn() {
		return labelEn;
	}

}
