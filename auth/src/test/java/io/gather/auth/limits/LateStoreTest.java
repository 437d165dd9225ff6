package io.gather.auth.limits;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.auth.Caller;
import io.github.bucket4j.ConsumptionProbe;
import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The limiter on a store that answers only when the test says so: a check the store answers after
 * {@code redis-timeout} was refused (fail-closed) or let through unchecked (fail-open), so the token it took in
 * the store is given back, once. Nothing sleeps: the test waits for the timeout itself, then answers.
 */
class LateStoreTest {
    static final Duration TIMEOUT = Duration.ofMillis(50);
    private final LateStore store = new LateStore();
    private ApplicationContext context;

    @AfterEach
    void stop() {
        context.close();
    }

    private RateLimiter limiter(String failure) {
        Map<String, Object> p = RateLimiterTest.properties();
        p.put("gather.rate-limits.redis-failure", failure);
        p.put("gather.rate-limits.redis-timeout", TIMEOUT.toMillis() + "ms");
        context = ApplicationContext.run(p);
        return new RateLimiter(context.getBean(RateLimitConfig.class), store, new StoreOutages());
    }

    private static RateLimitDecision check(RateLimiter limiter) {
        return limiter.check(new Caller("u-1", Set.of("dashboard"), "tiny")).block(Duration.ofSeconds(2));
    }

    @Test
    void aCheckRefusedBecauseTheStoreWasLateGivesItsTokenBackOnce() {
        RateLimiter limiter = limiter("fail-closed");
        assertEquals(RateLimitDecision.Outcome.UNAVAILABLE, check(limiter).outcome());
        assertTrue(store.refunds.isEmpty(), "nothing to give back yet");
        store.answer(ConsumptionProbe.consumed(2, 10_000_000_000L));
        assertEquals(List.of("gather:rl:small:burst:3/10:c:tiny:u:u-1"), store.refunds);
    }

    @Test
    void aCheckLetThroughUncheckedBecauseTheStoreWasLateCostsNoQuotaEither() {
        RateLimiter limiter = limiter("fail-open");
        assertEquals(RateLimitDecision.Outcome.UNCHECKED, check(limiter).outcome());
        store.answer(ConsumptionProbe.consumed(2, 10_000_000_000L));
        assertEquals(1, store.refunds.size());
    }

    @Test
    void aLateRefusalOrFailureHasNothingToGiveBack() {
        RateLimiter limiter = limiter("fail-closed");
        assertEquals(RateLimitDecision.Outcome.UNAVAILABLE, check(limiter).outcome());
        assertEquals(RateLimitDecision.Outcome.UNAVAILABLE, check(limiter).outcome());
        store.answer(ConsumptionProbe.rejected(0, 10_000_000_000L, 10_000_000_000L));
        store.fail(new IllegalStateException("connection reset"));
        assertTrue(store.refunds.isEmpty(), store.refunds.toString());
    }

    /** Holds every check until the test answers it; counts what is given back. */
    private static final class LateStore implements BucketStore {
        final Queue<CompletableFuture<ConsumptionProbe>> pending = new ConcurrentLinkedQueue<>();
        final List<String> refunds = new CopyOnWriteArrayList<>();

        @Override
        public CompletableFuture<ConsumptionProbe> tryConsume(String key, Policy policy) {
            CompletableFuture<ConsumptionProbe> f = new CompletableFuture<>();
            pending.add(f);
            return f;
        }

        @Override
        public CompletableFuture<?> refund(String key, Policy policy) {
            refunds.add(key);
            return CompletableFuture.completedFuture(null);
        }

        void answer(ConsumptionProbe probe) {
            pending.remove().complete(probe);
        }

        void fail(Throwable error) {
            pending.remove().completeExceptionally(error);
        }

        @Override
        public void close() {
        }
    }
}
