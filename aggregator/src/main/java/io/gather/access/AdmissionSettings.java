package io.gather.access;

import io.gather.startup.SettingsProblems;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gather.admission.*}: how many dashboards this instance assembles at once, and how many more may wait for
 * a turn (README, "Overload"). Size {@code max-concurrent} by Little's law: the dashboards per second one instance
 * serves at its peak times the slowest downstream's latency (one core here: ~1800/s x 0.2 s = 360, so 384): more
 * only queues work inside Gather, where it times out; fewer leaves the core idle.
 * Checked at startup: a bad value stops Gather with a message that names the key.
 */
@Context
@ConfigurationProperties("gather.admission")
public class AdmissionSettings {
    /** Default {@code max-concurrent}: {@value}. */
    public static final int DEFAULT_MAX_CONCURRENT = 384;
    /** Default {@code min-concurrent}: {@value}. */
    public static final int DEFAULT_MIN_CONCURRENT = 4;
    /** Default {@code slow-start}: {@value} s. */
    public static final long DEFAULT_SLOW_START_SECONDS = 60;
    /** Default {@code ceiling}: {@value}. */
    public static final int DEFAULT_CEILING = 1024;
    /** Default {@code busy-core-percent}: {@value}. */
    public static final int DEFAULT_BUSY_CORE_PERCENT = 90;
    /** Default {@code busy-collector-percent}: {@value}. */
    public static final int DEFAULT_BUSY_COLLECTOR_PERCENT = 20;
    /** Default {@code queue-size}: {@value}. */
    public static final int DEFAULT_QUEUE_SIZE = 2048;
    /** Default {@code queue-timeout}: {@value} ms. */
    public static final long DEFAULT_QUEUE_TIMEOUT_MS = 2000;
    /** Default {@code retry-after}: {@value} s. */
    public static final long DEFAULT_RETRY_AFTER_SECONDS = 1;
    /** Default {@code refusal-pause}: {@value} ms. */
    public static final long DEFAULT_REFUSAL_PAUSE_MS = 1000;

    private boolean enabled = true;
    private int maxConcurrent = DEFAULT_MAX_CONCURRENT;
    private int minConcurrent = DEFAULT_MIN_CONCURRENT;
    private Duration slowStart = Duration.ofSeconds(DEFAULT_SLOW_START_SECONDS);
    private int ceiling = DEFAULT_CEILING;
    private int busyCorePercent = DEFAULT_BUSY_CORE_PERCENT;
    private int busyCollectorPercent = DEFAULT_BUSY_COLLECTOR_PERCENT;
    private int queueSize = DEFAULT_QUEUE_SIZE;
    private Duration queueTimeout = Duration.ofMillis(DEFAULT_QUEUE_TIMEOUT_MS);
    private Duration retryAfter = Duration.ofSeconds(DEFAULT_RETRY_AFTER_SECONDS);
    private Duration refusalPause = Duration.ofMillis(DEFAULT_REFUSAL_PAUSE_MS);

    /** {@code false}: every request is assembled at once, however many there are. */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /** Dashboard requests assembled at once (streams included); one more waits in the queue. */
    public int getMaxConcurrent() {
        return maxConcurrent;
    }

    public void setMaxConcurrent(int maxConcurrent) {
        this.maxConcurrent = maxConcurrent;
    }

    /** The limit right after startup; it rises to {@code max-concurrent} over {@code slow-start}. */
    public int getMinConcurrent() {
        return minConcurrent;
    }

    public void setMinConcurrent(int minConcurrent) {
        this.minConcurrent = minConcurrent;
    }

    /** How long the limit takes to rise from {@code min-concurrent} to {@code max-concurrent} after startup; 0s: none. */
    public Duration getSlowStart() {
        return slowStart;
    }

    public void setSlowStart(Duration slowStart) {
        this.slowStart = slowStart;
    }

    /**
     * The limit rises above {@code max-concurrent}, up to this, while callers wait and the core is not busy: a
     * downstream slower than usual holds turns without costing CPU. At or below {@code max-concurrent}: never above it.
     */
    public int getCeiling() {
        return ceiling;
    }

    public void setCeiling(int ceiling) {
        this.ceiling = ceiling;
    }

    /** The ceiling in force: {@code ceiling}, or {@code max-concurrent} if that is higher (then the limit stays there). */
    public int ceilingInForce() {
        return Math.max(ceiling, maxConcurrent);
    }

    /**
     * The share of its cores (CPU time of all its threads, the collector's included) above which the process counts as
     * busy: the limit rises above {@code max-concurrent} only below it (less 5), and falls back above it (plus 5).
     */
    public int getBusyCorePercent() {
        return busyCorePercent;
    }

    public void setBusyCorePercent(int busyCorePercent) {
        this.busyCorePercent = busyCorePercent;
    }

    /**
     * The share of time the collector's pauses held the process above which the heap counts as short: then the limit
     * does not rise above {@code max-concurrent} and falls back to it, whatever the core's reading (more dashboards at
     * once keep more of the heap alive, and a short heap turns them into longer pauses and timed-out sections).
     */
    public int getBusyCollectorPercent() {
        return busyCollectorPercent;
    }

    public void setBusyCollectorPercent(int busyCollectorPercent) {
        this.busyCollectorPercent = busyCollectorPercent;
    }

    /** Requests that may wait for a turn, first come first served; one more is refused at once (503). */
    public int getQueueSize() {
        return queueSize;
    }

    public void setQueueSize(int queueSize) {
        this.queueSize = queueSize;
    }

    /** The longest a request waits for a turn; then it is refused (503). The deadline starts after the wait. */
    public Duration getQueueTimeout() {
        return queueTimeout;
    }

    public void setQueueTimeout(Duration queueTimeout) {
        this.queueTimeout = queueTimeout;
    }

    /** {@code Retry-After} of a refusal (whole seconds, at least 1). */
    public Duration getRetryAfter() {
        return retryAfter;
    }

    public void setRetryAfter(Duration retryAfter) {
        this.retryAfter = retryAfter;
    }

    /**
     * After a refusal, how long Gather waits before it reads the next request on that connection (the refusal itself
     * goes out at once): a client that ignores {@code Retry-After} cannot spend the core on refusals. 0: no pause.
     */
    public Duration getRefusalPause() {
        return refusalPause;
    }

    public void setRefusalPause(Duration refusalPause) {
        this.refusalPause = refusalPause;
    }

    @PostConstruct
    void check() {
        List<String> problems = new ArrayList<>();
        if (maxConcurrent < 1 || maxConcurrent > 100_000) {
            problems.add("gather.admission.max-concurrent must be 1..100000, not " + maxConcurrent);
        }
        if (minConcurrent < 1 || minConcurrent > maxConcurrent) {
            problems.add("gather.admission.min-concurrent must be 1..max-concurrent (" + maxConcurrent + "), not " + minConcurrent);
        }
        if (ceiling < 1 || ceiling > 100_000) {
            problems.add("gather.admission.ceiling must be 1..100000, not " + ceiling);
        }
        if (busyCorePercent < 10 || busyCorePercent > 95) {
            problems.add("gather.admission.busy-core-percent must be 10..95, not " + busyCorePercent);
        }
        if (busyCollectorPercent < 1 || busyCollectorPercent > 100) {
            problems.add("gather.admission.busy-collector-percent must be 1..100, not " + busyCollectorPercent);
        }
        if (slowStart == null || slowStart.isNegative() || slowStart.compareTo(Duration.ofMinutes(10)) > 0) {
            problems.add("gather.admission.slow-start must be 0s..10m, not " + slowStart);
        }
        if (queueSize < 0 || queueSize > 1_000_000) {
            problems.add("gather.admission.queue-size must be 0..1000000, not " + queueSize);
        }
        if (queueTimeout == null || queueTimeout.isNegative() || queueTimeout.compareTo(Duration.ofSeconds(60)) > 0) {
            problems.add("gather.admission.queue-timeout must be 0s..60s, not " + queueTimeout);
        }
        if (retryAfter == null || retryAfter.toSeconds() < 1 || retryAfter.toSeconds() > 3600 || retryAfter.getNano() != 0) {
            // Retry-After is whole seconds: 1999ms would have been told as 1
            problems.add("gather.admission.retry-after must be whole seconds, 1s..1h, not " + retryAfter);
        }
        if (refusalPause == null || refusalPause.isNegative() || retryAfter != null && refusalPause.compareTo(retryAfter) > 0) {
            problems.add("gather.admission.refusal-pause must be 0s..retry-after (" + retryAfter + "), not " + refusalPause);
        }
        SettingsProblems.stopIfAny(problems);
    }
}
