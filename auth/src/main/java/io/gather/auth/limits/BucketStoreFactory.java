package io.gather.auth.limits;

import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Factory;

/**
 * Makes the one {@link BucketStore} that {@code gather.rate-limits.store} names, at startup (so that a Redis
 * connection is opened before the first request, never on an event loop).
 */
@Factory
final class BucketStoreFactory {
    @Context
    @Bean(preDestroy = "close")
    BucketStore bucketStore(RateLimitConfig config, RateLimitClock clock) {
        if (config.enabled() && config.store() == RateLimitConfig.Store.REDIS) {
            return new RedisBucketStore(config.redisUri(), config.redisTimeout(), clock);
        }
        return new MemoryBucketStore(config.memoryMaxBuckets(), clock);
    }
}
