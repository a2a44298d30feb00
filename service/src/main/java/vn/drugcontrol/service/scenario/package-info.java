/**
 * Scenario tests analysts write as tables: facts, the class they expect and the criteria
 * they expect met, checked against a rule-set version before it can be activated.
 */
package vn.drugcontrol.service.scenario;
