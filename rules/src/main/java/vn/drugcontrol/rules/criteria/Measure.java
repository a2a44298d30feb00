package vn.drugcontrol.rules.criteria;

/**
 * What a criterion measures. Point đ of Art. 4 counts the <em>other</em> criteria a
 * commune meets, by measure, whatever the letter they carry in each type (users are point
 * a in all types, arrests are point c in types I and II but point b in type III).
 */
public enum Measure {

	/** Người nghiện, người sử dụng trái phép chất ma túy có hồ sơ quản lý. */
	MANAGED_USERS,
	/** Điểm tổ chức, chứa chấp sử dụng trái phép chất ma túy. */
	DRUG_USE_POINTS,
	/** Đối tượng phạm tội về ma túy bị bắt giữ. */
	ARRESTED_OFFENDERS,
	/** Cây có chứa chất ma túy bị phát hiện, triệt phá. */
	DRUG_PLANTS,
	/** Nằm trên tuyến trọng điểm phức tạp về ma túy. */
	KEY_ROUTE,
	/** Communes of type I and II among the province's communes (Art. 5.4). */
	KEY_AREA_COMMUNES,
	/** Residents who are users outside the exempt groups (Art. 6.1). */
	USERS_OUTSIDE_EXEMPTIONS,
	/** Residents violating drug law and fugitives hiding in the area (Art. 6.2). */
	VIOLATORS_AND_FUGITIVES

}
