/**
 * The People's Committee's approval of a run (draft → submitted → approved | returned),
 * overrides of the recommended class under dual control, and the overrides report.
 */
package vn.drugcontrol.service.approval;
