package io.gather.dashboard;

import static org.junit.jupiter.api.Assertions.fail;

import io.gather.dashboard.section.SectionRequest;
import io.gather.dashboard.section.SectionSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** Stand-in sources: one that answers at once, one that answers late, one that fails, one that must not be called. */
public final class StandIns {
    private StandIns() {
    }

    /** A source that also remembers when (in scheduler time) it was called, how often, for whom, and whether it was cancelled. */
    public static final class StandIn<T> implements SectionSource<T> {
        public final Section<T> section;
        private final Supplier<Mono<T>> answer;
        public final AtomicLong calledAtMs = new AtomicLong(-1);
        public final AtomicInteger calls = new AtomicInteger();
        public final AtomicBoolean cancelled = new AtomicBoolean();
        public final List<String> users = Collections.synchronizedList(new ArrayList<>());

        public StandIn(Section<T> section, Supplier<Mono<T>> answer) {
            this.section = section;
            this.answer = answer;
        }

        @Override
        public Mono<T> fetch(SectionRequest request) {
            calledAtMs.set(Schedulers.parallel().now(TimeUnit.MILLISECONDS));
            calls.incrementAndGet();
            users.add(request.userId());
            return answer.get().doOnCancel(() -> cancelled.set(true));
        }
    }

    public static <T> StandIn<T> instant(Section<T> section, T value) {
        return new StandIn<>(section, () -> Mono.just(value));
    }

    public static <T> StandIn<T> late(Section<T> section, T value, Duration after) {
        return new StandIn<>(section, () -> Mono.delay(after).thenReturn(value));
    }

    public static <T> StandIn<T> failing(Section<T> section, Throwable error) {
        return new StandIn<>(section, () -> Mono.error(error));
    }

    public static <T> StandIn<T> failingAfter(Section<T> section, Throwable error, Duration after) {
        return new StandIn<>(section, () -> Mono.delay(after).then(Mono.error(error)));
    }

    public static <T> StandIn<T> mustNotBeCalled(Section<T> section) {
        return new StandIn<>(section, () -> fail(section.id() + " must not be called"));
    }
}
