/**
 * Importing commune facts (CSV, XLSX, JSON) against the facts contract and the 2025 list
 * of administrative units: a batch is accepted whole or rejected with every problem
 * named.
 */
package vn.drugcontrol.service.facts;
