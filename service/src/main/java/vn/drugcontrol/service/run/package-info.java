/**
 * Classification runs: one province, one period, one rule set; their decisions and
 * evidence, stored once and never changed.
 */
package vn.drugcontrol.service.run;
