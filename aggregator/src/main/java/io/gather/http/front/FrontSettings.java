package io.gather.http.front;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;
import java.time.Duration;

/**
 * {@code gather.front.*}: limits of the HTTP front that Micronaut's {@code micronaut.server.*} keys do not cover
 * (README, "Limits"). Checked at startup: a bad value stops Gather with a message that names the key.
 */
@Context
@ConfigurationProperties("gather.front")
public class FrontSettings {
    /** Default {@code request-read-timeout}: {@value} s. */
    public static final long DEFAULT_REQUEST_READ_TIMEOUT_SECONDS = 10;

    private Duration requestReadTimeout = Duration.ofSeconds(DEFAULT_REQUEST_READ_TIMEOUT_SECONDS);

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

    @PostConstruct
    void check() {
        if (requestReadTimeout == null || requestReadTimeout.toMillis() < 100 || requestReadTimeout.compareTo(Duration.ofMinutes(10)) > 0) {
            throw new ConfigurationException("Gather's configuration is not usable:\n  - "
                + "gather.front.request-read-timeout must be 100ms..10m, not " + requestReadTimeout);
        }
    }
}
