package io.gather.auth.limits;

import io.github.bucket4j.ConsumptionProbe;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Holds every call of a store to {@code redis-timeout}. A check that lands in the store after its caller gave up
 * has still taken a token there, for a request that was refused (fail-closed) or let through unchecked
 * (fail-open): it is given back, once, in the background, so only requests that were checked and admitted count.
 * An answer that is already there (the memory store) is passed on as it is.
 */
final class DeadlineStore implements BucketStore {
    private final BucketStore store;
    private final long timeoutNanos;

    DeadlineStore(BucketStore store, Duration timeout) {
        this.store = store;
        this.timeoutNanos = timeout.toNanos();
    }

    @Override
    public CompletableFuture<ConsumptionProbe> tryConsume(String key, Policy policy) {
        CompletableFuture<ConsumptionProbe> inStore = store.tryConsume(key, policy);
        if (inStore.isDone()) {
            return inStore;
        }
        CompletableFuture<ConsumptionProbe> answer = new CompletableFuture<>();
        inStore.whenComplete((probe, error) -> {
            // complete() is false when the deadline came first: the caller never saw this token taken
            boolean inTime = error == null ? answer.complete(probe) : answer.completeExceptionally(error);
            if (!inTime && error == null && probe.isConsumed()) {
                store.refund(key, policy);
            }
        });
        return answer.orTimeout(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public CompletableFuture<?> refund(String key, Policy policy) {
        return bounded(store.refund(key, policy));
    }

    @Override
    public CompletableFuture<?> ping() {
        return bounded(store.ping());
    }

    private CompletableFuture<?> bounded(CompletableFuture<?> f) {
        return f.isDone() ? f : f.copy().orTimeout(timeoutNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void close() {
        store.close();
    }
}
