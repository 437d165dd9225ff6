package io.gather.observe;

import io.gather.auth.Caller;
import io.gather.auth.clients.ClientSettings;
import io.gather.auth.limits.RateLimitDecision;
import io.gather.auth.limits.RateLimiter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code gather_rate_limit_decisions_total{tier, client, decision}}: each rate-limit check's outcome (admitted,
 * limited, unchecked, unavailable). {@code client} is a client configured under {@code gather.clients} by its id,
 * and {@value #OTHER} for every other client and for tokens without one, so the number of series stays bounded
 * whatever tokens arrive. All counters exist from startup.
 */
@Singleton
public final class RateLimitMetrics {
    static final String OTHER = "other";
    private static final RateLimitDecision.Outcome[] OUTCOMES = RateLimitDecision.Outcome.values();

    private final Map<String, Counter[]> byClient = new HashMap<>();
    private final Counter[] other;

    RateLimitMetrics(@Nullable MeterRegistry registry, List<ClientSettings> clients, RateLimiter limiter) {
        for (ClientSettings c : clients) {
            byClient.put(c.getId(), counters(registry, c.getId(), limiter.tierOf(new Caller("metrics", java.util.Set.of(), c.getId())).name()));
        }
        other = counters(registry, OTHER, limiter.tierOf(new Caller("metrics", java.util.Set.of(), null)).name());
    }

    private static Counter[] counters(@Nullable MeterRegistry registry, String client, String tier) {
        Counter[] counters = new Counter[OUTCOMES.length];
        if (registry != null) {
            for (RateLimitDecision.Outcome o : OUTCOMES) {
                counters[o.ordinal()] = Counter.builder("gather.rate.limit.decisions")
                    .description("Rate-limit checks by tier, client (configured ones by id, the rest as other) and decision")
                    .tags("tier", tier, "client", client, "decision", o.name().toLowerCase(Locale.ROOT))
                    .register(registry);
            }
        }
        return counters;
    }

    /** Counts one check's decision for {@code clientId} (null: a token without a client). */
    public void record(@Nullable String clientId, RateLimitDecision decision) {
        Counter[] counters = clientId == null ? other : byClient.getOrDefault(clientId, other);
        Counter c = counters[decision.outcome().ordinal()];
        if (c != null) {
            c.increment();
        }
    }
}
