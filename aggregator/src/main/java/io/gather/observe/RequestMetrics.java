package io.gather.observe;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * {@code gather_requests_seconds{route, status, view}}: API requests by route template (never the path, which holds a
 * user id), status and view, as a histogram (10 ms to 2 s); and {@code gather_admission_refused_total}, requests
 * refused before any work because Gather is over capacity (io.gather.access.Admission).
 * A timer is made on a route's first answer with a status, then found by array index.
 */
@Singleton
public final class RequestMetrics {
    /** The request attribute where a route says which view it answered (a String): {@value}. */
    public static final String VIEW_ATTRIBUTE = "gather.view";
    /** Views counted by name; any other is counted as {@value #OTHER}. */
    static final List<String> VIEWS = List.of("full", "compact");
    static final String OTHER = "other";
    private static final int STATUSES = 600;

    @Nullable
    private final MeterRegistry registry;
    private final Map<String, AtomicReferenceArray<Timer>> byRoute = new ConcurrentHashMap<>();
    @Nullable
    private final Counter admissionRefused;

    RequestMetrics(@Nullable MeterRegistry registry) {
        this.registry = registry;
        this.admissionRefused = registry == null ? null : Counter.builder("gather.admission.refused")
            .description("Requests refused before any work because Gather is over capacity")
            .register(registry);
    }

    /** The view's name for metrics: a known view, or {@value #OTHER}. */
    static String view(@Nullable String view) {
        if (view == null) {
            return VIEWS.get(0);
        }
        for (String v : VIEWS) {
            if (v.equals(view)) {
                return v;
            }
        }
        return OTHER;
    }

    void record(String route, int status, String view, long nanos) {
        if (registry == null || status < 100 || status >= STATUSES) {
            return;
        }
        AtomicReferenceArray<Timer> timers = byRoute.computeIfAbsent(route, r -> new AtomicReferenceArray<>(STATUSES * (VIEWS.size() + 1)));
        int viewIndex = VIEWS.indexOf(view);
        int slot = status * (VIEWS.size() + 1) + (viewIndex < 0 ? VIEWS.size() : viewIndex);
        Timer timer = timers.get(slot);
        if (timer == null) {
            timer = Timer.builder("gather.requests")
                .description("API requests by route template, status and view")
                .tags("route", route, "status", Integer.toString(status), "view", view)
                .serviceLevelObjectives(Buckets.LATENCY)
                .register(registry);
            timers.set(slot, timer);
        }
        timer.record(nanos, TimeUnit.NANOSECONDS);
    }

    /** Counts a request refused for lack of capacity. */
    public void admissionRefused() {
        if (admissionRefused != null) {
            admissionRefused.increment();
        }
    }
}
