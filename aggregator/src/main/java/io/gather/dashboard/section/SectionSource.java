package io.gather.dashboard.section;

import reactor.core.publisher.Mono;

/**
 * The innermost stage: one downstream call for one section. It may fail in any way (errors are
 * classified by the stage around it) and must not block.
 */
@FunctionalInterface
public interface SectionSource<T> {
    Mono<T> fetch(SectionRequest request);
}
