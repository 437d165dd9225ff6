package io.gather.auth.limits;

import java.util.List;

/** A named set of policies that all apply. */
public record Tier(String name, List<Policy> policies) {
    public Tier {
        policies = List.copyOf(policies);
    }
}
