package io.gather.auth.limits;

import jakarta.inject.Singleton;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Counts the checks the store could not answer, and logs an outage as an episode, not per request: one warning
 * when it starts, one a minute while it lasts (with the count so far), and one when the store answers again
 * (with the total). {@link #totalMisses()} is there for a metric.
 */
@Singleton
public final class StoreOutages {
    private static final Logger LOG = LoggerFactory.getLogger(StoreOutages.class);
    private static final long REPORT_EVERY_NANOS = TimeUnit.MINUTES.toNanos(1);

    private final AtomicBoolean down = new AtomicBoolean();
    private final AtomicLong episodeMisses = new AtomicLong();
    private final AtomicLong totalMisses = new AtomicLong();
    private final AtomicLong startedNanos = new AtomicLong();
    private final AtomicLong reportedNanos = new AtomicLong();

    void missed(Throwable cause, RateLimitConfig.FailurePolicy policy) {
        totalMisses.incrementAndGet();
        long misses = episodeMisses.incrementAndGet();
        long now = System.nanoTime();
        String what = policy == RateLimitConfig.FailurePolicy.FAIL_OPEN ? "admitting requests unchecked (fail-open)"
            : "refusing requests with 503 (fail-closed)";
        if (down.compareAndSet(false, true)) {
            startedNanos.set(now);
            reportedNanos.set(now);
            LOG.warn("The rate-limit store does not answer ({}): {} until it does", describe(cause), what);
            return;
        }
        long reported = reportedNanos.get();
        if (now - reported > REPORT_EVERY_NANOS && reportedNanos.compareAndSet(reported, now)) {
            LOG.warn("The rate-limit store has not answered for {} s: {} requests so far, {}",
                TimeUnit.NANOSECONDS.toSeconds(now - startedNanos.get()), misses, what);
        }
    }

    void answered() {
        if (down.get() && down.compareAndSet(true, false)) {
            long misses = episodeMisses.getAndSet(0);
            LOG.warn("The rate-limit store answers again after {} ms; {} requests were not checked against it",
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startedNanos.get()), misses);
        }
    }

    /** Whether the last check found the store not answering. */
    public boolean isDown() {
        return down.get();
    }

    /** Every check the store did not answer since startup. */
    public long totalMisses() {
        return totalMisses.get();
    }

    private static String describe(Throwable cause) {
        Throwable root = cause;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName();
    }
}
