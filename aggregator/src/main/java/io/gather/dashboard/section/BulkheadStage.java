package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Reason;
import io.github.resilience4j.bulkhead.Bulkhead;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;
import reactor.core.publisher.Mono;

/**
 * Bounds the calls to one downstream that are under way at once (resilience4j's semaphore bulkhead, no
 * waiting): one more is refused at once with reason bulkhead-full. So a sick service holds a bounded part
 * of the connection pool, and the pool's own queue of waiting calls stays short.
 */
final class BulkheadStage implements SectionStage {
    private final Bulkhead bulkhead;
    private final LongAdder refused;

    BulkheadStage(Bulkhead bulkhead, LongAdder refused) {
        this.bulkhead = bulkhead;
        this.refused = refused;
    }

    @Override
    public <T> SectionCall<T> around(SectionCall<T> next) {
        return request -> Mono.defer(() -> {
            if (!bulkhead.tryAcquirePermission()) {
                refused.increment();
                return Mono.just(Missing.<T>of(Reason.BULKHEAD_FULL,
                    "Too many calls to the service are under way; this one was not made.", Duration.ZERO));
            }
            return next.call(request).doFinally(signal -> bulkhead.onComplete());
        });
    }
}
