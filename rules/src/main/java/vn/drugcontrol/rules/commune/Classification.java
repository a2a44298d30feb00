package vn.drugcontrol.rules.commune;

/**
 * The class a rule set recommends for a commune-level unit.
 */
public enum Classification {

	/** Địa bàn trọng điểm phức tạp về ma túy loại I (Art. 4.1). */
	TYPE_I("Loại I", "Type I"),
	/** Địa bàn trọng điểm phức tạp về ma túy loại II (Art. 4.2). */
	TYPE_II("Loại II", "Type II"),
	/** Địa bàn trọng điểm phức tạp về ma túy loại III (Art. 4.3). */
	TYPE_III("Loại III", "Type III"),
	/** Địa bàn không ma túy (Art. 6). */
	DRUG_FREE("Không ma túy", "Drug-free"),
	/** No class caught the commune: a person must review it. */
	UNCLASSIFIED("Chưa phân loại — cần xem xét", "Unclassified — needs review");

	private final String labelVi;

	private final String labelEn;

	Classification(String labelVi, String labelEn) {
		this.labelVi = labelVi;
		this.labelEn = labelEn;
	}

	public String labelVi() {
		return labelVi;
	}

	public String labelEn() {
		return labelEn;
	}

	/** Key complex drug area of any type. */
	public boolean isKeyArea() {
		return this == TYPE_I || this == TYPE_II || this == TYPE_III;
	}

}
