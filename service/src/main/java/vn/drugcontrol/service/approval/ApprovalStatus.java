package vn.drugcontrol.service.approval;

/**
 * Where a run is in its approval: {@code DRAFT} until the provincial police submit it.
 */
public enum ApprovalStatus {

	DRAFT, SUBMITTED, APPROVED, RETURNED

}
