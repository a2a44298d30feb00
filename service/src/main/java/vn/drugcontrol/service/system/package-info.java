/**
 * Cross-cutting set-up: beans, API problem details, who is asking.
 */
package vn.drugcontrol.service.system;
