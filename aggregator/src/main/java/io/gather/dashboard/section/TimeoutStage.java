package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult;
import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Reason;
import java.time.Duration;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Gives up on a section at its timeout, or at the request's deadline if that comes first, and answers
 * "missing: timeout" instead. Cancelling the call below also cancels the downstream request.
 */
final class TimeoutStage implements SectionStage {
    private final Duration timeout;

    TimeoutStage(Duration timeout) {
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("a section timeout must be positive");
        }
    }

    @Override
    public <T> SectionCall<T> around(SectionCall<T> next) {
        return request -> {
            Duration limit = timeout.compareTo(request.budget()) <= 0 ? timeout : request.budget();
            Mono<SectionResult<T>> timedOut = Mono.fromSupplier(() -> Missing.of(Reason.TIMEOUT,
                "No answer within " + limit.toMillis() + " ms.", limit));
            return next.call(request).timeout(limit, timedOut);
        };
    }
}
