/**
 * Stored facts replayed under rule-set versions, storing nothing: simulation of a
 * candidate version over a past run, why a commune's class changed between periods, and
 * whether a stored decision reproduces.
 */
package vn.drugcontrol.service.replay;
