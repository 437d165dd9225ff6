package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult;
import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Reason;
import java.time.Duration;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * Tries a call once more when it got no answer at all (refused, reset before a response), so the request
 * may never have reached the service. Never after a timeout or any answer, never twice, only while the
 * retry budget allows, and within the section's timeout (the stage above bounds both tries together).
 * <p>
 * A call the client pool would not even queue ({@code bulkhead-full} here: the pool's wait queue was full, which
 * happens when many calls need new connections at once, at a jump in load, right after a mass hang-up, or when a
 * collector's pause ends with a backlog) is tried again after {@link #POOL_PAUSES}, outside the budget: it never
 * reached the service, and by then the connections being opened are open. The pauses double, so a backlog of a
 * few hundred milliseconds is waited out, and the section's timeout above bounds them all.
 */
final class RetryStage implements SectionStage {
    /** The pauses before each try again of a call the pool would not queue: 750 ms in all, within a 1 s timeout. */
    static final List<Duration> POOL_PAUSES = List.of(Duration.ofMillis(50), Duration.ofMillis(100),
        Duration.ofMillis(200), Duration.ofMillis(400));
    private final RetryBudget budget;

    RetryStage(RetryBudget budget) {
        this.budget = budget;
    }

    @Override
    public <T> SectionCall<T> around(SectionCall<T> next) {
        return request -> next.call(request).flatMap(result -> {
            if (poolFull(result)) {
                return afterPoolFull(next, request, 0);
            }
            budget.called();
            if (result instanceof Missing<T> m && m.noAnswer() && budget.tryRetry()) {
                return next.call(request);
            }
            return Mono.just(result);
        });
    }

    private static <T> Mono<SectionResult<T>> afterPoolFull(SectionCall<T> next, SectionRequest request, int tried) {
        return Mono.delay(POOL_PAUSES.get(tried))
            .then(Mono.defer(() -> next.call(request)))
            .flatMap(result -> poolFull(result) && tried + 1 < POOL_PAUSES.size()
                ? afterPoolFull(next, request, tried + 1)
                : Mono.just(result));
    }

    private static boolean poolFull(SectionResult<?> result) {
        return result instanceof Missing<?> m && m.reason() == Reason.BULKHEAD_FULL;
    }
}
