package vn.drugcontrol.service.route;

/**
 * Who approves a key route (Art. 3, 7): the provincial People's Committee an
 * intra-provincial one, the Ministry of Public Security an inter-provincial one.
 */
public enum RouteKind {

	/** Tuyến trọng điểm phức tạp về ma túy nội tỉnh. */
	INTRA_PROVINCIAL,

	/** Tuyến trọng điểm phức tạp về ma túy liên tỉnh. */
	INTER_PROVINCIAL

}
