/**
 * Commune-level units (xã, phường, đặc khu): their facts, classes and outcomes (Art. 4,
 * 6).
 */
package vn.drugcontrol.rules.commune;
