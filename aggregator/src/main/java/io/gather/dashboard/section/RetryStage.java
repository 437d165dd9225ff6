package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult.Missing;
import reactor.core.publisher.Mono;

/**
 * Tries a call once more when it got no answer at all (refused, reset before a response), so the request
 * may never have reached the service. Never after a timeout or any answer, never twice, only while the
 * retry budget allows, and within the section's timeout (the stage above bounds both tries together).
 */
final class RetryStage implements SectionStage {
    private final RetryBudget budget;

    RetryStage(RetryBudget budget) {
        this.budget = budget;
    }

    @Override
    public <T> SectionCall<T> around(SectionCall<T> next) {
        return request -> next.call(request).flatMap(result -> {
            budget.called();
            if (result instanceof Missing<T> m && m.noAnswer() && budget.tryRetry()) {
                return next.call(request);
            }
            return Mono.just(result);
        });
    }
}
