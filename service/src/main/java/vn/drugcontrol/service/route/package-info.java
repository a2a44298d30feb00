/**
 * The key-route registry (Art. 3): approved routes, their periods and communes; runs
 * derive each commune's route facts from it.
 */
package vn.drugcontrol.service.route;
