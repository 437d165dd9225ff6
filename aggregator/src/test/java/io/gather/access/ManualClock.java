package io.gather.access;

import io.gather.auth.limits.RateLimitClock;
import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** The rate limits' clock, moved by the test alone (only in {@link RateLimitHttpTest}). */
@Singleton
@Replaces(RateLimitClock.class)
@Requires(property = "spec.name", value = "RateLimitHttpTest")
public class ManualClock extends RateLimitClock {
    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(1).toNanos());

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

    void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }
}
