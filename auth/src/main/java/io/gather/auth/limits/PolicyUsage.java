package io.gather.auth.limits;

/**
 * Where a caller stands with one policy after a request: {@code remaining} requests left in this window,
 * {@code resetSeconds} until the window ends (rounded up), and whether this request was refused by it.
 */
public record PolicyUsage(Policy policy, long remaining, long resetSeconds, boolean violated) {
}
