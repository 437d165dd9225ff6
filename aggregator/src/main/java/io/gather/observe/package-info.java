/**
 * What operators see: the metrics (section outcomes and latencies, caches, breakers, bulkheads, rate-limit
 * decisions, requests), the one log line per dashboard request and the warnings per downstream fault episode, the
 * readiness conditions, the OpenAPI document on the management port, and OpenTelemetry export when it is switched
 * on ({@code gather.tracing.*}). Everything on the hot path is prepared once (meters per section and outcome, no tags
 * built per request).
 */
package io.gather.observe;
