package io.gather.auth.jwt;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;
import java.time.Duration;

/**
 * {@code gather.auth}: how a token's times are read. {@code exp} has no leeway: an expired token is refused at once
 * (its client can refresh it). {@code nbf} has {@code not-before-leeway}, for an issuer whose clock runs ahead.
 */
@Context
@ConfigurationProperties("gather.auth")
public class TokenTimeSettings {
    /** Default {@code not-before-leeway}: {@value} s. */
    public static final long DEFAULT_NOT_BEFORE_LEEWAY_SECONDS = 30;
    static final Duration MAX_NOT_BEFORE_LEEWAY = Duration.ofMinutes(5);

    private Duration notBeforeLeeway = Duration.ofSeconds(DEFAULT_NOT_BEFORE_LEEWAY_SECONDS);

    /** How far before its {@code nbf} a token is already accepted: the clock skew allowed with the issuer. */
    public Duration getNotBeforeLeeway() {
        return notBeforeLeeway;
    }

    public void setNotBeforeLeeway(Duration notBeforeLeeway) {
        this.notBeforeLeeway = notBeforeLeeway;
    }

    @PostConstruct
    void check() {
        if (notBeforeLeeway == null || notBeforeLeeway.isNegative() || notBeforeLeeway.compareTo(MAX_NOT_BEFORE_LEEWAY) > 0) {
            throw new ConfigurationException("gather.auth.not-before-leeway must be within 0s..5m, was " + notBeforeLeeway);
        }
    }
}
