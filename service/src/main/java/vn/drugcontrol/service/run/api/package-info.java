/**
 * The runs' API: starting a run, and reading runs and decisions as the list stands (the
 * approved classes once the People's Committee approved). Kept apart from the run feature
 * itself because it reads approvals ({@code approval}), which depend on runs: the run
 * feature stays free of what is built on it.
 */
package vn.drugcontrol.service.run.api;
