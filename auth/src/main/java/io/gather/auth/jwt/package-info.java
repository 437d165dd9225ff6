/**
 * Claim rules Gather adds to Micronaut Security's own (signature, issuer, audience, not-before, expiry
 * when present): {@code exp} must be there, {@code sub} must be a contract user id, and a token without
 * a signature can never pass because a signature must be configured, and registered claims must have their
 * JSON types (a numeric {@code sub} is refused, not read as a string).
 */
package io.gather.auth.jwt;
