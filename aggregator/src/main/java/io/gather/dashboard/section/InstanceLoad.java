package io.gather.dashboard.section;

/**
 * Whether this instance is itself slow right now (its event loops run late: {@code io.gather.access.EventLoopLag}). A
 * section call that times out then may have been slow in Gather rather than in the downstream, so the breaker does not
 * count it against the service: Gather's congestion must not open a breaker and fail every answer.
 */
@FunctionalInterface
public interface InstanceLoad {
    /** An instance that is never slow: every timeout counts (tests). */
    InstanceLoad NEVER = () -> false;

    boolean saturated();
}
