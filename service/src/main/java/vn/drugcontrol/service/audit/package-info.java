/**
 * The tamper-evident audit trail: every state change appended to one hash chain, and the
 * check that nobody edited, removed or reordered an entry since.
 */
package vn.drugcontrol.service.audit;
