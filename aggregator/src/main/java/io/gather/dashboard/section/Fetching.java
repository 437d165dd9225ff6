package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult;
import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Ok;
import io.gather.dashboard.SectionResult.Reason;
import reactor.core.publisher.Mono;

/**
 * The bottom of a section's stack: runs the source, and turns its value or failure into a result. This is
 * where failures become values, so every stage above (retry, timeout, breaker, stale fallback, cache)
 * decides from a {@link SectionResult}, and a stage above can never be skipped by an error.
 */
final class Fetching<T> implements SectionCall<T> {
    private final SectionSource<T> source;
    private final FailureClassifier classifier;

    Fetching(SectionSource<T> source, FailureClassifier classifier) {
        this.source = source;
        this.classifier = classifier;
    }

    @Override
    public Mono<SectionResult<T>> call(SectionRequest request) {
        return Mono.defer(() -> {
            long start = SectionClock.now();
            return Mono.defer(() -> source.fetch(request))
                .<SectionResult<T>>map(value -> Ok.live(value, SectionClock.since(start)))
                .switchIfEmpty(Mono.fromSupplier(
                    () -> Missing.of(Reason.BAD_BODY, "The service answered without a body.", SectionClock.since(start))))
                .onErrorResume(e -> Mono.just(classifier.classify(e, SectionClock.since(start))));
        });
    }
}
