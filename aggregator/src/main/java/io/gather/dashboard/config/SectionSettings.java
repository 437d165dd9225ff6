package io.gather.dashboard.config;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * One section's settings ({@code gather.sections.<name>.*}); the name is also the downstream client's id.
 * The defaults here apply to a section with no block of its own; {@code application.yml} sets ones that suit
 * each of today's sections. {@link #problems} says what is wrong with them, for the startup check.
 */
@EachProperty("gather.sections")
public class SectionSettings {
    /** Default section timeout: {@value} ms. */
    public static final long DEFAULT_TIMEOUT_MS = 1000;
    /** Default number of items asked for (orders, notifications, recommendations): {@value}. */
    public static final int DEFAULT_LIMIT = 10;
    /** The contract's bounds for {@code limit}. */
    public static final int MIN_LIMIT = 1;
    public static final int MAX_LIMIT = 50;

    private final String name;
    private Duration timeout = Duration.ofMillis(DEFAULT_TIMEOUT_MS);
    private int limit = DEFAULT_LIMIT;
    private Cache cache = new Cache();
    private Breaker breaker = new Breaker();
    private Bulkhead bulkhead = new Bulkhead();
    private Retry retry = new Retry();

    public SectionSettings(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    /** How long the downstream may take before the call is given up (missing: timeout, or 504 for a required one). */
    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    /** How many items to ask the downstream for ({@value #MIN_LIMIT}..{@value #MAX_LIMIT}). */
    public int getLimit() {
        return limit;
    }

    public void setLimit(int limit) {
        this.limit = limit;
    }

    public Cache getCache() {
        return cache;
    }

    public void setCache(Cache cache) {
        this.cache = cache;
    }

    public Breaker getBreaker() {
        return breaker;
    }

    public void setBreaker(Breaker breaker) {
        this.breaker = breaker;
    }

    public Bulkhead getBulkhead() {
        return bulkhead;
    }

    public void setBulkhead(Bulkhead bulkhead) {
        this.bulkhead = bulkhead;
    }

    public Retry getRetry() {
        return retry;
    }

    public void setRetry(Retry retry) {
        this.retry = retry;
    }

    /** Every problem with these settings, each naming its key; empty when they are usable. */
    public List<String> problems(Duration deadline) {
        String key = "gather.sections." + name;
        List<String> problems = new ArrayList<>();
        if (!positive(timeout)) {
            problems.add(key + ".timeout must be a positive duration");
        } else if (deadline != null && timeout.compareTo(deadline) > 0) {
            problems.add(key + ".timeout (" + timeout.toMillis() + " ms) is longer than gather.dashboard.deadline ("
                + deadline.toMillis() + " ms)");
        }
        if (limit < MIN_LIMIT || limit > MAX_LIMIT) {
            problems.add(key + ".limit must be from " + MIN_LIMIT + " to " + MAX_LIMIT);
        }
        if (cache.enabled) {
            if (!positive(cache.fresh)) {
                problems.add(key + ".cache.fresh must be a positive duration (or cache.enabled: false)");
            }
            if (cache.refreshAfter == null || cache.refreshAfter.isNegative()) {
                problems.add(key + ".cache.refresh-after must be 0s (off) or a positive duration");
            } else if (positive(cache.fresh) && cache.refreshAfter.compareTo(cache.fresh) >= 0) {
                problems.add(key + ".cache.refresh-after must be shorter than cache.fresh (or 0s: off)");
            }
            if (cache.staleIfError == null || cache.staleIfError.isNegative()) {
                problems.add(key + ".cache.stale-if-error must be 0s (never stale) or a positive duration");
            }
            if (cache.maxEntries < 1) {
                problems.add(key + ".cache.max-entries must be at least 1");
            }
            if (!(cache.maxHeapPercent > 0 && cache.maxHeapPercent <= 50)) {
                problems.add(key + ".cache.max-heap-percent must be above 0, at most 50");
            }
        }
        if (breaker.enabled) {
            if (breaker.failureRate <= 0 || breaker.failureRate > 100) {
                problems.add(key + ".breaker.failure-rate must be a percentage above 0, at most 100");
            }
            if (breaker.window == null || breaker.window.getNano() != 0 || breaker.window.toSeconds() < 1 || breaker.window.toSeconds() > 3600) {
                problems.add(key + ".breaker.window must be whole seconds, 1s..1h");
            }
            if (breaker.minimumCalls < 1) {
                problems.add(key + ".breaker.minimum-calls must be at least 1");
            }
            if (!positive(breaker.waitInOpen)) {
                problems.add(key + ".breaker.wait-in-open must be a positive duration");
            }
            if (breaker.halfOpenCalls < 1) {
                problems.add(key + ".breaker.half-open-calls must be at least 1");
            }
        }
        if (bulkhead.maxConcurrentCalls < 1) {
            problems.add(key + ".bulkhead.max-concurrent-calls must be at least 1");
        }
        if (retry.budgetPercent < 0 || retry.budgetPercent > 100 || retry.minRetries < 0) {
            problems.add(key + ".retry.budget-percent must be 0..100 and retry.min-retries at least 0");
        }
        return problems;
    }

    private static boolean positive(Duration d) {
        return d != null && !d.isNegative() && !d.isZero();
    }

    /**
     * The section cache ({@code gather.sections.<name>.cache.*}). An entry is served without a call while
     * fresh; past {@code refresh-after} (and still fresh) it is served and refreshed in the background
     * (stale-while-revalidate); past fresh it is only served, marked stale, when the live call fails,
     * until {@code stale-if-error} has passed too. Only good answers are stored. It holds at most {@code max-entries}
     * entries and at most {@code max-heap-percent} of the maximum heap, whichever bound is met first.
     */
    @ConfigurationProperties("cache")
    public static class Cache {
        private boolean enabled = true;
        private Duration fresh = Duration.ofSeconds(10);
        private Duration refreshAfter = Duration.ZERO;
        private Duration staleIfError = Duration.ofMinutes(5);
        private long maxEntries = 10_000;
        private double maxHeapPercent = 5;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public Duration getFresh() {
            return fresh;
        }

        public void setFresh(Duration fresh) {
            this.fresh = fresh;
        }

        public Duration getRefreshAfter() {
            return refreshAfter;
        }

        public void setRefreshAfter(Duration refreshAfter) {
            this.refreshAfter = refreshAfter;
        }

        public Duration getStaleIfError() {
            return staleIfError;
        }

        public void setStaleIfError(Duration staleIfError) {
            this.staleIfError = staleIfError;
        }

        public long getMaxEntries() {
            return maxEntries;
        }

        public void setMaxEntries(long maxEntries) {
            this.maxEntries = maxEntries;
        }

        /** The share of the JVM's maximum heap ({@code -Xmx}) this cache may hold at most, by estimate. */
        public double getMaxHeapPercent() {
            return maxHeapPercent;
        }

        public void setMaxHeapPercent(double maxHeapPercent) {
            this.maxHeapPercent = maxHeapPercent;
        }
    }

    /**
     * The downstream's circuit breaker ({@code gather.sections.<name>.breaker.*}): over the calls of the last
     * {@code window} (once {@code minimum-calls} were made in it), a failure rate at or above
     * {@code failure-rate} % opens it; open, it refuses calls for {@code wait-in-open}, then lets
     * {@code half-open-calls} through to decide whether to close again. A window of time, not of calls: at 500
     * calls a second the last 50 calls were the last 0.1 s, and a blip of 25 refused connects opened the breaker of a
     * healthy service (for the profile: every dashboard a 502 for 10 s; seen on the bench).
     */
    @ConfigurationProperties("breaker")
    public static class Breaker {
        private boolean enabled = true;
        private float failureRate = 50;
        private Duration window = Duration.ofSeconds(10);
        private int minimumCalls = 20;
        private Duration waitInOpen = Duration.ofSeconds(10);
        private int halfOpenCalls = 5;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public float getFailureRate() {
            return failureRate;
        }

        public void setFailureRate(float failureRate) {
            this.failureRate = failureRate;
        }

        public Duration getWindow() {
            return window;
        }

        public void setWindow(Duration window) {
            this.window = window;
        }

        public int getMinimumCalls() {
            return minimumCalls;
        }

        public void setMinimumCalls(int minimumCalls) {
            this.minimumCalls = minimumCalls;
        }

        public Duration getWaitInOpen() {
            return waitInOpen;
        }

        public void setWaitInOpen(Duration waitInOpen) {
            this.waitInOpen = waitInOpen;
        }

        public int getHalfOpenCalls() {
            return halfOpenCalls;
        }

        public void setHalfOpenCalls(int halfOpenCalls) {
            this.halfOpenCalls = halfOpenCalls;
        }
    }

    /**
     * At most {@code max-concurrent-calls} calls to the downstream at once ({@code gather.sections.<name>.bulkhead.*});
     * one more is refused at once, never queued. Keep it near the client pool's connections (2048 + 64), so the
     * pool's own wait queue stays short.
     */
    @ConfigurationProperties("bulkhead")
    public static class Bulkhead {
        private int maxConcurrentCalls = 2112;

        public int getMaxConcurrentCalls() {
            return maxConcurrentCalls;
        }

        public void setMaxConcurrentCalls(int maxConcurrentCalls) {
            this.maxConcurrentCalls = maxConcurrentCalls;
        }
    }

    /**
     * One retry of a call that got no answer at all (refused, reset), within the section's timeout, and only
     * while retries stay within {@code budget-percent} % of calls (plus {@code min-retries} in reserve).
     */
    @ConfigurationProperties("retry")
    public static class Retry {
        private boolean enabled = true;
        private int budgetPercent = 10;
        private int minRetries = 10;

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public int getBudgetPercent() {
            return budgetPercent;
        }

        public void setBudgetPercent(int budgetPercent) {
            this.budgetPercent = budgetPercent;
        }

        public int getMinRetries() {
            return minRetries;
        }

        public void setMinRetries(int minRetries) {
            this.minRetries = minRetries;
        }
    }
}
