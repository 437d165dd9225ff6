package io.gather.observe;

import io.gather.dashboard.Section;
import io.gather.dashboard.SectionResult;
import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Ok;
import io.gather.dashboard.SectionResult.Reason;
import io.gather.dashboard.section.SectionObserver;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;

/**
 * Per section, what each request's section came to and how long the request waited for it:
 * <ul>
 *   <li>{@code gather_section_duration_seconds{section, outcome}}: a histogram (10 ms to 2 s), outcome
 *       {@code ok | cached | stale | missing | cancelled};</li>
 *   <li>{@code gather_section_outcomes_total{section, outcome, reason}}: the same outcomes with the reason of a
 *       missing or stale section ({@code timeout, error-status, ...}; {@code none} for ok, cached, cancelled).
 *       The cache hit ratio is {@code outcome="cached"} over all outcomes.</li>
 * </ul>
 * Every meter is registered when the stack is composed, so the hot path only indexes arrays.
 */
@Singleton
@Requires(bean = MeterRegistry.class)
final class SectionMetrics implements SectionObserver {
    static final String DURATION = "gather.section.duration";
    static final String OUTCOMES = "gather.section.outcomes";
    static final String NONE = "none";

    private final MeterRegistry registry;

    SectionMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @Override
    public Recorder forSection(Section<?> section) {
        return new SectionRecorder(section.id());
    }

    private final class SectionRecorder implements Recorder {
        private final Timer ok;
        private final Timer cached;
        private final Timer stale;
        private final Timer missing;
        private final Timer cancelled;
        private final Counter okCount;
        private final Counter cachedCount;
        private final Counter cancelledCount;
        private final Counter[] staleBy = new Counter[Reason.values().length];
        private final Counter[] missingBy = new Counter[Reason.values().length];

        SectionRecorder(String id) {
            ok = timer(id, "ok");
            cached = timer(id, "cached");
            stale = timer(id, "stale");
            missing = timer(id, "missing");
            cancelled = timer(id, "cancelled");
            okCount = counter(id, "ok", NONE);
            cachedCount = counter(id, "cached", NONE);
            cancelledCount = counter(id, "cancelled", NONE);
            for (Reason r : Reason.values()) {
                if (r != Reason.NOT_ALLOWED) { // a section the caller may not see never reaches its stack
                    staleBy[r.ordinal()] = counter(id, "stale", r.id());
                    missingBy[r.ordinal()] = counter(id, "missing", r.id());
                }
            }
        }

        private Timer timer(String id, String outcome) {
            return Timer.builder(DURATION)
                .description("How long a dashboard request waited for a section, by what the section came to")
                .tags("section", id, "outcome", outcome)
                .serviceLevelObjectives(Buckets.LATENCY)
                .register(registry);
        }

        private Counter counter(String id, String outcome, String reason) {
            return Counter.builder(OUTCOMES)
                .description("What each request's section came to: ok, cached, stale or missing (with the reason), or cancelled")
                .tags("section", id, "outcome", outcome, "reason", reason)
                .register(registry);
        }

        @Override
        public void settled(SectionResult<?> result, long nanos) {
            if (result instanceof Ok<?> o) {
                switch (o.source()) {
                    case LIVE -> {
                        ok.record(nanos, TimeUnit.NANOSECONDS);
                        okCount.increment();
                    }
                    case CACHED -> {
                        cached.record(nanos, TimeUnit.NANOSECONDS);
                        cachedCount.increment();
                    }
                    case STALE -> {
                        stale.record(nanos, TimeUnit.NANOSECONDS);
                        Counter c = staleBy[o.liveFailure().reason().ordinal()];
                        if (c != null) {
                            c.increment();
                        }
                    }
                }
            } else {
                missing.record(nanos, TimeUnit.NANOSECONDS);
                Counter c = missingBy[((Missing<?>) result).reason().ordinal()];
                if (c != null) {
                    c.increment();
                }
            }
        }

        @Override
        public void cancelled(long nanos) {
            cancelled.record(nanos, TimeUnit.NANOSECONDS);
            cancelledCount.increment();
        }
    }
}
