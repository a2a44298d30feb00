package vn.drugcontrol.service.assessment;

/**
 * Where a commune's self-assessment stands for a period: not started (no row), a draft,
 * submitted to the province, returned with a reason (the commune corrects and submits
 * again), accepted by the province (it goes into the province's run).
 */
public enum AssessmentStatus {

	NOT_STARTED, DRAFT, SUBMITTED, RETURNED, ACCEPTED;

	/** Whether the commune may still change its figures. */
	public boolean editableByCommune() {
		return this == NOT_STARTED || this == DRAFT || this == RETURNED;
	}

}
