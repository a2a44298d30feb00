/**
 * Stateless evaluation of commune facts: classify and explain, store nothing.
 */
package vn.drugcontrol.service.evaluation;
