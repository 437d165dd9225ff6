/**
 * Who is calling: a bearer JWT verified by Micronaut Security (Nimbus), turned into a {@link io.gather.auth.Caller}.
 * Anything that is not a valid token for a contract user id is a 401 with {@code WWW-Authenticate: Bearer};
 * the body is whatever the application's {@code ErrorResponseProcessor} writes (problem+json in Gather).
 */
package io.gather.auth;
