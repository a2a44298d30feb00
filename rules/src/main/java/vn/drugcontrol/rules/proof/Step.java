package vn.drugcontrol.rules.proof;

/** The measure one step of the grid increases: "more of it" never means fewer drugs. */
public enum Step {

	USERS("người có hồ sơ quản lý", "users with records"),
	USERS_OUTSIDE_EXEMPTIONS("người sử dụng ngoài các diện được trừ (Điều 6.1)",
			"users outside the exempt groups (Art. 6.1)"),
	DRUG_USE_POINTS("điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy", "drug-use points"),
	ARRESTS("đối tượng bị bắt giữ", "arrested offenders"), PLANTS("cây có chứa chất ma túy", "plants"),
	AREA("diện tích trồng (m²)", "plant area (m²)"), KEY_ROUTE("tuyến trọng điểm", "key route"), VIOLATORS_OR_FUGITIVES(
			"người vi phạm hoặc đối tượng truy nã (Điều 6.2)", "resident violators or fugitives (Art. 6.2)");

	private final String vi;

	private final String en;

	Step(String vi, String en) {
		this.vi = vi;
		this.en = en;
	}

	public String vi() {
		return vi;
	}

	public String en() {
		return en;
	}

}
