/**
 * The web console for provincial officers and analysts: server-rendered pages (Thymeleaf,
 * Vietnamese by default, English with {@code ?lang=en}) over the same services as the API
 * — upload with validation or preview, runs, decisions with their evidence, a commune's
 * history, the shipped rule sets. One controller per page group; pages for rule-set
 * versions, the province view and approval join here as their features land.
 */
package vn.drugcontrol.service.web;
