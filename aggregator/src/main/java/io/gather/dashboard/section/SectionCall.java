package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult;
import reactor.core.publisher.Mono;

/** A section's call: never fails, never completes empty; every outcome is a {@link SectionResult}. */
@FunctionalInterface
public interface SectionCall<T> {
    Mono<SectionResult<T>> call(SectionRequest request);

    /** This call wrapped by {@code stage}: reads top to bottom as innermost to outermost. */
    default SectionCall<T> with(SectionStage stage) {
        return stage.around(this);
    }
}
