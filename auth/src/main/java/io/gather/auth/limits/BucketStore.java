package io.gather.auth.limits;

import io.github.bucket4j.BucketConfiguration;
import io.github.bucket4j.ConsumptionProbe;
import java.util.concurrent.CompletableFuture;

/**
 * Where buckets live: one bucket per key, shaped by its policy. Every method returns at once; the future fails
 * when the store cannot answer, and never hangs (a remote store may answer late: {@link DeadlineStore} holds
 * the limiter's calls to {@code redis-timeout}).
 */
public interface BucketStore extends AutoCloseable {
    /** Takes one request from the bucket at {@code key}, if it has one left. */
    CompletableFuture<ConsumptionProbe> tryConsume(String key, Policy policy);

    /** Gives one request back (a request another policy refused); never above the quota. */
    CompletableFuture<?> refund(String key, Policy policy);

    /** Completes when the store answers (at once for a store in this instance); fails within the store's timeout when it does not. */
    default CompletableFuture<?> ping() {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    void close();

    /** A policy as a Bucket4j bucket: the whole quota, given back whole at the end of each window. */
    static BucketConfiguration configuration(Policy policy) {
        return BucketConfiguration.builder()
            .addLimit(limit -> limit.capacity(policy.quota()).refillIntervally(policy.quota(), policy.window()))
            .build();
    }
}
