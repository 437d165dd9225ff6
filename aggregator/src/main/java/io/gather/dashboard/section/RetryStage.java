package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult;
import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Reason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Tries a call once more when it got no answer at all (refused, reset before a response), so the request
 * may never have reached the service. Never after a timeout or any answer, never twice, only while the
 * retry budget allows, and within the section's timeout (the stage above bounds both tries together).
 * <p>
 * A call the client pool would not even queue ({@code bulkhead-full} here: the pool's wait queue was full, which
 * happens when many calls need new connections at once, at a jump in load, right after a mass hang-up, or when a
 * collector's pause ends with a backlog) is tried again after pauses that double from {@link #FIRST_POOL_PAUSE},
 * outside the budget: it never reached the service, and by then the connections being opened are open. The pauses
 * add up to half the section's timeout at most (50, 100 and 200 ms for 800 ms or 1 s), so a backlog of a few hundred
 * milliseconds is waited out and the call itself keeps the other half: its timeout measures the downstream, and a
 * call that never got a connection ends {@code bulkhead-full} (Gather's congestion), not a timeout the downstream's
 * breaker would count.
 */
final class RetryStage implements SectionStage {
    static final Duration FIRST_POOL_PAUSE = Duration.ofMillis(50);
    private final RetryBudget budget;
    /** The pauses before each try again of a call the pool would not queue. */
    private final List<Duration> poolPauses;

    RetryStage(RetryBudget budget, Duration timeout) {
        this.budget = budget;
        this.poolPauses = poolPauses(timeout.dividedBy(2));
    }

    /** 50, 100, 200 ms... while they add up to at most {@code most}. */
    static List<Duration> poolPauses(Duration most) {
        List<Duration> pauses = new ArrayList<>();
        Duration sum = Duration.ZERO;
        for (Duration p = FIRST_POOL_PAUSE; sum.plus(p).compareTo(most) <= 0; p = p.multipliedBy(2)) {
            pauses.add(p);
            sum = sum.plus(p);
        }
        return List.copyOf(pauses);
    }

    @Override
    public <T> SectionCall<T> around(SectionCall<T> next) {
        return request -> next.call(request).flatMap(result -> {
            if (poolFull(result)) {
                return poolPauses.isEmpty() ? Mono.just(result) : afterPoolFull(next, request, 0);
            }
            budget.called();
            if (result instanceof Missing<T> m && m.noAnswer() && budget.tryRetry()) {
                return next.call(request);
            }
            return Mono.just(result);
        });
    }

    private <T> Mono<SectionResult<T>> afterPoolFull(SectionCall<T> next, SectionRequest request, int tried) {
        return Mono.delay(poolPauses.get(tried))
            .then(Mono.defer(() -> next.call(request)))
            .flatMap(result -> poolFull(result) && tried + 1 < poolPauses.size()
                ? afterPoolFull(next, request, tried + 1)
                : Mono.just(result));
    }

    private static boolean poolFull(SectionResult<?> result) {
        return result instanceof Missing<?> m && m.reason() == Reason.BULKHEAD_FULL;
    }
}
