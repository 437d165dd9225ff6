package io.gather.auth.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.github.benmanes.caffeine.cache.Ticker;
import io.micronaut.security.authentication.Authentication;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedTokensTest {
    private static final long NOW_MILLIS = 1_800_000_000_000L;
    private final AtomicLong nanos = new AtomicLong(5_000_000_000L);
    private final Ticker ticker = nanos::get;

    private VerifiedTokens tokens(int maxEntries, Duration maxTtl) {
        TokenCacheSettings s = new TokenCacheSettings();
        s.setMaxEntries(maxEntries);
        s.setMaxTtl(maxTtl);
        s.check();
        return new VerifiedTokens(s, ticker, NOW_MILLIS);
    }

    private static Authentication caller(Object exp) {
        return Authentication.build("u-1", List.of(), exp == null ? Map.of("sub", "u-1") : Map.of("sub", "u-1", "exp", exp));
    }

    private void advance(Duration d) {
        nanos.addAndGet(d.toNanos());
    }

    @Test
    void aVerifiedTokenIsAnsweredUntilItsExpiry() {
        VerifiedTokens t = tokens(100, Duration.ofMinutes(10));
        Authentication a = caller(new Date(NOW_MILLIS + 30_000));
        t.remember("tok", a);
        assertSame(a, t.get("tok"));
        advance(Duration.ofSeconds(29));
        assertSame(a, t.get("tok"));
        advance(Duration.ofSeconds(1));
        assertNull(t.get("tok"), "at exp the token must be verified again (and refused)");
    }

    @Test
    void maxTtlBoundsALongLivedToken() {
        VerifiedTokens t = tokens(100, Duration.ofSeconds(60));
        t.remember("tok", caller(NOW_MILLIS / 1000 + 3600));      // exp as epoch seconds
        advance(Duration.ofSeconds(59));
        assertEquals("u-1", t.get("tok").getName());
        advance(Duration.ofSeconds(1));
        assertNull(t.get("tok"));
    }

    @Test
    void tokensWithoutExpiryOrAlreadyExpiredAreNotRemembered() {
        VerifiedTokens t = tokens(100, Duration.ofSeconds(60));
        t.remember("no-exp", caller(null));
        t.remember("expired", caller(new Date(NOW_MILLIS - 1000)));
        assertNull(t.get("no-exp"));
        assertNull(t.get("expired"));
        assertEquals(0, t.size());
    }

    @Test
    void theCacheIsBounded() {
        VerifiedTokens t = tokens(10, Duration.ofSeconds(60));
        for (int i = 0; i < 100; i++) {
            t.remember("tok-" + i, caller(new Date(NOW_MILLIS + 30_000)));
        }
        assertEquals(10, t.size());
    }

    @Test
    void onlyTokensThatPassedAreRemembered() {
        AtomicLong verifications = new AtomicLong();
        Authentication good = caller(new Date(NOW_MILLIS + 30_000));
        CachingTokenValidator<Object, Object> v = new CachingTokenValidator<>(new FakeValidator(verifications, good),
            tokens(100, Duration.ofSeconds(60)));
        StepVerifier.create(Mono.from(v.validateToken("good", null))).expectNext(good).verifyComplete();
        StepVerifier.create(Mono.from(v.validateToken("good", null))).expectNext(good).verifyComplete();
        StepVerifier.create(Mono.from(v.validateToken("bad", null))).verifyComplete();
        StepVerifier.create(Mono.from(v.validateToken("bad", null))).verifyComplete();
        assertEquals(3, verifications.get(), "the good token once, the bad one each time");
    }

    /** Accepts the token "good" only, counting verifications. */
    private record FakeValidator(AtomicLong count, Authentication good)
        implements io.micronaut.security.token.jwt.validator.ReactiveJsonWebTokenValidator<Object, Object> {
        @Override
        public org.reactivestreams.Publisher<Authentication> validateToken(String token, Object request) {
            count.incrementAndGet();
            return "good".equals(token) ? Mono.just(good) : Mono.empty();
        }

        @Override
        public org.reactivestreams.Publisher<Object> validate(String token, Object request) {
            return Mono.empty();
        }
    }
}
