package io.gather.dashboard.section;

import io.gather.dashboard.SectionName;
import reactor.core.publisher.Mono;

/**
 * The innermost stage: one downstream call for one section. It may fail in any way (errors are
 * classified by the stage around it) and must not block.
 */
public interface SectionSource<T> {
    SectionName section();

    Mono<T> fetch(SectionRequest request);
}
