package io.gather.access;

import com.netflix.concurrency.limits.Limiter;
import com.netflix.concurrency.limits.limit.SettableLimit;
import com.netflix.concurrency.limits.limiter.SimpleLimiter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * Admission control: at most {@code max-concurrent} dashboards are assembled at once (a Netflix concurrency-limits
 * limiter holds the count; after startup the limit rises from {@code min-concurrent} over {@code slow-start}; more,
 * up to {@code ceiling}, while callers wait and the core is not busy: see {@link Headroom}); the
 * next ones wait their turn, first come first served, at most {@code queue-size} of
 * them and for at most {@code queue-timeout}; past either a request is refused at once. So more callers than the
 * core can serve queue in front of the work instead of inside it: admitted dashboards keep their latency and finish
 * inside the deadline, and sections' timeouts keep measuring the downstreams, not Gather's own congestion.
 */
@Singleton
public final class Admission {
    /** What a request got: a turn (release its {@link Permit} when done) or a refusal and why. */
    public sealed interface Turn permits Permit, Refused {
    }

    /** Why a request was refused. */
    public enum Refused implements Turn {
        /** {@code queue-size} requests were already waiting. */
        QUEUE_FULL,
        /** It waited {@code queue-timeout} without a turn. */
        WAITED_TOO_LONG
    }

    /** The limit's clock ticks this often: the slow start's steps, the headroom's readings. */
    static final long TICK_MS = 100;
    /**
     * The newest tick's weight in the pause share: about a second's trend. A full collection of 0.5 s under a roomy heap
     * reads as ~0.15 and fades; a heap too small, pausing a third of the time, reads as ~0.3 and stays.
     */
    static final double PAUSE_WEIGHT = 0.1;
    private static final int WAITING = 0;
    private static final int GRANTED = 1;
    private static final int GONE = 2;
    private static final int DELIVERED = 3;

    private final boolean enabled;
    private final SimpleLimiter<Void> limiter;
    private final Queue<Waiter> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private final int queueSize;
    private final long queueTimeoutNanos;
    private final Duration retryAfter;
    private final Duration refusalPause;
    private final Scheduler timer;
    private final SettableLimit limit;
    private final int minConcurrent;
    private final int maxConcurrent;
    private final long slowStartNanos;
    private final Headroom headroom;
    /** The core's reading; null without one (the JVM does not tell, or no ceiling above max-concurrent). */
    @Nullable
    private final CoreShare share;
    /** The collector's pauses, as a share of time; null without a reading (then only the core's counts). */
    @Nullable
    private final CoreShare pauses;
    private Disposable ticking;

    @Inject
    Admission(AdmissionSettings settings, @Nullable MeterRegistry registry) {
        this(settings, Schedulers.parallel(), CoreUse.ofThisProcess(), CollectorPauses.ofThisProcess(),
            Runtime.getRuntime().availableProcessors());
        if (registry != null && enabled) {
            Gauge.builder("gather.admission.in.flight", limiter, SimpleLimiter::getInflight)
                .description("Dashboard requests being assembled now").register(registry);
            Gauge.builder("gather.admission.limit", limiter, SimpleLimiter::getLimit)
                .description("Dashboard requests assembled at once at most now (max-concurrent after the slow start, up to ceiling while callers wait and the core is not busy)").register(registry);
            Gauge.builder("gather.admission.queued", queued, AtomicInteger::get)
                .description("Dashboard requests waiting for a turn").register(registry);
            Gauge.builder("gather.admission.core.share", this, a -> a.share == null ? 0 : a.share.current())
                .description("Share of its cores the process kept busy lately (0..1), as the limit reads it").register(registry);
            Gauge.builder("gather.admission.pause.share", this, a -> a.pauses == null ? 0 : a.pauses.current())
                .description("Share of time the collector's pauses held the process lately (0..1), as the limit reads it").register(registry);
        }
    }

    /** With the timer given (tests: a virtual-time scheduler, which is also the slow start's clock); no headroom. */
    Admission(AdmissionSettings settings, Scheduler timer) {
        this(settings, timer, null, 1);
    }

    /** With the timer and the process's CPU time given (tests: a virtual clock and a counter they move). */
    Admission(AdmissionSettings settings, Scheduler timer, @Nullable CoreUse coreUse, int cores) {
        this(settings, timer, coreUse, null, cores);
    }

    /** With the collector's pause time given too. */
    Admission(AdmissionSettings settings, Scheduler timer, @Nullable CoreUse coreUse, @Nullable CollectorPauses collector, int cores) {
        this.enabled = settings.isEnabled();
        this.minConcurrent = settings.getMinConcurrent();
        this.maxConcurrent = settings.getMaxConcurrent();
        this.slowStartNanos = settings.getSlowStart().toNanos();
        this.limit = SettableLimit.startingAt(slowStartNanos > 0 ? minConcurrent : maxConcurrent);
        this.limiter = SimpleLimiter.newBuilder().named("dashboard").limit(limit).build();
        this.queueSize = settings.getQueueSize();
        this.queueTimeoutNanos = settings.getQueueTimeout().toNanos();
        this.retryAfter = settings.getRetryAfter();
        this.refusalPause = settings.getRefusalPause();
        this.timer = timer;
        this.headroom = new Headroom(maxConcurrent, settings.ceilingInForce(), settings.getBusyCorePercent() / 100.0,
            settings.getBusyCollectorPercent() / 100.0);
        this.share = headroom.enabled() && coreUse != null ? new CoreShare(coreUse, cores, timer.now(TimeUnit.NANOSECONDS)) : null;
        // one core: a pause stops every thread; a slower weight, so that one long pause is not read as a short heap
        this.pauses = share != null && collector != null
            ? new CoreShare(collector::pauseNanos, 1, timer.now(TimeUnit.NANOSECONDS), PAUSE_WEIGHT) : null;
    }

    /**
     * Starts the limit's clock, a tick every {@value #TICK_MS} ms. First the slow start: the limit rises in a
     * straight line from {@code min-concurrent} to {@code max-concurrent} over {@code slow-start}, as a load balancer
     * ramps up a new instance, while its JIT compiles and its connection pools fill (a cold JVM given full load at
     * once times out its first calls and trips its breakers). Then the {@link Headroom}: above {@code max-concurrent},
     * up to {@code ceiling}, while callers wait and the core is not busy.
     */
    @PostConstruct
    void start() {
        if (!enabled || (slowStartNanos <= 0 && share == null)) {
            return;
        }
        long begin = timer.now(TimeUnit.NANOSECONDS);
        ticking = timer.schedulePeriodically(() -> tick(begin), TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
    }

    /** One tick of the limit's clock; without the core's reading, the clock stops at the slow start's end. */
    private void tick(long begin) {
        long now = timer.now(TimeUnit.NANOSECONDS);
        double busy = share == null ? 0 : share.update(now);    // read from the start: smooth by the ramp's end
        double paused = pauses == null ? 0 : pauses.update(now);
        int before = limit.getLimit();
        int next;
        if (now - begin < slowStartNanos) {
            next = minConcurrent + (int) ((maxConcurrent - minConcurrent) * (double) (now - begin) / slowStartNanos);
        } else if (share != null) {
            next = headroom.next(Math.max(before, maxConcurrent), busy, paused, queued.get() > 0);
        } else {
            next = maxConcurrent;
            stop();
        }
        if (next != before) {
            limit.setLimit(next);
            if (next > before) {
                drain();    // a higher limit gives turns to those waiting
            }
        }
    }

    @PreDestroy
    void stop() {
        Disposable t = ticking;
        if (t != null) {
            t.dispose();
        }
    }

    /** The limit now. */
    public int limit() {
        return limiter.getLimit();
    }

    public boolean enabled() {
        return enabled;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    /** How long a refused caller's connection is not read after the refusal. */
    public Duration refusalPause() {
        return refusalPause;
    }

    /** A turn now, if one is free and nobody waits before this request; else null (then {@link #await}). */
    @Nullable
    public Permit tryAdmit() {
        if (!queue.isEmpty()) {
            return null;
        }
        Optional<Limiter.Listener> listener = limiter.acquire(null);
        return listener.isPresent() ? new Permit(listener.get()) : null;
    }

    /**
     * Waits for a turn behind the requests already waiting: a {@link Permit}, or a {@link Refused} when the queue is
     * full or the wait runs out, delivered through {@code resumeOn} (the request's event loop). Cancelling the wait
     * leaves the queue; a turn granted but not yet delivered then goes to the next waiter.
     */
    public Mono<Turn> await(Executor resumeOn) {
        return Mono.<Turn>create(sink -> {
            if (queued.incrementAndGet() > queueSize || queueTimeoutNanos == 0) {
                queued.decrementAndGet();
                sink.success(Refused.QUEUE_FULL);
                return;
            }
            Waiter waiter = new Waiter(sink, resumeOn);
            sink.onCancel(waiter::cancelled);
            queue.add(waiter);
            waiter.timeout = timer.schedule(waiter::expired, queueTimeoutNanos, TimeUnit.NANOSECONDS);
            drain();    // a turn freed between this request's try and its joining the queue is not lost
        })
            // delivered as the wait was cancelled from another thread: the sink drops it, the turn goes back
            .doOnDiscard(Permit.class, Permit::release);
    }

    /** Dashboard requests being assembled now. */
    public int inFlight() {
        return limiter.getInflight();
    }

    /** Requests waiting for a turn now. */
    public int waiting() {
        return queued.get();
    }

    /** Gives free turns to the oldest waiters still waiting. */
    private void drain() {
        while (!queue.isEmpty()) {
            Optional<Limiter.Listener> listener = limiter.acquire(null);
            if (listener.isEmpty()) {
                return;
            }
            Permit permit = new Permit(listener.get());
            Waiter waiter;
            do {
                waiter = queue.poll();
            } while (waiter != null && !waiter.grant(permit));
            if (waiter == null) {
                permit.listener.onIgnore();     // nobody left to take it; not released through release(): no drain loop
                return;
            }
        }
    }

    /** One admitted request's turn; {@link #release()} it exactly when the request is done (more calls do nothing). */
    public final class Permit extends AtomicBoolean implements Turn {
        private final Limiter.Listener listener;

        private Permit(Limiter.Listener listener) {
            this.listener = listener;
        }

        public void release() {
            if (compareAndSet(false, true)) {
                listener.onSuccess();
                drain();
            }
        }
    }

    /**
     * A request in the queue: granted a turn (then delivered to it on its executor), or gone (it waited too long, or
     * its caller went away). A turn granted and not yet delivered when the caller goes is handed on, not lost.
     */
    private final class Waiter extends AtomicInteger {
        private final MonoSink<Turn> sink;
        private final Executor resumeOn;
        private volatile Permit permit;
        private volatile Disposable timeout;

        Waiter(MonoSink<Turn> sink, Executor resumeOn) {
            super(WAITING);
            this.sink = sink;
            this.resumeOn = resumeOn;
        }

        boolean grant(Permit p) {
            permit = p;
            if (!compareAndSet(WAITING, GRANTED)) {
                return false;
            }
            left();
            resume(this::deliver);
            return true;
        }

        private void deliver() {
            if (compareAndSet(GRANTED, DELIVERED)) {
                sink.success(permit);
            }
        }

        void expired() {
            if (compareAndSet(WAITING, GONE)) {
                left();
                resume(() -> sink.success(Refused.WAITED_TOO_LONG));
            }
        }

        /** On the request's executor; here, if it no longer takes tasks (shutting down): a turn must not vanish. */
        private void resume(Runnable task) {
            try {
                resumeOn.execute(task);
            } catch (RejectedExecutionException e) {
                task.run();
            }
        }

        void cancelled() {
            if (compareAndSet(WAITING, GONE)) {
                left();
            } else if (compareAndSet(GRANTED, GONE)) {
                permit.release();   // granted as the caller left, not yet delivered: the turn goes to the next one
            }
            // DELIVERED: the request holds the turn and gives it back when it ends or is cancelled
        }

        private void left() {
            queued.decrementAndGet();
            Disposable t = timeout;
            if (t != null) {
                t.dispose();
            }
        }
    }
}
