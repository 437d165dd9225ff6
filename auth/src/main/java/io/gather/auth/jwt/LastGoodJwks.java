package io.gather.auth.jwt;

import com.github.benmanes.caffeine.cache.Ticker;
import com.nimbusds.jose.jwk.JWKSet;
import io.micronaut.context.annotation.Bean;
import io.micronaut.core.annotation.NonNull;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.security.token.jwt.signature.jwks.DefaultJwkSetFetcher;
import io.micronaut.security.token.jwt.signature.jwks.JwkSetFetcher;
import io.micronaut.security.token.jwt.signature.jwks.JwksClient;
import io.micronaut.security.token.jwt.signature.jwks.JwksSignatureConfiguration;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import org.reactivestreams.Publisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Each configured identity provider's keys (JWKS), fetched again once they are older than the provider's
 * {@code cache-expiration} (60 s by default), and kept when that fails ({@link LastGoodJwksSignature} verifies with
 * them). Micronaut's own fetcher forgets
 * the keys when they expire and then fetches them for every token until the provider answers again: an outage of the
 * provider's JWKS endpoint made every token it signed a 401 within a minute, each request waiting for a fetch of its
 * own (up to the client's 3 s) and logging an ERROR. Here:
 * <ul>
 *   <li>keys younger than {@code cache-expiration} are used as they are;</li>
 *   <li>older keys are still used while one fetch, in the background, replaces them; if it fails they stay in use, and
 *       the next fetch is tried {@link #RETRY_AFTER_FAILURE} later;</li>
 *   <li>before the first keys (right after startup) callers wait for one shared fetch; if it fails, tokens are
 *       refused at once until the next try is due, rather than each waiting for a fetch of its own;</li>
 *   <li>a token signed with a key ({@code kid}) not among them waits for the keys to be fetched again, at most once
 *       per {@link #UNKNOWN_KEY_REFETCH} for such tokens: a provider that starts signing with a new key before its keys expire here
 *       is followed at once, and tokens with made-up key ids cannot make it fetched more often.</li>
 * </ul>
 * One WARN when a provider's keys cannot be fetched (per outage), one INFO when they can again.
 */
@Singleton
@Bean(typed = LastGoodJwks.class)   // not one more JwkSetFetcher for Micronaut's beans to choose from
public final class LastGoodJwks implements JwkSetFetcher<JWKSet> {
    static final Duration RETRY_AFTER_FAILURE = Duration.ofSeconds(5);
    /** A token whose key is not among the keys fetched has them fetched again, at most this often per provider. */
    static final Duration UNKNOWN_KEY_REFETCH = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(LastGoodJwks.class);
    private static final JWKSet NO_KEYS = new JWKSet();

    private final JwkSetFetcher<JWKSet> loader;
    private final Function<String, Duration> expiration;
    private final Ticker ticker;
    private final Map<String, Keys> byUrl = new ConcurrentHashMap<>();

    @Inject
    LastGoodJwks(JwksClient client, Map<String, JwksSignatureConfiguration> providers) {
        this(new DefaultJwkSetFetcher(client), provider -> Optional.ofNullable(provider).map(providers::get)
            .map(JwksSignatureConfiguration::getCacheExpiration).map(Duration::ofSeconds).orElse(Duration.ofSeconds(60)),
            Ticker.systemTicker());
    }

    LastGoodJwks(JwkSetFetcher<JWKSet> loader, Function<String, Duration> expiration, Ticker ticker) {
        this.loader = loader;
        this.expiration = expiration;
        this.ticker = ticker;
    }

    @Override
    @NonNull
    public Publisher<JWKSet> fetch(@Nullable String providerName, @Nullable String url) {
        return fetch(providerName, url, null);
    }

    /** The keys to verify a token signed with key {@code kid} (null: none named). */
    Mono<JWKSet> fetch(@Nullable String providerName, @Nullable String url, @Nullable String kid) {
        if (url == null) {
            return Mono.empty();
        }
        return keys(providerName, url).get(kid);
    }

    private Keys keys(@Nullable String providerName, String url) {
        return byUrl.computeIfAbsent(url, u -> new Keys(providerName, u, expiration.apply(providerName).toNanos()));
    }

    /**
     * The interface's old synchronous form, which nothing here calls (this bean is typed {@code LastGoodJwks} only):
     * the last good keys for {@code url}, never a fetch, so it cannot block a thread that calls it.
     */
    @Override
    @NonNull
    @Deprecated
    public Optional<JWKSet> fetch(@Nullable String url) {
        return Optional.ofNullable(url).map(byUrl::get).map(keys -> keys.set);
    }

    @Override
    public void clearCache(String url) {
        byUrl.remove(url);
    }

    /** One provider's keys: the last good set, and the fetch under way if any. */
    private final class Keys {
        private final String provider;
        private final String url;
        private final long expiresAfter;
        private volatile JWKSet set;
        private volatile long fetchedAt;
        private volatile long retryAt;
        private volatile long unknownKeyAt;
        private Mono<JWKSet> fetching;      // guarded by this
        private boolean failing;            // guarded by this

        Keys(@Nullable String provider, String url, long expiresAfter) {
            this.provider = provider;
            this.url = url;
            this.expiresAfter = expiresAfter;
            this.retryAt = ticker.read();   // a first fetch is due at once
            this.unknownKeyAt = retryAt - UNKNOWN_KEY_REFETCH.toNanos();
        }

        Mono<JWKSet> get(@Nullable String kid) {
            long now = ticker.read();
            JWKSet last = set;
            boolean due = now - retryAt >= 0;
            if (last == null) {
                return due ? fetch() : Mono.just(NO_KEYS);
            }
            if (due && kid != null && last.getKeyByKeyId(kid) == null && now - unknownKeyAt >= UNKNOWN_KEY_REFETCH.toNanos()) {
                unknownKeyAt = now;
                return fetch();                 // waited for: the token's key may be the provider's newest
            }
            if (due && now - fetchedAt >= expiresAfter) {
                fetch();                        // in the background: the last good keys serve meanwhile
            }
            return Mono.just(last);
        }

        /** Starts a fetch unless one is under way; either way, the fetch's outcome: the new keys, or the last good ones. */
        synchronized Mono<JWKSet> fetch() {
            Mono<JWKSet> under = fetching;
            if (under == null) {
                Mono<JWKSet> started = Mono.defer(() -> Mono.from(loader.fetch(provider, url)))
                    .filter(keys -> !keys.getKeys().isEmpty())
                    .doOnNext(this::fetched)
                    .onErrorResume(e -> Mono.empty())
                    .switchIfEmpty(Mono.fromSupplier(this::failed))
                    .doFinally(signal -> done())
                    .cache();
                fetching = started;
                under = started;
                started.subscribe();    // may end before it returns: done() has then cleared the field already
            }
            return under;
        }

        private synchronized void done() {
            fetching = null;
        }

        private synchronized void fetched(JWKSet keys) {
            set = keys;
            fetchedAt = ticker.read();
            if (failing) {
                failing = false;
                LOG.info("The keys of identity provider {} ({}) could be fetched again.", name(), url);
            }
        }

        private synchronized JWKSet failed() {
            retryAt = ticker.read() + RETRY_AFTER_FAILURE.toNanos();
            if (!failing) {
                failing = true;
                LOG.warn(set == null
                        ? "The keys of identity provider {} ({}) could not be fetched: its tokens are refused until they can be (tried every {} s)."
                        : "The keys of identity provider {} ({}) could not be fetched again: the last ones fetched stay in use (tried every {} s).",
                    name(), url, RETRY_AFTER_FAILURE.toSeconds());
            }
            return set == null ? NO_KEYS : set;
        }

        private String name() {
            return provider == null ? "(unnamed)" : provider;
        }
    }
}
