/**
 * Who may do what: roles, the officer's own province, local users (quick start), OIDC
 * JWTs (production), API clients' tokens, and the HTTP security of the API and console.
 */
package vn.drugcontrol.service.security;
