/**
 * Rate limits by tier. A tier ({@code gather.rate-limits.tiers.<tier>}) is a set of named policies that all apply:
 * {@code quota} requests per {@code window}, counted {@code per} client or user. Clients get their tier from
 * {@code gather.clients.<id>.tier}, everyone else the default tier. {@link io.gather.auth.limits.RateLimiter}
 * checks a request; the buckets live in a {@link io.gather.auth.limits.BucketStore}: in memory (one instance) or
 * in Redis (shared by every instance), both Bucket4j. The HTTP side (fields, 429, 503) is the aggregator's.
 */
package io.gather.auth.limits;
