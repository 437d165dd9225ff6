/**
 * The four downstream services of {@code shared/contracts/downstreams.md}, served on loopback by WireMock
 * with deterministic per-user data, per-service latency, and every failure the contract lists. Also a
 * development token issuer, so that tests and the demo can call Gather with real HS256 tokens.
 */
package io.gather.stubs;
