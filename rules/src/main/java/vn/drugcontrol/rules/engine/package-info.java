/**
 * The facade: compile DRL text into a rule set at run time and classify communes and
 * provinces with it.
 */
package vn.drugcontrol.rules.engine;
