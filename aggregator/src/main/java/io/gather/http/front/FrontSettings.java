package io.gather.http.front;

import io.gather.startup.SettingsProblems;
import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code gather.front.*}: limits of the HTTP front that Micronaut's {@code micronaut.server.*} keys do not cover
 * (README, "Limits"). Checked at startup: a bad value stops Gather with a message that names the key.
 */
@Context
@ConfigurationProperties("gather.front")
public class FrontSettings {
    /** Default {@code request-read-timeout}: {@value} s. */
    public static final long DEFAULT_REQUEST_READ_TIMEOUT_SECONDS = 10;

    /** Default {@code max-connections}: {@value}. */
    public static final int DEFAULT_MAX_CONNECTIONS = 10_000;

    private Duration requestReadTimeout = Duration.ofSeconds(DEFAULT_REQUEST_READ_TIMEOUT_SECONDS);
    private int maxConnections = DEFAULT_MAX_CONNECTIONS;

    /**
     * The longest a request may take to arrive, from its first byte to the last byte of its body; then it is
     * answered 408 and the connection closed. Idle connections are bounded by {@code micronaut.server.idle-timeout}.
     */
    public Duration getRequestReadTimeout() {
        return requestReadTimeout;
    }

    public void setRequestReadTimeout(Duration requestReadTimeout) {
        this.requestReadTimeout = requestReadTimeout;
    }

    /**
     * Open connections per listening port at most (each is a file descriptor, which the downstreams' pools need
     * too); one more is answered 503 at once and closed.
     */
    public int getMaxConnections() {
        return maxConnections;
    }

    public void setMaxConnections(int maxConnections) {
        this.maxConnections = maxConnections;
    }

    @PostConstruct
    void check() {
        List<String> problems = new ArrayList<>();
        if (requestReadTimeout == null || requestReadTimeout.toMillis() < 100 || requestReadTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            problems.add("gather.front.request-read-timeout must be 100ms..10m, not " + requestReadTimeout);
        }
        if (maxConnections < 1 || maxConnections > 1_000_000) {
            problems.add("gather.front.max-connections must be 1..1000000, not " + maxConnections);
        }
        SettingsProblems.stopIfAny(problems);
    }
}
