package io.gather.access;

/**
 * When the admission limit may go above {@code max-concurrent}: a dashboard waiting on a slow downstream holds its
 * turn but costs no CPU, so with callers waiting and the core not busy, more turns are served at no one's expense (a
 * limit sized for 200 ms downstreams serves a fifth of the callers when one answers in a second). The limit climbs
 * while both hold, falls back as soon as the process keeps its cores busier than {@code busy} (the collector's share
 * included: more dashboards at once keep more of the heap alive), and drifts down to {@code base} while nobody waits.
 * A pure rule, applied every tick by {@link Admission}.
 *
 * The collector's pauses are read apart: under a heap too small for the dashboards in flight, the core is busy with
 * the collector whatever the limit, and more turns only lengthen its pauses; above {@code busyPauses} the limit
 * behaves as on a busy core.
 *
 * @param base       the limit for downstreams at their usual pace ({@code max-concurrent}), never gone below
 * @param ceiling    the limit never goes above ({@code ceiling})
 * @param busy       the share of the cores (0..1) above which the core counts as busy
 * @param busyPauses the share of time (0..1) in the collector's pauses above which the heap counts as short
 */
record Headroom(int base, int ceiling, double busy, double busyPauses) {
    /** Around {@code busy}, a band where the limit holds, so that the noise of one tick does not move it. */
    static final double BAND = 0.05;
    /**
     * The most the limit rises in one tick: new turns start dashboards at once, and their calls may each need a new
     * connection, which the client pools open 64 at a time (more wait in a queue of 128, then fail: bulkhead-full).
     */
    static final int MAX_STEP = 64;

    boolean enabled() {
        return ceiling > base;
    }

    /**
     * The limit after a tick in which the process used {@code coreShare} of its cores and spent {@code pauseShare} of
     * its time in the collector's pauses, with callers waiting or not.
     */
    int next(int limit, double coreShare, double pauseShare, boolean callersWaiting) {
        if (coreShare > busy + BAND || pauseShare > busyPauses) {
            return Math.max(base, limit - Math.max(8, limit / 4));
        }
        if (callersWaiting && coreShare < busy - BAND) {
            return Math.min(ceiling, limit + Math.min(MAX_STEP, Math.max(8, limit / 8)));
        }
        if (!callersWaiting && limit > base) {
            return Math.max(base, limit - Math.max(1, (limit - base) / 16));
        }
        return limit;
    }
}
