package io.gather.dashboard;

import jakarta.inject.Singleton;
import java.util.function.Supplier;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Dashboards asked for while Gather warms up start once the warm-up's own dashboard has settled, so that no caller's
 * sections run on a cold JVM (class loading and the clients' first connections inside a section's timeout). The
 * port opens before the warm-up ends, so that the warm-up's waiting for the downstreams overlaps the first request's
 * own cold work instead of delaying it. Open unless the warm-up holds it, which it does for 3 s at most.
 */
@Singleton
public final class WarmUpGate {
    private final Sinks.Empty<Void> opened = Sinks.empty();
    private volatile boolean held;

    /** Dashboards asked for from now on wait until {@link #open()}. */
    public void hold() {
        held = true;
    }

    /** Dashboards start at once, and those waiting start now. */
    public void open() {
        held = false;
        opened.tryEmitEmpty();
    }

    public boolean isOpen() {
        return !held;
    }

    /**
     * The fan-out, started once the gate is open; whether it waits is decided as it is asked for (the sink replays
     * its completion to a late subscriber).
     */
    <T> Flux<T> after(Supplier<Flux<T>> fanOut) {
        return held ? opened.asMono().thenMany(Flux.defer(fanOut)) : Flux.defer(fanOut);
    }
}
