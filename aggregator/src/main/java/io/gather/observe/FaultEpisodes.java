package io.gather.observe;

import io.gather.dashboard.Section;
import io.gather.dashboard.SectionResult;
import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Ok;
import io.gather.dashboard.SectionResult.Reason;
import io.gather.dashboard.SectionResult.Source;
import io.gather.dashboard.section.SectionObserver;
import io.micronaut.context.event.ApplicationEventListener;
import io.micronaut.context.event.ShutdownEvent;
import io.micronaut.runtime.graceful.GracefulShutdownCapable;
import jakarta.inject.Singleton;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs a downstream's faults as episodes, not per request: one WARN at the first fault after a quiet period (a
 * timeout, an error status that counts as a fault, a bad body, no connection, a full bulkhead; whether the
 * section was then served stale or missing), then nothing while the faults go on, and one INFO when the service
 * answers again after {@value #QUIET_SECONDS} s without a fault (an open breaker's refusals count as faults of the
 * episode under way), with how long it lasted and how many calls failed.
 * Breaker transitions are logged beside it, at INFO, by {@link ResilienceMetrics}. Details are Gather's own fixed
 * sentences: never a host, a body or a token. Once Gather shuts down (its graceful shutdown starts, or without one
 * its context stops), the calls its closing clients fail (past the grace period) are not the downstream's fault:
 * they are counted in the section metrics, not logged, so a deploy raises no alarm.
 */
@Singleton
final class FaultEpisodes implements SectionObserver, GracefulShutdownCapable, ApplicationEventListener<ShutdownEvent> {
    static final String LOGGER = "gather.faults";
    static final long QUIET_SECONDS = 30;
    private static final Logger LOG = LoggerFactory.getLogger(LOGGER);
    private static final long QUIET_NANOS = TimeUnit.SECONDS.toNanos(QUIET_SECONDS);
    private final AtomicBoolean shuttingDown = new AtomicBoolean();
    private final LongSupplier clock;

    FaultEpisodes() {
        this(System::nanoTime);
    }

    /** With a clock a test moves. */
    FaultEpisodes(LongSupplier clock) {
        this.clock = clock;
    }

    @Override
    public Recorder forSection(Section<?> section) {
        return new Episode(section.id(), shuttingDown, clock);
    }

    /** Called as the graceful shutdown starts (the HTTP clients close after it, when the context stops). */
    @Override
    public CompletionStage<?> shutdownGracefully() {
        shuttingDown.set(true);
        return CompletableFuture.completedFuture(null);
    }

    /** Without a graceful shutdown, the context's stop. */
    @Override
    public void onApplicationEvent(ShutdownEvent event) {
        shuttingDown.set(true);
    }

    private static final class Episode implements Recorder {
        private final String section;
        private final AtomicBoolean shuttingDown;
        private final LongSupplier clock;
        private final AtomicBoolean active = new AtomicBoolean();
        private final AtomicLong faults = new AtomicLong();
        private volatile long startedNanos;
        private volatile long lastFaultNanos;

        Episode(String section, AtomicBoolean shuttingDown, LongSupplier clock) {
            this.section = section;
            this.shuttingDown = shuttingDown;
            this.clock = clock;
        }

        @Override
        public void settled(SectionResult<?> result, long nanos) {
            Missing<?> fault = fault(result);
            if (fault != null && shuttingDown.get()) {
                return;
            }
            if (fault == null && active.get() && refusedByBreaker(result)) {
                // part of the episode: counting the breaker's time as quiet, the episode was said to be over 12 s
                // after the breaker closed, its length and count a fraction of the outage
                lastFaultNanos = clock.getAsLong();
                faults.incrementAndGet();
            } else if (fault != null) {
                long now = clock.getAsLong();
                lastFaultNanos = now;
                faults.incrementAndGet();
                if (active.compareAndSet(false, true)) {
                    startedNanos = now;
                    LOG.warn("Section {}: its service is failing ({}: {}); further faults are counted, not logged, until it "
                        + "has answered well for {} s", section, fault.reason().id(), fault.detail(), QUIET_SECONDS);
                }
            } else if (active.get() && result instanceof Ok<?> ok && ok.source() == Source.LIVE) {
                long now = clock.getAsLong();
                if (now - lastFaultNanos > QUIET_NANOS && active.compareAndSet(true, false)) {
                    long count = faults.getAndSet(0);
                    LOG.info("Section {}: its service answers well again; the episode lasted {} s, {} section answers met a fault",
                        section, TimeUnit.NANOSECONDS.toSeconds(lastFaultNanos - startedNanos), count);
                }
            }
        }

        @Override
        public void cancelled(long nanos) {
        }

        /** The live call's failure when it says the downstream is unwell (or too busy), else null. */
        private static Missing<?> fault(SectionResult<?> result) {
            Missing<?> m = liveFailure(result);
            return m != null && (m.downstreamFault() || m.reason() == Reason.BULKHEAD_FULL) ? m : null;
        }

        /** The breaker refused the call: part of an episode under way, never the start of one. */
        private static boolean refusedByBreaker(SectionResult<?> result) {
            Missing<?> m = liveFailure(result);
            return m != null && m.reason() == Reason.BREAKER_OPEN;
        }

        /** How the live call failed: the section missing, or served stale in its place; null if it did not fail. */
        private static Missing<?> liveFailure(SectionResult<?> result) {
            return result instanceof Missing<?> missing ? missing
                : result instanceof Ok<?> ok && ok.source() == Source.STALE ? ok.liveFailure() : null;
        }
    }
}
