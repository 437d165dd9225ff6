package io.gather.access;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The instance counts as slow for a while after an event loop ran late, and only then; on a virtual clock. */
class EventLoopLagTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final EventLoopLag lag = new EventLoopLag(now::get);

    @Test
    void loopsOnTimeLeaveTheInstanceNotSlow() {
        for (int i = 0; i < 100; i++) {
            advance(EventLoopLag.PROBE_MS);
            lag.probed(TimeUnit.MILLISECONDS.toNanos(EventLoopLag.LAG_MS));   // late, but not more than allowed
        }
        assertFalse(lag.saturated());
    }

    @Test
    void aLateLoopExcusesTimeoutsForTheExcuseWindowThenNoLonger() {
        lag.probed(TimeUnit.MILLISECONDS.toNanos(EventLoopLag.LAG_MS + 1));
        assertTrue(lag.saturated());
        advance(EventLoopLag.EXCUSE_MS - 1);
        assertTrue(lag.saturated(), "a call that timed out just after the lag may have waited in it");
        advance(1);
        assertFalse(lag.saturated());
    }

    @Test
    void theWindowRunsFromTheLastLateProbe() {
        lag.probed(TimeUnit.MILLISECONDS.toNanos(500));
        advance(EventLoopLag.EXCUSE_MS / 2);
        lag.probed(TimeUnit.MILLISECONDS.toNanos(150));
        advance(EventLoopLag.EXCUSE_MS - 1);
        assertTrue(lag.saturated());
        advance(1);
        assertFalse(lag.saturated());
    }

    private void advance(long ms) {
        now.addAndGet(TimeUnit.MILLISECONDS.toNanos(ms));
    }
}
