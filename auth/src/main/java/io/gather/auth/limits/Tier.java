package io.gather.auth.limits;

import java.util.List;

/** A named set of policies that all apply, the shortest window first (the order of the rate-limit fields). */
public record Tier(String name, List<Policy> policies) {
    public Tier {
        policies = List.copyOf(policies);
    }
}
