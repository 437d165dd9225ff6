package io.gather.auth.jwt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.gen.OctetSequenceKeyGenerator;
import io.micronaut.security.token.jwt.signature.jwks.JwkSetFetcher;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** An identity provider's keys outlive an outage of its JWKS endpoint; each fetch is shared; time is a fake ticker. */
class LastGoodJwksTest {
    private static final String URL = "https://idp.example/.well-known/jwks.json";
    private static final Duration EXPIRATION = Duration.ofSeconds(60);

    private final AtomicLong now = new AtomicLong(-5_000_000_000L);    // a ticker may start below zero
    private final AtomicInteger loads = new AtomicInteger();
    private volatile Supplier<Publisher<JWKSet>> provider = () -> Mono.just(keys("k1"));
    private final LastGoodJwks jwks = new LastGoodJwks(new Loader(), name -> EXPIRATION, now::get);

    @Test
    void keysAreFetchedOnceAndUsedUntilTheyExpire() {
        JWKSet first = get();
        assertEquals("k1", first.getKeys().get(0).getKeyID());
        advance(EXPIRATION.minusSeconds(1));
        assertSame(first, get());
        assertEquals(1, loads.get());
    }

    @Test
    void expiredKeysServeWhileTheirReplacementIsFetched() {
        JWKSet first = get();
        advance(EXPIRATION);
        Sinks.One<JWKSet> answer = Sinks.one();
        provider = answer::asMono;
        assertSame(first, get(), "no wait for the provider");
        assertSame(first, get(), "one fetch, not one per token");
        assertEquals(2, loads.get());
        answer.tryEmitValue(keys("k2"));
        assertEquals("k2", get().getKeys().get(0).getKeyID());
        assertEquals(2, loads.get());
    }

    @Test
    void whenTheProviderIsDownTheLastKeysStayAndItIsAskedAgainEveryFiveSeconds() {
        JWKSet first = get();
        advance(EXPIRATION);
        provider = () -> Mono.error(new IllegalStateException("503"));
        for (int i = 0; i < 10; i++) {
            assertSame(first, get(), "still the last good keys");
        }
        assertEquals(2, loads.get(), "one failed try");
        advance(LastGoodJwks.RETRY_AFTER_FAILURE.minusMillis(1));
        get();
        assertEquals(2, loads.get(), "not before 5 s");
        advance(Duration.ofMillis(1));
        provider = Mono::empty;            // Micronaut's client answers empty when it could not load them
        assertSame(first, get());
        assertEquals(3, loads.get());
        advance(LastGoodJwks.RETRY_AFTER_FAILURE);
        provider = () -> Mono.just(keys("k2"));
        get();
        assertEquals("k2", get().getKeys().get(0).getKeyID(), "back");
    }

    @Test
    void withoutKeysYetCallersShareOneFetchAndAFailureRefusesAtOnceUntilTheNextTry() {
        Sinks.One<JWKSet> answer = Sinks.one();
        provider = answer::asMono;
        List<JWKSet> got = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Mono.from(jwks.fetch("idp", URL)).subscribe(got::add);
        }
        assertEquals(1, loads.get(), "one fetch for three tokens");
        assertTrue(got.isEmpty(), "they wait for it");
        answer.tryEmitError(new IllegalStateException("connection refused"));
        assertEquals(3, got.size());
        assertTrue(got.stream().allMatch(k -> k.getKeys().isEmpty()), "no keys: their tokens are refused");

        provider = () -> Mono.just(keys("k1"));
        assertTrue(get().getKeys().isEmpty(), "refused at once, no fetch of its own");
        assertEquals(1, loads.get());
        advance(LastGoodJwks.RETRY_AFTER_FAILURE);
        assertEquals("k1", get().getKeys().get(0).getKeyID());
    }

    @Test
    void aTokenWithAKeyNotAmongThemHasThemFetchedAgainFirstAtMostEveryTenSeconds() {
        get();
        provider = () -> Mono.just(keys("k2"));
        assertEquals("k1", keyOf("k1").getKeys().get(0).getKeyID(), "a known key: no fetch");
        assertEquals(1, loads.get());
        assertEquals("k2", keyOf("k2").getKeys().get(0).getKeyID(), "the provider's new key, fetched before judging");
        assertEquals(2, loads.get());
        keyOf("made-up");
        advance(LastGoodJwks.UNKNOWN_KEY_REFETCH.minusMillis(1));
        keyOf("made-up-too");
        assertEquals(2, loads.get(), "made-up key ids cannot make it fetched more often");
        advance(Duration.ofMillis(1));
        keyOf("made-up");
        assertEquals(3, loads.get());
    }

    private JWKSet keyOf(String kid) {
        return jwks.fetch("idp", URL, kid).block(Duration.ofSeconds(1));
    }

    @Test
    void aClearedProviderIsFetchedAgain() {
        get();
        jwks.clearCache(URL);
        get();
        assertEquals(2, loads.get());
        assertNull(Mono.from(jwks.fetch("idp", null)).block());
    }

    private JWKSet get() {
        return Mono.from(jwks.fetch("idp", URL)).block(Duration.ofSeconds(1));
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    private static JWKSet keys(String id) {
        try {
            return new JWKSet(new OctetSequenceKeyGenerator(256).keyID(id).generate());
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The provider's endpoint, counting the loads. */
    private final class Loader implements JwkSetFetcher<JWKSet> {
        @Override
        public Publisher<JWKSet> fetch(String providerName, String url) {
            loads.incrementAndGet();
            return provider.get();
        }

        @Override
        @Deprecated
        public Optional<JWKSet> fetch(String url) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void clearCache(String url) {
        }
    }
}
