package io.gather.dashboard.config;

import io.micronaut.context.annotation.EachProperty;
import io.micronaut.context.annotation.Parameter;
import java.time.Duration;

/**
 * One section's settings ({@code gather.sections.<name>.*}); the name is also the downstream client's id.
 * The next issues add the section's cache, breaker and bulkhead settings here.
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

    public SectionSettings(@Parameter String name) {
        this.name = name;
    }

    public String getName() {
        return name;
    }

    /** How long the section may take before it is given up (missing: timeout, or 504 for a required one). */
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
}
