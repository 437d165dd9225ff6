package io.gather.dashboard.section;

import io.gather.dashboard.CallContext;
import io.gather.dashboard.Section;
import io.gather.dashboard.SectionResult;
import java.util.List;
import reactor.core.publisher.Mono;

/**
 * The outermost stage: for each request, what its section came to (live, cached, stale, missing and why, or
 * cancelled) and how long the request waited for it. It notes the outcome in the request's {@link CallContext}
 * (for the request's log line) and hands it to the observers (metrics, fault episodes). It decides nothing.
 */
final class ObservingStage implements SectionStage {
    private final Section<?> section;
    private final SectionObserver.Recorder[] recorders;

    ObservingStage(Section<?> section, List<SectionObserver> observers) {
        this.section = section;
        this.recorders = observers.stream().map(o -> o.forSection(section)).toArray(SectionObserver.Recorder[]::new);
    }

    @Override
    public <T> SectionCall<T> around(SectionCall<T> next) {
        return request -> Mono.defer(() -> {
            Watch watch = new Watch(System.nanoTime());
            return next.call(request)
                .doOnNext(result -> settled(request.call(), result, watch))
                .doOnCancel(() -> cancelled(watch));
        });
    }

    private void settled(CallContext call, SectionResult<?> result, Watch watch) {
        watch.settled = true;
        long nanos = System.nanoTime() - watch.start;
        call.note(section, new CallContext.SectionOutcome(result, nanos));
        for (SectionObserver.Recorder r : recorders) {
            r.settled(result, nanos);
        }
    }

    private void cancelled(Watch watch) {
        if (!watch.settled) {
            long nanos = System.nanoTime() - watch.start;
            for (SectionObserver.Recorder r : recorders) {
                r.cancelled(nanos);
            }
        }
    }

    /** When this request's call started, and whether it settled (a cancel after that is not a cancellation). */
    private static final class Watch {
        final long start;
        volatile boolean settled;

        Watch(long start) {
            this.start = start;
        }
    }
}
