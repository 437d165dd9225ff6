package io.gather.auth.limits;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import io.github.bucket4j.TimeMeter;
import java.util.concurrent.CompletableFuture;

/**
 * Buckets in this instance only: Bucket4j local (lock-free) buckets in a bounded Caffeine cache. A bucket is
 * forgotten once it has been idle for its policy's window (it would be full again by then), or when the cache is
 * full and it is the least recently used: a forgotten bucket starts full, so the bound can only make a limit
 * more lenient, never stricter. Answers at once, on the caller's thread.
 */
final class MemoryBucketStore implements BucketStore {
    private record Entry(Bucket bucket, Policy policy) {
    }

    private final Cache<String, Entry> buckets;
    private final TimeMeter clock;

    MemoryBucketStore(int maxBuckets, TimeMeter clock) {
        this.clock = clock;
        this.buckets = Caffeine.newBuilder()
            .maximumSize(maxBuckets)
            .expireAfter(Expiry.accessing((String key, Entry e) -> e.policy().window()))
            .ticker(clock::currentTimeNanos)
            .executor(Runnable::run)
            .build();
    }

    private Bucket bucket(String key, Policy policy) {
        return buckets.get(key, k -> new Entry(Bucket.builder()
            .addLimit(BucketStore.configuration(policy).getBandwidths()[0])
            .withCustomTimePrecision(clock)
            .build(), policy)).bucket();
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, Policy policy) {
        return CompletableFuture.completedFuture(bucket(key, policy).tryConsumeAndReturnRemaining(1));
    }

    @Override
    public CompletableFuture<?> refund(String key, Policy policy) {
        bucket(key, policy).addTokens(1);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void close() {
        buckets.invalidateAll();
    }
}
