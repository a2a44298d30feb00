/**
 * Reports people would rather look at than read: a run's (or a province's period's) list
 * by class with evidence, transitions and target progress, as XLSX and printable PDF in
 * Vietnamese, and charts as PNG and SVG.
 */
package vn.drugcontrol.service.report;
