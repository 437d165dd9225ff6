package io.gather.dashboard;

import static org.junit.jupiter.api.Assertions.fail;

import io.gather.dashboard.section.SectionRequest;
import io.gather.dashboard.section.SectionSource;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Stand-in sources: one that answers at once, one that answers late, one that fails, one that must not be called. */
final class StandIns {
    private StandIns() {
    }

    /** A source that also remembers when (in scheduler time) it was called and whether it was cancelled. */
    static final class StandIn<T> implements SectionSource<T> {
        final SectionName section;
        private final Mono<T> answer;
        final AtomicLong calledAtMs = new AtomicLong(-1);
        final AtomicBoolean cancelled = new AtomicBoolean();

        StandIn(SectionName section, Mono<T> answer) {
            this.section = section;
            this.answer = answer;
        }

        @Override
        public SectionName section() {
            return section;
        }

        @Override
        public Mono<T> fetch(SectionRequest request) {
            calledAtMs.set(Schedulers.parallel().now(TimeUnit.MILLISECONDS));
            return answer.doOnCancel(() -> cancelled.set(true));
        }
    }

    static <T> StandIn<T> instant(SectionName section, T value) {
        return new StandIn<>(section, Mono.just(value));
    }

    static <T> StandIn<T> late(SectionName section, T value, Duration after) {
        return new StandIn<>(section, Mono.delay(after).thenReturn(value));
    }

    static <T> StandIn<T> failing(SectionName section, Throwable error) {
        return new StandIn<>(section, Mono.error(error));
    }

    static <T> StandIn<T> failingAfter(SectionName section, Throwable error, Duration after) {
        return new StandIn<>(section, Mono.delay(after).then(Mono.error(error)));
    }

    static <T> SectionSource<T> mustNotBeCalled(SectionName section) {
        return new SectionSource<>() {
            @Override
            public SectionName section() {
                return section;
            }

            @Override
            public Mono<T> fetch(SectionRequest request) {
                return fail(section.id() + " must not be called");
            }
        };
    }
}
