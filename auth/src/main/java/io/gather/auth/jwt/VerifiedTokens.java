package io.gather.auth.jwt;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.authentication.Authentication;
import io.micronaut.security.token.Claims;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

/**
 * Tokens that passed verification, by their whole compact form (signature included, so a changed token is a new
 * key), with the caller they proved. An entry expires at the token's {@code exp} or after {@code max-ttl}, whichever
 * is first; a token without a readable {@code exp} is not remembered. Failed tokens are never remembered.
 */
final class VerifiedTokens {
    /** A verified caller and the ticker time its token expires. */
    private record Entry(Authentication caller, long expiresAt) {
    }

    private final Cache<String, Entry> entries;
    private final Ticker ticker;
    private final long maxTtlNanos;
    /** Ticker time at the epoch, to turn {@code exp} (epoch seconds) into ticker time. */
    private final long epochOffsetNanos;

    VerifiedTokens(TokenCacheSettings settings, Ticker ticker, long epochMillisNow) {
        this.ticker = ticker;
        this.maxTtlNanos = settings.getMaxTtl().toNanos();
        this.epochOffsetNanos = ticker.read() - epochMillisNow * 1_000_000L;
        this.entries = Caffeine.newBuilder()
            .ticker(ticker)
            .executor(Runnable::run)                    // no thread hand-off per write: see SectionCache
            .maximumSize(settings.getMaxEntries())
            .expireAfter(Expiry.creating((String token, Entry e) -> Duration.ofNanos(Math.max(0, e.expiresAt() - ticker.read()))))
            .build();
    }

    /** The caller this token proved, if it was verified and has not expired since (Caffeine returns no expired entry). */
    @Nullable
    Authentication get(String token) {
        Entry e = entries.getIfPresent(token);
        return e == null ? null : e.caller();
    }

    void remember(String token, Authentication caller) {
        Long exp = expirySeconds(caller.getAttributes().get(Claims.EXPIRATION_TIME));
        if (exp == null) {
            return;
        }
        long now = ticker.read();
        long expiresAt = Math.min(epochOffsetNanos + Math.multiplyExact(exp, 1_000_000_000L), now + maxTtlNanos);
        if (expiresAt - now > 0) {
            entries.put(token, new Entry(caller, expiresAt));
        }
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }

    @Nullable
    private static Long expirySeconds(@Nullable Object exp) {
        if (exp instanceof Date d) {
            return d.getTime() / 1000;
        }
        if (exp instanceof Instant i) {
            return i.getEpochSecond();
        }
        if (exp instanceof Number n) {
            return n.longValue();
        }
        return null;
    }
}
