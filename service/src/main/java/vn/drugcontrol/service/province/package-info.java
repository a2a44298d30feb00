/**
 * Provinces: each run's province decision (Art. 5, 6), the run that stands for a period,
 * and the transitions of a province's communes between periods.
 */
package vn.drugcontrol.service.province;
