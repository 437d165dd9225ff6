package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult;
import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Reason;
import java.time.Duration;
import java.util.Objects;
import reactor.core.publisher.Mono;

/**
 * Gives up on the downstream at the section's timeout and answers "missing: timeout" instead. It sits
 * right above the call (and its retry), so it measures the downstream, not time spent waiting inside
 * Gather. Cancelling the call below also cancels the downstream request.
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
        Mono<SectionResult<T>> timedOut = Mono.fromSupplier(() -> Missing.of(Reason.TIMEOUT,
            "No answer within " + timeout.toMillis() + " ms.", timeout));
        return request -> next.call(request).timeout(timeout, timedOut);
    }
}
