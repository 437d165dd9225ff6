package io.gather.process;

import io.micronaut.context.annotation.Context;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sets, at startup, how much of the heap a full collection leaves free ({@code gather.heap.*}), so that the heap,
 * and the young generation with it, grow to fit the dashboards in flight instead of staying the size of the caches.
 * The JVM only takes these two flags this way when nobody chose them: given on the command line (or in
 * {@code JAVA_TOOL_OPTIONS}), they are left as they are. The heap never grows past {@code -Xmx} (a quarter of the
 * machine's or container's memory unless set), and a fixed heap ({@code -Xms} = {@code -Xmx}) or a collector that
 * sizes its heap by its own goals (Parallel, Z) does not read them.
 */
@Context
public final class HeapGrowth {
    static final String MIN = "MinHeapFreeRatio";
    static final String MAX = "MaxHeapFreeRatio";
    private static final Logger LOG = LoggerFactory.getLogger(HeapGrowth.class);

    /** What came of it, for the log and tests. */
    enum Outcome { SET, OFF, CHOSEN_BY_OPERATOR, NOT_THIS_JVM, REFUSED }

    private final Outcome outcome;

    @Inject
    HeapGrowth(HeapSettings settings) {
        this(settings, VmFlags.ofThisJvm());
    }

    HeapGrowth(HeapSettings settings, @Nullable VmFlags flags) {
        this.outcome = apply(settings, flags);
    }

    Outcome outcome() {
        return outcome;
    }

    private static Outcome apply(HeapSettings settings, @Nullable VmFlags flags) {
        if (!settings.inForce()) {
            return Outcome.OFF;
        }
        VmFlags.Flag min = flags == null ? null : flags.get(MIN);
        VmFlags.Flag max = flags == null ? null : flags.get(MAX);
        if (min == null || max == null) {
            LOG.info("heap: this JVM has no {} to set; gather.heap.* is not in force", MIN);
            return Outcome.NOT_THIS_JVM;
        }
        if (min.chosen() || max.chosen()) {
            LOG.info("heap: {}={} and {}={} as given to the JVM; gather.heap.* left aside", MIN, min.value(), MAX, max.value());
            return Outcome.CHOSEN_BY_OPERATOR;
        }
        long newMin = settings.getMinFreePercent();
        long newMax = settings.getMaxFreePercent();
        try {
            // the JVM keeps min <= max at every step: raise max first when the new min is above the old max
            if (newMin > max.value()) {
                flags.set(MAX, newMax);
                flags.set(MIN, newMin);
            } else {
                flags.set(MIN, newMin);
                flags.set(MAX, newMax);
            }
        } catch (RuntimeException e) {
            LOG.warn("heap: the JVM refused {}={} / {}={} ({}); in force: {}", MIN, newMin, MAX, newMax, e.toString(), inForce(flags));
            return Outcome.REFUSED;
        }
        LOG.info("heap: after a full collection it grows to keep {} % free, up to {} MB ({} {} -> {}, {} {} -> {}; "
                + "gather.heap.min-free-percent=0 leaves the JVM's own)", newMin, maxHeapMb(), MIN, min.value(), newMin,
            MAX, max.value(), newMax);
        return Outcome.SET;
    }

    private static String inForce(VmFlags flags) {
        VmFlags.Flag min = flags.get(MIN);
        VmFlags.Flag max = flags.get(MAX);
        return MIN + "=" + (min == null ? "?" : min.value()) + ", " + MAX + "=" + (max == null ? "?" : max.value());
    }

    private static long maxHeapMb() {
        long max = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getMax();
        return max < 0 ? -1 : max >> 20;
    }
}
