package io.gather.auth.limits;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.time.Duration;

/**
 * {@code gather.rate-limits.*}: where buckets live and what happens when that place does not answer. The tiers
 * themselves are {@link TierSettings}. Checked at startup by {@link RateLimitConfig}.
 */
@ConfigurationProperties("gather.rate-limits")
public class RateLimitSettings {
    /** Default tier for clients not listed in {@code gather.clients}: {@value}. */
    public static final String DEFAULT_TIER = "default";
    /** Default store: {@value} (one instance; use {@code redis} to share limits across instances). */
    public static final String DEFAULT_STORE = "memory";
    /** Default policy when Redis does not answer: {@value}. */
    public static final String DEFAULT_REDIS_FAILURE = "fail-open";
    /** Default time one rate-limit check may wait for Redis: {@value} ms. */
    public static final long DEFAULT_REDIS_TIMEOUT_MS = 200;
    /** Default bound of the memory store: {@value} buckets. */
    public static final int DEFAULT_MEMORY_MAX_BUCKETS = 100_000;

    private boolean enabled = true;
    private String defaultTier = DEFAULT_TIER;
    private String store = DEFAULT_STORE;
    private String redisFailure = DEFAULT_REDIS_FAILURE;
    private Duration redisTimeout = Duration.ofMillis(DEFAULT_REDIS_TIMEOUT_MS);
    private int memoryMaxBuckets = DEFAULT_MEMORY_MAX_BUCKETS;

    /** {@code false} turns rate limiting off entirely (no check, no fields). */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** The tier of clients not listed in {@code gather.clients}, and of tokens that name no client. */
    public String getDefaultTier() {
        return defaultTier;
    }

    public void setDefaultTier(String defaultTier) {
        this.defaultTier = defaultTier;
    }

    /** {@code memory} (buckets in this instance) or {@code redis} (shared through {@code redis.uri}). */
    public String getStore() {
        return store;
    }

    public void setStore(String store) {
        this.store = store;
    }

    /** {@code fail-open} (admit, log the misses) or {@code fail-closed} (503 with Retry-After) when Redis fails. */
    public String getRedisFailure() {
        return redisFailure;
    }

    public void setRedisFailure(String redisFailure) {
        this.redisFailure = redisFailure;
    }

    /** How long one check may wait for Redis before the failure policy applies. */
    public Duration getRedisTimeout() {
        return redisTimeout;
    }

    public void setRedisTimeout(Duration redisTimeout) {
        this.redisTimeout = redisTimeout;
    }

    /** How many buckets the memory store keeps; the least recently used beyond it are forgotten (refilled). */
    public int getMemoryMaxBuckets() {
        return memoryMaxBuckets;
    }

    public void setMemoryMaxBuckets(int memoryMaxBuckets) {
        this.memoryMaxBuckets = memoryMaxBuckets;
    }
}
