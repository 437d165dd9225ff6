package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Reason;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import reactor.core.publisher.Mono;

/**
 * The downstream's circuit breaker (resilience4j: closed, open, half-open). It sees every outcome as a
 * value from below, timeouts included, and counts those that say the downstream is unwell
 * ({@link Missing#downstreamFault()}); while open, the call is not made and the section is missing with
 * reason breaker-open (or served stale by the stage above). A call cancelled from above is not counted, nor a timeout
 * while the instance itself is slow ({@link InstanceLoad}: a full core, a collector's pause, a cold JIT), which may be
 * Gather's own doing. Every other fault counts from the first call, cold instance or not.
 */
final class BreakerStage implements SectionStage {
    private final CircuitBreaker breaker;
    private final InstanceLoad load;

    BreakerStage(CircuitBreaker breaker, InstanceLoad load) {
        this.breaker = breaker;
        this.load = load;
    }

    @Override
    public <T> SectionCall<T> around(SectionCall<T> next) {
        return request -> Mono.defer(() -> {
            if (!breaker.tryAcquirePermission()) {
                return Mono.just(Missing.<T>of(Reason.BREAKER_OPEN,
                    "The service failed often lately, so it is not called for a while.", Duration.ZERO));
            }
            long start = breaker.getCurrentTimestamp();
            AtomicBoolean settled = new AtomicBoolean();
            return next.call(request)
                .doOnNext(result -> {
                    settled.set(true);
                    // a half-open breaker's few trial calls always count: they are there to test the service, and an
                    // excused one would keep it half-open, letting trial calls wait out their timeouts, for as long
                    // as the instance stays slow
                    if (result instanceof Missing<T> m && m.reason() == Reason.TIMEOUT && load.saturated()
                        && breaker.getState() == CircuitBreaker.State.CLOSED) {
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
