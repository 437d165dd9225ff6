package io.gather.dashboard.section;

import java.util.concurrent.atomic.AtomicLong;

/**
 * How many retries a downstream may get: every call earns {@code percent}/100 of a retry, a retry spends
 * one, and the balance never exceeds {@code reserve} retries. So retries stay near {@code percent} % of
 * calls, and a downstream that fails every call gets at most the reserve plus that share, never double load.
 */
final class RetryBudget {
    private static final long ONE = 1000; // a retry, in thousandths
    private final long perCall;
    private final long max;
    private final AtomicLong balance;

    RetryBudget(int percent, int reserve) {
        this.perCall = percent * ONE / 100;
        this.max = Math.max(ONE, reserve * ONE);
        this.balance = new AtomicLong(reserve * ONE);
    }

    void called() {
        balance.accumulateAndGet(perCall, (b, d) -> Math.min(max, b + d));
    }

    boolean tryRetry() {
        long b;
        do {
            b = balance.get();
            if (b < ONE) {
                return false;
            }
        } while (!balance.compareAndSet(b, b - ONE));
        return true;
    }
}
