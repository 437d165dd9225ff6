/**
 * Claim rules Gather adds to Micronaut Security's own (signature, issuer, audience, not-before, expiry
 * when present): {@code exp} must be there, {@code sub} must be a contract user id, and a token without
 * a signature can never pass because a signature must be configured.
 */
package io.gather.auth.jwt;
