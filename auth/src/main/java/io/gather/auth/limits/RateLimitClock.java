package io.gather.auth.limits;

import io.github.bucket4j.TimeMeter;
import jakarta.inject.Singleton;

/**
 * The clock buckets refill by: the system clock in milliseconds. A bean of its own so that tests can replace it
 * with a clock they move by hand, and never sleep.
 */
@Singleton
public class RateLimitClock implements TimeMeter {
    @Override
    public long currentTimeNanos() {
        return TimeMeter.SYSTEM_MILLISECONDS.currentTimeNanos();
    }

    @Override
    public boolean isWallClockBased() {
        return true;
    }
}
