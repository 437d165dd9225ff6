package io.gather.dashboard.section;

import com.github.benmanes.caffeine.cache.Ticker;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/** The section stack's one time source (a Caffeine {@link Ticker}) as a {@link Clock}, for the breakers. */
final class TickerClock extends Clock {
    private final Ticker ticker;

    TickerClock(Ticker ticker) {
        this.ticker = ticker;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }

    @Override
    public long millis() {
        return ticker.read() / 1_000_000;
    }

    @Override
    public Instant instant() {
        long nanos = ticker.read();
        return Instant.ofEpochSecond(0, nanos);
    }
}
