package io.gather.access;

import io.gather.dashboard.section.InstanceLoad;
import io.micronaut.context.annotation.Context;
import io.micronaut.http.netty.channel.EventLoopGroupRegistry;
import io.netty.channel.EventLoopGroup;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ScheduledFuture;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * Whether this instance is itself slow right now: one of its event loops ran a task much later than asked. A section
 * call that times out then may have waited in Gather (a full core, a collector's pause, a cold JIT) rather than in the
 * downstream, so its breaker does not count it ({@link InstanceLoad}). Requests queued for admission are not evidence:
 * a slow downstream holds the turns and fills the queue while the core idles, and that is when its breaker must open.
 * <p>
 * Every {@value #PROBE_MS} ms each loop of the default group (the server's and the clients') runs a probe; one that
 * runs more than {@value #LAG_MS} ms late marks the instance slow for the next {@value #EXCUSE_MS} ms, longer than any
 * section's call, so a timeout that ends after the lag passed is still excused. A probe costs a clock read.
 */
@Context
public final class EventLoopLag implements InstanceLoad {
    static final long PROBE_MS = 20;
    static final long LAG_MS = 100;
    static final long EXCUSE_MS = 2000;

    private final LongSupplier nanos;
    private final List<ScheduledFuture<?>> probes = new ArrayList<>();
    private volatile long slowUntil;

    @Inject
    EventLoopLag(EventLoopGroupRegistry loops) {
        this(System::nanoTime);
        EventLoopGroup group = loops.getDefaultEventLoopGroup();
        for (EventExecutor loop : group) {
            probes.add(loop.scheduleWithFixedDelay(new Probe(), PROBE_MS, PROBE_MS, TimeUnit.MILLISECONDS));
        }
    }

    /** With the clock given; probes are then run by the test ({@link #probed(long)}). */
    EventLoopLag(LongSupplier nanos) {
        this.nanos = nanos;
        this.slowUntil = nanos.getAsLong();
    }

    @Override
    public boolean saturated() {
        return nanos.getAsLong() - slowUntil < 0;
    }

    /** A probe ran {@code lateNanos} after it was due. */
    void probed(long lateNanos) {
        if (lateNanos > TimeUnit.MILLISECONDS.toNanos(LAG_MS)) {
            slowUntil = nanos.getAsLong() + TimeUnit.MILLISECONDS.toNanos(EXCUSE_MS);
        }
    }

    @PreDestroy
    void stop() {
        probes.forEach(p -> p.cancel(false));
    }

    /** One loop's probe: how late it runs after the fixed delay since its last run. */
    private final class Probe implements Runnable {
        private long last = nanos.getAsLong();

        @Override
        public void run() {
            long now = nanos.getAsLong();
            probed(now - last - TimeUnit.MILLISECONDS.toNanos(PROBE_MS));
            last = now;
        }
    }
}
