package io.gather.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The rule for the limit above max-concurrent: up while callers wait on an idle core, down when the core is busy. */
class HeadroomTest {
    private final Headroom rule = new Headroom(384, 1024, 0.80, 0.20);

    @Test
    void callersWaitingOnAnIdleCoreRaiseTheLimitStepByStepUpToTheCeiling() {
        int limit = 384;
        int ticks = 0;
        while (limit < 1024) {
            int next = rule.next(limit, 0.40, 0.0, true);
            assertTrue(next > limit);
            limit = next;
            ticks++;
        }
        assertEquals(1024, limit);
        assertEquals(11, ticks, "an eighth more each tick, 64 at most: from 384 to the ceiling in about a second");
        assertEquals(450, rule.next(400, 0.40, 0.0, true), "an eighth");
        assertEquals(664, rule.next(600, 0.40, 0.0, true), "64 at most");
        assertEquals(24, new Headroom(16, 64, 0.80, 0.20).next(16, 0.40, 0.0, true), "8 at least");
        assertEquals(1024, rule.next(1024, 0.40, 0.0, true), "never above the ceiling");
    }

    @Test
    void aBusyCoreTakesTheLimitBackToMaxConcurrentFastAndNoFurther() {
        assertEquals(768, rule.next(1024, 0.90, 0.0, true));
        assertEquals(576, rule.next(768, 0.90, 0.0, true));
        assertEquals(432, rule.next(576, 0.90, 0.0, false));
        assertEquals(384, rule.next(432, 0.90, 0.0, true));
        assertEquals(384, rule.next(384, 1.00, 0.0, true), "max-concurrent stays the floor: the slow start is what goes below");
    }

    @Test
    void nearTheBusyShareTheLimitHolds() {
        assertEquals(600, rule.next(600, 0.78, 0.0, true));
        assertEquals(600, rule.next(600, 0.84, 0.0, true));
        assertEquals(384, rule.next(384, 0.76, 0.0, true), "not raised within the band");
    }

    @Test
    void theCollectorPausingTooMuchCountsAsABusyCore() {
        assertEquals(384, rule.next(384, 0.40, 0.30, true), "no rise while the heap is short");
        assertEquals(768, rule.next(1024, 0.40, 0.30, true), "and back down as on a busy core");
        assertEquals(450, rule.next(400, 0.40, 0.19, true), "below it, the core decides");
    }

    @Test
    void withNobodyWaitingTheLimitDriftsBackToMaxConcurrent() {
        int limit = 1024;
        for (int i = 0; i < 200; i++) {
            limit = rule.next(limit, 0.30, 0.0, false);
        }
        assertEquals(384, limit);
        assertEquals(984, rule.next(1024, 0.30, 0.0, false), "a sixteenth of the excess a tick");
        assertEquals(384, rule.next(384, 0.10, 0.0, false));
    }

    @Test
    void aCeilingAtMaxConcurrentTurnsItOff() {
        assertFalse(new Headroom(384, 384, 0.80, 0.20).enabled());
        assertEquals(384, new Headroom(384, 384, 0.80, 0.20).next(384, 0.10, 0.0, true));
    }
}
