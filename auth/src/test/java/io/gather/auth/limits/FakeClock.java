package io.gather.auth.limits;

import io.micronaut.context.annotation.Replaces;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;

/** A clock that moves only when a test says so. */
@Singleton
@Replaces(RateLimitClock.class)
@Requires(property = "spec.name", value = "RateLimiterTest")
public class FakeClock extends RateLimitClock {
    private final AtomicLong nanos = new AtomicLong(Duration.ofDays(1).toNanos());

    @Override
    public long currentTimeNanos() {
        return nanos.get();
    }

    @Override
    public boolean isWallClockBased() {
        return false;
    }

    public void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }
}
