/**
 * Who may call the dashboard, how often, and when, on HTTP: first a request waits for its turn ({@link
 * io.gather.access.Admission}: a bounded number assembled at once, a bounded queue, 503 beyond); then a token without any dashboard scope is refused (403,
 * {@code insufficient_scope}), then the caller's tier is checked (429 when over a policy, 503 when the shared
 * store is down and the policy is fail-closed) before any downstream call or cache read, and every answer after
 * that check carries the rate-limit fields. The decisions themselves are the auth module's
 * ({@code io.gather.auth.scopes}, {@code io.gather.auth.limits}).
 */
package io.gather.access;
