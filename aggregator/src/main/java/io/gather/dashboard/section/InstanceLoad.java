package io.gather.dashboard.section;

/**
 * Whether this instance is itself the bottleneck right now (dashboard requests queue for a turn). A section call that
 * times out then may have been slow in Gather's own queues and event loop rather than in the downstream, so the
 * breaker does not count it against the service: Gather's congestion must not open a breaker and fail every answer.
 */
@FunctionalInterface
public interface InstanceLoad {
    /** An instance that is never saturated: every timeout counts (tests, admission off). */
    InstanceLoad NEVER = () -> false;

    boolean saturated();
}
