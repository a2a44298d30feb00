package vn.drugcontrol.service.ministry;

/**
 * Where a province's report to the Ministry is: {@code NOT_SUBMITTED} until the province
 * submits it (Art. 7.2); then {@code SUBMITTED} until the Ministry approves or returns it
 * (Art. 7.3); a returned report is submitted again.
 */
public enum ReportStatus {

	NOT_SUBMITTED, SUBMITTED, APPROVED, RETURNED

}
