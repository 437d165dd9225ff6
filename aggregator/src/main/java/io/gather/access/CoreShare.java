package io.gather.access;

/**
 * The share of its cores (0..1) the process kept busy lately, read at each tick: CPU time used since the last tick over
 * the wall time times the cores this JVM may run on ({@code availableProcessors}: the CPU affinity mask or a
 * container's quota). Smoothed over a few ticks, so that a collector's pause, which fills one tick, does not read as a
 * busy core on its own. Read with one "core" from the collector's pause time, it is the share of time the process
 * stood paused ({@link CollectorPauses}).
 */
final class CoreShare {
    /** The weight of the newest tick. */
    static final double WEIGHT = 0.3;

    private final CoreUse use;
    private final int cores;
    private final double weight;
    private long lastCpu;
    private long lastWall;
    /** Written by the limit's clock, read by the scrape. */
    private volatile double share;

    CoreShare(CoreUse use, int cores, long wallNanos) {
        this(use, cores, wallNanos, WEIGHT);
    }

    /** With the newest tick's weight given: lower, for a reading that should follow a trend, not one tick. */
    CoreShare(CoreUse use, int cores, long wallNanos, double weight) {
        this.use = use;
        this.cores = Math.max(1, cores);
        this.weight = weight;
        this.lastCpu = use.cpuNanos();
        this.lastWall = wallNanos;
    }

    /** The smoothed share, this tick's reading included. */
    double update(long wallNanos) {
        long cpu = use.cpuNanos();
        long wall = wallNanos - lastWall;
        if (wall > 0) {
            double now = Math.min(1.0, Math.max(0.0, (double) (cpu - lastCpu) / ((double) wall * cores)));
            share += weight * (now - share);
        }
        lastCpu = cpu;
        lastWall = wallNanos;
        return share;
    }

    /** The smoothed share as of the last tick. */
    double current() {
        return share;
    }
}
