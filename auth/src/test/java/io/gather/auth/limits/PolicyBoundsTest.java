package io.gather.auth.limits;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The largest quota and the longest window startup accepts make buckets that work: nothing fails on first use. */
class PolicyBoundsTest {
    private final FakeClock clock = new FakeClock();

    private void consumesAndRefills(long quota, Duration window) {
        try (MemoryBucketStore store = new MemoryBucketStore(10, clock)) {
            Policy policy = new Policy("p", quota, window, Policy.Per.CLIENT);
            assertTrue(store.tryConsume("k", policy).join().isConsumed());
            store.refund("k", policy).join();
            clock.advance(window);
            assertTrue(store.tryConsume("k", policy).join().isConsumed());
        }
    }

    @Test
    void theLargestQuotaInTheShortestWindow() {
        // 10^12 a 10 s window had passed startup, then failed every request: "100 token/nanosecond is not permitted"
        consumesAndRefills(RateLimitConfig.MAX_QUOTA, Duration.ofSeconds(1));
    }

    @Test
    void theLongestWindow() {
        // 300000 days had passed startup, then failed every request with "long overflow"
        consumesAndRefills(1, RateLimitConfig.MAX_WINDOW);
        consumesAndRefills(RateLimitConfig.MAX_QUOTA, RateLimitConfig.MAX_WINDOW);
    }
}
