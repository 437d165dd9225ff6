package io.gather.clients.connection;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import io.micronaut.core.annotation.Nullable;
import jakarta.annotation.PostConstruct;
import java.time.Duration;

/**
 * {@code gather.downstreams}: what every connection to a downstream is held to. A call whose caller stopped waiting (its
 * section timed out, its caller hung up) is not cut by the client: the answer is read to its end before the
 * connection goes back to the pool. {@code max-exchange-time} bounds that: a service that trickles an answer, or sends
 * one that never ends, loses its connection instead of holding it, and a place in the pool, for as long as it likes.
 */
@Context
@ConfigurationProperties("gather.downstreams")
public class DownstreamSettings {
    /** The least {@code max-exchange-time} when it is not set: {@value} s, or twice the longest wait for a call. */
    public static final long DEFAULT_MAX_EXCHANGE_SECONDS = 10;
    static final Duration MAX = Duration.ofMinutes(10);

    @Nullable
    private Duration maxExchangeTime;

    /** The longest one call may hold its connection, from its request to its answer's last byte; then it is closed. */
    @Nullable
    public Duration getMaxExchangeTime() {
        return maxExchangeTime;
    }

    public void setMaxExchangeTime(@Nullable Duration maxExchangeTime) {
        this.maxExchangeTime = maxExchangeTime;
    }

    /** The limit in force: the one set, else 10 s or twice {@code longestWait}, whichever is longer. */
    public Duration maxExchangeTimeInForce(Duration longestWait) {
        if (maxExchangeTime != null) {
            return maxExchangeTime;
        }
        Duration twice = longestWait.multipliedBy(2);
        Duration least = Duration.ofSeconds(DEFAULT_MAX_EXCHANGE_SECONDS);
        return twice.compareTo(least) > 0 ? twice : least;
    }

    @PostConstruct
    void check() {
        if (maxExchangeTime != null && (maxExchangeTime.isNegative() || maxExchangeTime.isZero() || maxExchangeTime.compareTo(MAX) > 0)) {
            throw new ConfigurationException("gather.downstreams.max-exchange-time must be within (0s, 10m], was " + maxExchangeTime);
        }
    }
}
