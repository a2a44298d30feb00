/**
 * Provinces: facts aggregated from their communes, classes and outcomes (Art. 5, 6).
 */
package vn.drugcontrol.rules.province;
