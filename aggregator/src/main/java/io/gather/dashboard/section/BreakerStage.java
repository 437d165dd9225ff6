package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Reason;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.BooleanSupplier;
import reactor.core.publisher.Mono;

/**
 * The downstream's circuit breaker (resilience4j: closed, open, half-open). It sees every outcome as a
 * value from below, timeouts included, and counts those that say the downstream is unwell
 * ({@link Missing#downstreamFault()}); while open, the call is not made and the section is missing with
 * reason breaker-open (or served stale by the stage above). A call cancelled from above is not counted. While the
 * instance warms up (the admission's slow start), the breaker is not armed: a cold JVM's timeouts are its own; and
 * while the instance is saturated ({@link InstanceLoad}), a timeout is not counted, for the same reason.
 */
final class BreakerStage implements SectionStage {
    private final CircuitBreaker breaker;
    private final BooleanSupplier armed;
    private final InstanceLoad load;

    BreakerStage(CircuitBreaker breaker, BooleanSupplier armed, InstanceLoad load) {
        this.breaker = breaker;
        this.armed = armed;
        this.load = load;
    }

    @Override
    public <T> SectionCall<T> around(SectionCall<T> next) {
        return request -> Mono.defer(() -> {
            if (!armed.getAsBoolean()) {
                return next.call(request);      // warming up: Gather's own slowness is no evidence against the service
            }
            if (!breaker.tryAcquirePermission()) {
                return Mono.just(Missing.<T>of(Reason.BREAKER_OPEN,
                    "The service failed often lately, so it is not called for a while.", Duration.ZERO));
            }
            long start = breaker.getCurrentTimestamp();
            AtomicBoolean settled = new AtomicBoolean();
            return next.call(request)
                .doOnNext(result -> {
                    settled.set(true);
                    if (result instanceof Missing<T> m && m.reason() == Reason.TIMEOUT && load.saturated()) {
                        breaker.releasePermission();    // maybe Gather's own congestion: no evidence against the service
                    } else {
                        breaker.onResult(breaker.getCurrentTimestamp() - start, breaker.getTimestampUnit(), result);
                    }
                })
                .doOnCancel(() -> {
                    if (!settled.get()) {
                        breaker.releasePermission();
                    }
                });
        });
    }
}
