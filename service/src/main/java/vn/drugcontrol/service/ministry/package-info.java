/**
 * The report to the Ministry and the Ministry's national view (Art. 7.2, 7.3 of Decision
 * 28/2025/QĐ-TTg): a province reports its approved lists, routes and class; the Ministry
 * approves or returns it; the national board, list and the APIs other systems read.
 */
package vn.drugcontrol.service.ministry;
