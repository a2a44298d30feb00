/**
 * Exports of a run in the shape of the province's list (XLSX, CSV).
 */
package vn.drugcontrol.service.export;
