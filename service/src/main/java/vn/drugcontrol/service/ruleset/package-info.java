/**
 * Rule sets the service classifies with, by name.
 */
package vn.drugcontrol.service.ruleset;
