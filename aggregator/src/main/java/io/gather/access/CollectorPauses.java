package io.gather.access;

import io.micronaut.core.annotation.Nullable;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The time the collector has held this process paused so far, for the share of time it takes ({@link Headroom}): the
 * collection time of the JVM's collectors, less those that report concurrent work beside the application (G1's
 * "Concurrent GC", ZGC's and Shenandoah's "Cycles"), which pauses nothing.
 */
@FunctionalInterface
interface CollectorPauses {
    /** Pause nanoseconds so far (the JVM counts them in milliseconds). */
    long pauseNanos();

    /** This JVM's, or null where it reports no collector that pauses. */
    @Nullable
    static CollectorPauses ofThisProcess() {
        List<GarbageCollectorMXBean> pausing = ManagementFactory.getGarbageCollectorMXBeans().stream()
            .filter(c -> !c.getName().contains("Concurrent") && !c.getName().contains("Cycles"))
            .filter(c -> c.getCollectionTime() >= 0)
            .toList();
        if (pausing.isEmpty()) {
            return null;
        }
        return () -> {
            long millis = 0;
            for (GarbageCollectorMXBean c : pausing) {
                millis += Math.max(0, c.getCollectionTime());
            }
            return TimeUnit.MILLISECONDS.toNanos(millis);
        };
    }
}
