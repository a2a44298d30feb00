/**
 * The People's Committee's approval of a run (draft → submitted → approved | returned),
 * overrides of the recommended class under dual control, the overrides report, and what
 * an approved run's list is: its approved classes ({@link ApprovedClasses}), read by
 * every count, list, export and report.
 */
package vn.drugcontrol.service.approval;
