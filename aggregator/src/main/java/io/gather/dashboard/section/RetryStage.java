package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Reason;
import java.time.Duration;
import reactor.core.publisher.Mono;

/**
 * Tries a call once more when it got no answer at all (refused, reset before a response), so the request
 * may never have reached the service. Never after a timeout or any answer, never twice, only while the
 * retry budget allows, and within the section's timeout (the stage above bounds both tries together).
 * <p>
 * A call the client pool would not even queue ({@code bulkhead-full} here: the pool's wait queue was full, which
 * happens when many calls need new connections at once, at a jump in load or right after a mass hang-up) is tried
 * once more after {@link #POOL_PAUSE}, outside the budget: it never reached the service, and by then the
 * connections being opened are open.
 */
final class RetryStage implements SectionStage {
    static final Duration POOL_PAUSE = Duration.ofMillis(50);
    private final RetryBudget budget;

    RetryStage(RetryBudget budget) {
        this.budget = budget;
    }

    @Override
    public <T> SectionCall<T> around(SectionCall<T> next) {
        return request -> next.call(request).flatMap(result -> {
            if (result instanceof Missing<T> m && m.reason() == Reason.BULKHEAD_FULL) {
                return Mono.delay(POOL_PAUSE).then(next.call(request));
            }
            budget.called();
            if (result instanceof Missing<T> m && m.noAnswer() && budget.tryRetry()) {
                return next.call(request);
            }
            return Mono.just(result);
        });
    }
}
