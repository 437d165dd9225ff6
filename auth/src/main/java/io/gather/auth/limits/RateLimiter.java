package io.gather.auth.limits;

import io.gather.auth.Caller;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import reactor.core.publisher.Mono;

/**
 * Checks one request against every policy of its caller's tier. Each policy has its own bucket (per client, or
 * per user), and all of them are asked at once. A request refused by one policy is given back to the others,
 * so that only admitted requests count. When the store fails, or answers later than {@code redis-timeout}
 * ({@link DeadlineStore}, which gives back a token taken too late), {@code gather.rate-limits.redis-failure} decides.
 */
@Singleton
public final class RateLimiter {
    private static final String KEY_PREFIX = "gather:rl:";

    private final RateLimitConfig config;
    private final BucketStore store;
    private final StoreOutages outages;

    RateLimiter(RateLimitConfig config, BucketStore store, StoreOutages outages) {
        this.config = config;
        this.store = new DeadlineStore(store, config.redisTimeout());
        this.outages = outages;
    }

    /** Whether limits apply at all ({@code gather.rate-limits.enabled}). */
    public boolean enabled() {
        return config.enabled();
    }

    /**
     * Whether the store answers now (asked directly, not from the last check, so an instance that gets no traffic
     * still sees Redis come back). Never fails; completes within the store's timeout.
     */
    public Mono<Boolean> storeAnswers() {
        return Mono.fromFuture(() -> store.ping().thenApply(ok -> true), true).onErrorReturn(false);
    }

    /** The tier that limits this caller. */
    public Tier tierOf(Caller caller) {
        return config.tierOf(caller.clientId());
    }

    /**
     * Counts this request against the caller's tier. Never fails: a store that does not answer within its timeout
     * gives {@link RateLimitDecision.Outcome#UNCHECKED} or {@link RateLimitDecision.Outcome#UNAVAILABLE}. The
     * result may arrive on a store thread.
     */
    public Mono<RateLimitDecision> check(Caller caller) {
        Tier tier = tierOf(caller);
        List<Policy> policies = tier.policies();
        List<String> keys = new ArrayList<>(policies.size());
        List<CompletableFuture<ConsumptionProbe>> probes = new ArrayList<>(policies.size());
        for (Policy p : policies) {
            String key = key(tier, p, caller);
            keys.add(key);
            probes.add(store.tryConsume(key, p));
        }
        CompletableFuture<RateLimitDecision> decision = CompletableFuture.allOf(probes.toArray(CompletableFuture[]::new))
            .handle((ignored, error) -> error == null ? decide(tier, keys, probes) : failed(tier, keys, probes, error));
        return Mono.fromFuture(decision, true);
    }

    /**
     * A bucket's key: per client, the client (a token without one counts alone, per user); per user, the user of that
     * client, so that one partner's use for a person is not another's. A user id has no ':', so keys cannot collide.
     */
    static String key(Tier tier, Policy p, Caller caller) {
        String who = !caller.hasClient() ? "u:" + caller.userId()
            : p.per() == Policy.Per.CLIENT ? "c:" + caller.clientId()
            : "c:" + caller.clientId() + ":u:" + caller.userId();
        return KEY_PREFIX + tier.name() + ":" + p.name() + ":" + p.quota() + "/" + p.windowSeconds() + ":" + who;
    }

    private RateLimitDecision decide(Tier tier, List<String> keys, List<CompletableFuture<ConsumptionProbe>> probes) {
        outages.answered();
        boolean refused = probes.stream().anyMatch(f -> !f.join().isConsumed());
        List<PolicyUsage> usage = new ArrayList<>(probes.size());
        long retryAfter = 0;
        for (int i = 0; i < probes.size(); i++) {
            Policy policy = tier.policies().get(i);
            ConsumptionProbe probe = probes.get(i).join();
            long remaining = probe.getRemainingTokens();
            long reset = seconds(probe.getNanosToWaitForReset());
            if (!probe.isConsumed()) {
                reset = Math.max(reset, seconds(probe.getNanosToWaitForRefill()));
                retryAfter = Math.max(retryAfter, Math.max(1, reset));
            } else if (refused) {
                store.refund(keys.get(i), policy);
                remaining = Math.min(policy.quota(), remaining + 1);
            }
            usage.add(new PolicyUsage(policy, remaining, reset, !probe.isConsumed()));
        }
        return new RateLimitDecision(refused ? RateLimitDecision.Outcome.LIMITED : RateLimitDecision.Outcome.ADMITTED,
            tier, usage, retryAfter);
    }

    private RateLimitDecision failed(Tier tier, List<String> keys, List<CompletableFuture<ConsumptionProbe>> probes, Throwable error) {
        RateLimitConfig.FailurePolicy policy = config.failurePolicy();
        outages.missed(error instanceof CompletionException && error.getCause() != null ? error.getCause() : error, policy);
        if (policy == RateLimitConfig.FailurePolicy.FAIL_OPEN) {
            return new RateLimitDecision(RateLimitDecision.Outcome.UNCHECKED, tier, List.of(), 0);
        }
        for (int i = 0; i < probes.size(); i++) {
            CompletableFuture<ConsumptionProbe> f = probes.get(i);
            if (!f.isCompletedExceptionally() && f.join().isConsumed()) {
                store.refund(keys.get(i), tier.policies().get(i));
            }
        }
        return new RateLimitDecision(RateLimitDecision.Outcome.UNAVAILABLE, tier, List.of(),
            RateLimitDecision.UNAVAILABLE_RETRY_AFTER_SECONDS);
    }

    private static long seconds(long nanos) {
        return nanos <= 0 ? 0 : (nanos + TimeUnit.SECONDS.toNanos(1) - 1) / TimeUnit.SECONDS.toNanos(1);
    }
}
