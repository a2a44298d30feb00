package vn.drugcontrol.rules.province;

/**
 * What a rule set recommends for a province, or {@link #INCOMPLETE} when it was not
 * asked.
 */
public enum ProvinceClassification {

	/** Địa bàn trọng điểm phức tạp về ma túy cấp tỉnh (Art. 5). */
	KEY_AREA("Trọng điểm phức tạp về ma túy", "Key complex drug area"),
	/** Địa bàn không ma túy (Art. 6). */
	DRUG_FREE("Không ma túy", "Drug-free"),
	/** Neither. */
	NOT_KEY_AREA("Không thuộc diện trọng điểm", "Not a key area"),
	/**
	 * Not a rule set's answer: the facts do not cover every commune-level unit of the
	 * province, and Art. 5 and 6 are about the whole province, so no rule was asked and
	 * neither drug-free nor "not a key area" is claimed. The service sets it.
	 */
	INCOMPLETE("Chưa đủ dữ liệu của cả tỉnh", "Incomplete: data missing for some units");

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
