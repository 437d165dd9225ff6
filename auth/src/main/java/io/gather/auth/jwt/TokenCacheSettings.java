package io.gather.auth.jwt;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PostConstruct;
import java.time.Duration;

/**
 * {@code gather.auth.token-cache}: tokens that passed verification are remembered, so a caller's next requests skip
 * the signature and claim checks. An entry lives until the token's {@code exp}, and never longer than {@code max-ttl}:
 * that bounds how long a token signed with a key just removed from the JWKS is still accepted.
 */
@Context
@ConfigurationProperties("gather.auth.token-cache")
public class TokenCacheSettings {
    /** Default {@code max-entries}: {@value}. */
    public static final int DEFAULT_MAX_ENTRIES = 10_000;
    /** Default {@code max-ttl}: {@value} s. */
    public static final long DEFAULT_MAX_TTL_SECONDS = 60;

    private int maxEntries = DEFAULT_MAX_ENTRIES;
    private Duration maxTtl = Duration.ofSeconds(DEFAULT_MAX_TTL_SECONDS);

    /** Verified tokens remembered at most (least used go first); 0 turns the cache off. */
    public int getMaxEntries() {
        return maxEntries;
    }

    public void setMaxEntries(int maxEntries) {
        this.maxEntries = maxEntries;
    }

    /** The longest a verified token is trusted without checking it again, even if its {@code exp} is later. */
    public Duration getMaxTtl() {
        return maxTtl;
    }

    public void setMaxTtl(Duration maxTtl) {
        this.maxTtl = maxTtl;
    }

    @PostConstruct
    void check() {
        if (maxEntries < 0 || maxEntries > 10_000_000) {
            throw new ConfigurationException("gather.auth.token-cache.max-entries must be within 0..10000000, was " + maxEntries);
        }
        if (maxTtl == null || maxTtl.isNegative() || maxTtl.isZero() || maxTtl.compareTo(Duration.ofHours(1)) > 0) {
            throw new ConfigurationException("gather.auth.token-cache.max-ttl must be within (0s, 1h], was " + maxTtl);
        }
    }
}
