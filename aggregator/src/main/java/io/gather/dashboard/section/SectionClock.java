package io.gather.dashboard.section;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import reactor.core.scheduler.Schedulers;

/**
 * Time as Reactor's parallel scheduler sees it: the clock that {@code Mono.timeout} uses, and the one that
 * {@code StepVerifier.withVirtualTime} replaces, so durations measured in tests are virtual too.
 */
final class SectionClock {
    private SectionClock() {
    }

    static long now() {
        return Schedulers.parallel().now(TimeUnit.NANOSECONDS);
    }

    static Duration since(long startNanos) {
        return Duration.ofNanos(Math.max(0, now() - startNanos));
    }
}
