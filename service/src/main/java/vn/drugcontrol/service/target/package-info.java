/**
 * Drug-free targets per province and year (national and provincial plans), and each
 * province's progress towards them, period by period.
 */
package vn.drugcontrol.service.target;
