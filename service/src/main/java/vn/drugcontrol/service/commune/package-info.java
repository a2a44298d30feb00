/**
 * Communes across periods: the history other systems ask for.
 */
package vn.drugcontrol.service.commune;
