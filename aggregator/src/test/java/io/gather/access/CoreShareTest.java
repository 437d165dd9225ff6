package io.gather.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The process's share of its cores, as admission reads it: CPU time over wall time and cores, smoothed. */
class CoreShareTest {
    private static final long TICK = 100_000_000L;     // 100 ms in nanoseconds

    private final AtomicLong cpu = new AtomicLong();

    @Test
    void aSteadyUseIsReadAsItsShareOfTheCores() {
        CoreShare share = new CoreShare(cpu::get, 2, 0);
        double read = 0;
        for (int t = 1; t <= 40; t++) {
            cpu.addAndGet(TICK);                        // one core's worth of the two, every tick
            read = share.update(t * TICK);
        }
        assertEquals(0.5, read, 0.001);
    }

    @Test
    void oneFullTickOfACollectorsPauseDoesNotReadAsABusyCore() {
        CoreShare share = new CoreShare(cpu::get, 1, 0);
        long now = 0;
        for (int t = 0; t < 40; t++) {
            cpu.addAndGet(TICK / 5);                    // 20 %
            share.update(now += TICK);
        }
        cpu.addAndGet(TICK);                            // a tick at 100 %
        double afterPause = share.update(now += TICK);
        assertTrue(afterPause < 0.5, "smoothed: " + afterPause);
        double full = 0;
        for (int t = 0; t < 20; t++) {
            cpu.addAndGet(TICK);
            full = share.update(now += TICK);
        }
        assertTrue(full > 0.95, "a core that stays full reads as full: " + full);
    }

    @Test
    void readingsStayWithinZeroAndOne() {
        CoreShare share = new CoreShare(cpu::get, 1, 0);
        cpu.addAndGet(10 * TICK);                       // more CPU than wall time (threads on cores the JVM was not given)
        assertTrue(share.update(TICK) <= 1.0);
        assertEquals(share.update(TICK), share.update(TICK), "no wall time passed: the reading stands");
    }
}
