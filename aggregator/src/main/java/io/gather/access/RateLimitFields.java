package io.gather.access;

import io.gather.auth.limits.Policy;
import io.gather.auth.limits.PolicyUsage;
import io.gather.auth.limits.RateLimitDecision;
import io.gather.auth.limits.Tier;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The rate-limit fields of draft-ietf-httpapi-ratelimit-headers-10, both Structured Field Lists (RFC 9651), one
 * member per policy of the tier, in the tier's order:
 * <pre>
 * RateLimit-Policy: "burst";q=50;w=10, "hourly";q=1000;w=3600
 * RateLimit: "burst";r=49;t=10, "hourly";r=999;t=3600
 * </pre>
 * {@code RateLimit} is left out when the store did not answer (nothing is known about the remaining quota).
 */
final class RateLimitFields {
    static final String POLICY = "RateLimit-Policy";
    static final String LIMIT = "RateLimit";

    private final Map<Tier, String> policies = new ConcurrentHashMap<>();

    /** Adds the fields (and {@code Retry-After} when the decision has one) to {@code response}. */
    void apply(MutableHttpResponse<?> response, RateLimitDecision decision) {
        response.header(POLICY, policies.computeIfAbsent(decision.tier(), RateLimitFields::policy));
        if (!decision.usage().isEmpty()) {
            response.header(LIMIT, limit(decision));
        }
        if (decision.retryAfterSeconds() > 0) {
            response.header(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
        }
    }

    static String policy(Tier tier) {
        return tier.policies().stream().map(RateLimitFields::policy).collect(Collectors.joining(", "));
    }

    private static String policy(Policy p) {
        return "\"" + p.name() + "\";q=" + p.quota() + ";w=" + p.windowSeconds();
    }

    static String limit(RateLimitDecision decision) {
        return decision.usage().stream().map(RateLimitFields::limit).collect(Collectors.joining(", "));
    }

    private static String limit(PolicyUsage u) {
        return "\"" + u.policy().name() + "\";r=" + u.remaining() + ";t=" + u.resetSeconds();
    }
}
