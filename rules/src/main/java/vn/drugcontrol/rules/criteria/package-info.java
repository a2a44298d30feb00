/**
 * The vocabulary rules assess criteria in: exact rates, plant findings, thresholds and
 * the evidence each criterion leaves behind.
 */
package vn.drugcontrol.rules.criteria;
