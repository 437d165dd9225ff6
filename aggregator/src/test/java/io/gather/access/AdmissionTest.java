package io.gather.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.micronaut.context.exceptions.ConfigurationException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.test.scheduler.VirtualTimeScheduler;

/** Admission on a virtual clock: turns up to the limit, a first-come-first-served queue, refusals when full or too late. */
class AdmissionTest {
    private final VirtualTimeScheduler clock = VirtualTimeScheduler.create();

    private Admission admission(int maxConcurrent, int queueSize, Duration queueTimeout) {
        AdmissionSettings s = new AdmissionSettings();
        s.setMinConcurrent(1);
        s.setMaxConcurrent(maxConcurrent);
        s.setSlowStart(Duration.ZERO);
        s.setQueueSize(queueSize);
        s.setQueueTimeout(queueTimeout);
        s.check();
        return new Admission(s, clock);
    }

    /** Subscribes to a wait and keeps what it came to. */
    private static AtomicReference<Admission.Turn> waitFor(Admission admission, List<Disposable> subscriptions) {
        return waitFor(admission, Runnable::run, subscriptions);
    }

    /** The same, the turn delivered through {@code resumeOn} (a request's event loop). */
    private static AtomicReference<Admission.Turn> waitFor(Admission admission, Executor resumeOn, List<Disposable> subscriptions) {
        AtomicReference<Admission.Turn> turn = new AtomicReference<>();
        subscriptions.add(admission.await(resumeOn).subscribe(turn::set));
        return turn;
    }

    @Test
    void turnsAreGivenAtOnceUpToTheLimitAndNoFurther() {
        Admission a = admission(3, 10, Duration.ofSeconds(1));
        for (int i = 0; i < 3; i++) {
            assertNotNull(a.tryAdmit());
        }
        assertNull(a.tryAdmit());
        assertEquals(3, a.inFlight());
    }

    @Test
    void waitersGetFreedTurnsInTheOrderTheyCame() {
        Admission a = admission(1, 10, Duration.ofSeconds(1));
        Admission.Permit first = a.tryAdmit();
        List<Disposable> subs = new ArrayList<>();
        var second = waitFor(a, subs);
        var third = waitFor(a, subs);
        assertNull(second.get());
        assertEquals(2, a.waiting());
        assertNull(a.tryAdmit(), "nobody jumps the queue, even at a free moment");

        first.release();
        assertInstanceOf(Admission.Permit.class, second.get());
        assertNull(third.get());
        ((Admission.Permit) second.get()).release();
        assertInstanceOf(Admission.Permit.class, third.get());
        assertEquals(0, a.waiting());
        assertEquals(1, a.inFlight());
    }

    @Test
    void aFullQueueRefusesAtOnce() {
        Admission a = admission(1, 2, Duration.ofSeconds(1));
        a.tryAdmit();
        List<Disposable> subs = new ArrayList<>();
        waitFor(a, subs);
        waitFor(a, subs);
        assertSame(Admission.Refused.QUEUE_FULL, waitFor(a, subs).get());
        assertEquals(2, a.waiting());
    }

    @Test
    void aWaitThatRunsOutIsRefusedAndLeavesTheQueue() {
        Admission a = admission(1, 10, Duration.ofMillis(500));
        Admission.Permit busy = a.tryAdmit();
        List<Disposable> subs = new ArrayList<>();
        var waiter = waitFor(a, subs);
        clock.advanceTimeBy(Duration.ofMillis(499));
        assertNull(waiter.get());
        clock.advanceTimeBy(Duration.ofMillis(1));
        assertSame(Admission.Refused.WAITED_TOO_LONG, waiter.get());
        assertEquals(0, a.waiting());

        busy.release();
        assertEquals(0, a.inFlight(), "the turn freed later is nobody's");
        assertNotNull(a.tryAdmit());
    }

    @Test
    void aCallerThatGoesAwayLeavesTheQueueAndTheNextOneGetsTheTurn() {
        Admission a = admission(1, 10, Duration.ofSeconds(1));
        Admission.Permit busy = a.tryAdmit();
        List<Disposable> subs = new ArrayList<>();
        var gone = waitFor(a, subs);
        var next = waitFor(a, subs);
        subs.get(0).dispose();
        assertEquals(1, a.waiting());
        busy.release();
        assertNull(gone.get());
        assertInstanceOf(Admission.Permit.class, next.get());
        assertEquals(1, a.inFlight());
    }

    @Test
    void aTurnGrantedAsItsCallerGoesGoesToTheNextOne() {
        Admission a = admission(1, 10, Duration.ofSeconds(1));
        Admission.Permit busy = a.tryAdmit();
        List<Runnable> loop = new ArrayList<>();                // the leaving caller's event loop, run by hand
        List<Disposable> subs = new ArrayList<>();
        var gone = waitFor(a, loop::add, subs);
        var next = waitFor(a, subs);
        busy.release();                                         // granted to the first waiter, on its way to it ...
        assertEquals(1, loop.size());
        subs.get(0).dispose();                                  // ... as its caller hangs up
        assertInstanceOf(Admission.Permit.class, next.get(), "the turn went on to the next waiter");
        loop.forEach(Runnable::run);
        assertNull(gone.get(), "and never reached the caller who left");
        assertEquals(1, a.inFlight());
    }

    @Test
    void aTurnIsDeliveredOnTheRequestsOwnExecutor() {
        Admission a = admission(1, 10, Duration.ofSeconds(1));
        Admission.Permit busy = a.tryAdmit();
        List<Runnable> loop = new ArrayList<>();
        var turn = waitFor(a, loop::add, new ArrayList<>());
        busy.release();
        assertNull(turn.get(), "not on the thread that freed it");
        loop.forEach(Runnable::run);
        assertInstanceOf(Admission.Permit.class, turn.get());
    }

    @Test
    void releasingTwiceFreesOneTurn() {
        Admission a = admission(2, 10, Duration.ofSeconds(1));
        Admission.Permit p = a.tryAdmit();
        a.tryAdmit();
        p.release();
        p.release();
        assertEquals(1, a.inFlight());
    }

    @Test
    void noQueueMeansRefusedAtOnceWhenFull() {
        Admission a = admission(1, 0, Duration.ofSeconds(1));
        a.tryAdmit();
        assertSame(Admission.Refused.QUEUE_FULL, waitFor(a, new ArrayList<>()).get());
    }

    @Test
    void afterStartupTheLimitRisesInAStraightLineAndWaitersGetTheNewTurns() {
        AdmissionSettings s = new AdmissionSettings();
        s.setMinConcurrent(10);
        s.setMaxConcurrent(110);
        s.setSlowStart(Duration.ofSeconds(10));
        s.setQueueTimeout(Duration.ofSeconds(30));
        Admission a = new Admission(s, clock);
        a.start();
        assertEquals(10, a.limit());
        for (int i = 0; i < 10; i++) {
            assertNotNull(a.tryAdmit());
        }
        List<Disposable> subs = new ArrayList<>();
        List<AtomicReference<Admission.Turn>> waiters = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            waiters.add(waitFor(a, subs));
        }
        clock.advanceTimeBy(Duration.ofSeconds(1));
        assertEquals(20, a.limit(), "a tenth of the way");
        assertEquals(10, waiters.stream().filter(w -> w.get() != null).count(), "the ten new turns went to the first ten waiting");
        clock.advanceTimeBy(Duration.ofSeconds(9));
        assertEquals(110, a.limit());
        assertEquals(0, a.waiting());
        clock.advanceTimeBy(Duration.ofSeconds(60));
        assertEquals(110, a.limit(), "and stays there");
    }

    @Test
    void withoutSlowStartTheLimitIsTheMaximumFromTheStart() {
        AdmissionSettings s = new AdmissionSettings();
        s.setSlowStart(Duration.ZERO);
        Admission a = new Admission(s, clock);
        a.start();
        assertEquals(AdmissionSettings.DEFAULT_MAX_CONCURRENT, a.limit());
    }

    @Test
    void whileCallersWaitAndTheCoreIsNotBusyTheLimitRisesAboveMaxConcurrentAndFallsBackWhenItIs() {
        AtomicLong cpu = new AtomicLong();
        Admission a = new Admission(withHeadroom(), clock, cpu::get, 1);
        a.start();
        List<Admission.Permit> permits = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            permits.add(a.tryAdmit());
        }
        List<Disposable> subs = new ArrayList<>();
        List<AtomicReference<Admission.Turn>> waiters = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            waiters.add(waitFor(a, subs));
        }
        run(cpu, 0.30, Duration.ofSeconds(2));      // dashboards waiting on a slow downstream: the core at 30 %
        assertEquals(64, a.limit(), "up to the ceiling");
        assertEquals(48, waiters.stream().filter(w -> w.get() != null).count(), "the new turns went to those waiting");

        run(cpu, 1.00, Duration.ofSeconds(2));      // the core full: back to max-concurrent
        assertEquals(16, a.limit());

        waiters.stream().map(AtomicReference::get).filter(Admission.Permit.class::isInstance)
            .forEach(t -> ((Admission.Permit) t).release());
        permits.forEach(Admission.Permit::release);
        run(cpu, 0.10, Duration.ofSeconds(10));     // the rest got their turns; nobody waits
        assertEquals(0, a.waiting());
        assertEquals(16, a.limit(), "and it stays at max-concurrent while nobody waits, however idle the core");
        a.stop();
    }

    @Test
    void aHeapTooSmallForMoreTurnsKeepsTheLimitAtMaxConcurrentWhateverTheCoreReads() {
        // -Xmx256m at 2048 connections: the collector paused the process a third of the time; the core read 85-90 %
        // at times, and the turns it gave above max-concurrent came back as degraded answers
        AtomicLong cpu = new AtomicLong();
        AtomicLong paused = new AtomicLong();
        Admission a = fullWithCallersWaiting(cpu, paused);
        run(cpu, 0.30, paused, 0.30, Duration.ofSeconds(2));
        assertEquals(16, a.limit(), "no turn above max-concurrent while the collector takes 30 % of the time");

        run(cpu, 0.30, paused, 0.05, Duration.ofSeconds(4));    // the heap has room again: up to the ceiling
        assertEquals(64, a.limit());
        run(cpu, 0.30, paused, 0.30, Duration.ofSeconds(2));    // and short again: back down
        assertEquals(16, a.limit());
        a.stop();
    }

    @Test
    void oneLongPauseUnderARoomyHeapIsNotReadAsAShortHeap() {
        AtomicLong cpu = new AtomicLong();
        AtomicLong paused = new AtomicLong();
        Admission a = fullWithCallersWaiting(cpu, paused);
        run(cpu, 0.30, paused, 0.05, Duration.ofSeconds(2));
        assertEquals(64, a.limit());
        paused.addAndGet(Duration.ofMillis(474).toNanos());     // a full collection, as the default heap has every ~30 s
        run(cpu, 0.30, paused, 0.05, Duration.ofSeconds(2));
        assertEquals(64, a.limit(), "one pause is not a trend");
        a.stop();
    }

    @Test
    void withoutCpuReadingsTheLimitStaysAtMaxConcurrent() {
        AdmissionSettings s = new AdmissionSettings();
        s.setMaxConcurrent(2);
        s.setMinConcurrent(1);
        s.setSlowStart(Duration.ZERO);
        Admission a = new Admission(s, clock, null, 1);
        a.start();
        a.tryAdmit();
        a.tryAdmit();
        waitFor(a, new ArrayList<>());
        clock.advanceTimeBy(Duration.ofSeconds(5));
        assertEquals(2, a.limit());
    }

    /** max-concurrent 16, ceiling 64, no slow start. */
    private static AdmissionSettings withHeadroom() {
        AdmissionSettings s = new AdmissionSettings();
        s.setMinConcurrent(1);
        s.setMaxConcurrent(16);
        s.setCeiling(64);
        s.setSlowStart(Duration.ZERO);
        s.setQueueTimeout(Duration.ofSeconds(30));
        s.check();
        return s;
    }

    /** max-concurrent 16 (ceiling 64), all 16 turns taken and 100 callers waiting, reading the counters given. */
    private Admission fullWithCallersWaiting(AtomicLong cpu, AtomicLong paused) {
        Admission a = new Admission(withHeadroom(), clock, cpu::get, paused::get, 1);
        a.start();
        for (int i = 0; i < 16; i++) {
            a.tryAdmit();
        }
        List<Disposable> subs = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            waitFor(a, subs);
        }
        return a;
    }

    /**
     * Moves the virtual clock tick by tick, the process using {@code share} of its one core and the collector pausing
     * it for {@code pauseShare} of the time meanwhile.
     */
    private void run(AtomicLong cpu, double share, AtomicLong paused, double pauseShare, Duration time) {
        long step = Admission.TICK_MS;
        for (long t = 0; t < time.toMillis(); t += step) {
            paused.addAndGet((long) (pauseShare * step * 1_000_000));
            cpu.addAndGet((long) (share * step * 1_000_000));
            clock.advanceTimeBy(Duration.ofMillis(step));
        }
    }

    /** As above, with no pauses. */
    private void run(AtomicLong cpu, double share, Duration time) {
        run(cpu, share, new AtomicLong(), 0, time);
    }

    @Test
    void badSettingsNameTheirKeys() {
        AdmissionSettings s = new AdmissionSettings();
        s.setMaxConcurrent(0);
        s.setQueueTimeout(Duration.ofSeconds(-1));
        s.setBusyCorePercent(100);
        var e = assertThrows(ConfigurationException.class, s::check);
        assertEquals(true, e.getMessage().contains("gather.admission.max-concurrent"));
        assertEquals(true, e.getMessage().contains("gather.admission.queue-timeout"));
        assertEquals(true, e.getMessage().contains("gather.admission.busy-core-percent"));
    }
}
