/**
 * Rule-set versions: bundles of DRL and scenario tables, uploaded, validated, activated
 * for evaluation periods and rolled back; which rules classify a request; development
 * mode's watched directory.
 */
package vn.drugcontrol.service.ruleset;
