package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import reactor.core.publisher.Mono;

/**
 * Identical calls under way at the same time (same section, same {@link SectionKey}) share one downstream
 * call, cached section or not. The shared call is cancelled only when every request waiting for it has
 * gone; it is forgotten as soon as it settles, so a later request makes a call of its own.
 */
final class CoalescingStage implements SectionStage {
    @Override
    public <T> SectionCall<T> around(SectionCall<T> next) {
        ConcurrentMap<SectionKey, Mono<SectionResult<T>>> inFlight = new ConcurrentHashMap<>();
        return request -> Mono.defer(() -> inFlight.computeIfAbsent(request.key(), key -> shared(next, request, inFlight)));
    }

    private static <T> Mono<SectionResult<T>> shared(SectionCall<T> next, SectionRequest request,
                                                     ConcurrentMap<SectionKey, Mono<SectionResult<T>>> inFlight) {
        SectionKey key = request.key();
        @SuppressWarnings("unchecked")
        Mono<SectionResult<T>>[] self = new Mono[1];
        self[0] = next.call(request)
            .doFinally(signal -> inFlight.remove(key, self[0]))
            .flux()
            .publish(1)             // one value at most: a one-slot queue, not the default 256
            .refCount(1)
            .singleOrEmpty();
        return self[0];
    }
}
