package io.gather.auth.limits;

import java.util.List;

/**
 * The answer of one rate-limit check. {@code usage} has one entry per policy of the tier, in the tier's order,
 * when the store answered; it is empty when it did not ({@link Outcome#UNCHECKED}, {@link Outcome#UNAVAILABLE}).
 * {@code retryAfterSeconds} is set for {@link Outcome#LIMITED} (never earlier than a violated policy's reset) and
 * {@link Outcome#UNAVAILABLE}.
 */
public record RateLimitDecision(Outcome outcome, Tier tier, List<PolicyUsage> usage, long retryAfterSeconds) {
    /** Seconds a caller is asked to wait when the store is down and the policy is fail-closed. */
    public static final long UNAVAILABLE_RETRY_AFTER_SECONDS = 1;

    public enum Outcome {
        /** Within every policy. */
        ADMITTED,
        /** Over at least one policy: answer 429. */
        LIMITED,
        /** The store did not answer and the policy is fail-open: admitted without a check. */
        UNCHECKED,
        /** The store did not answer and the policy is fail-closed: answer 503. */
        UNAVAILABLE
    }

    public RateLimitDecision {
        usage = List.copyOf(usage);
    }

    public boolean admitted() {
        return outcome == Outcome.ADMITTED || outcome == Outcome.UNCHECKED;
    }

    /** The names of the policies that refused this request. */
    public List<String> violatedPolicies() {
        return usage.stream().filter(PolicyUsage::violated).map(u -> u.policy().name()).toList();
    }
}
