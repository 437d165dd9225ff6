package io.gather.observe;

import io.gather.auth.limits.RateLimitConfig;
import io.gather.auth.limits.RateLimiter;
import io.gather.dashboard.Section;
import io.gather.dashboard.Sections;
import io.gather.dashboard.WarmUpGate;
import io.gather.dashboard.config.SectionSettings;
import io.gather.dashboard.config.SectionSettingsRegistry;
import io.gather.dashboard.section.SectionCatalog;
import io.gather.dashboard.section.SectionPipeline;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micronaut.context.annotation.Context;
import io.micronaut.health.HealthStatus;
import io.micronaut.management.health.indicator.HealthIndicator;
import io.micronaut.management.health.indicator.HealthResult;
import io.micronaut.management.health.indicator.annotation.Readiness;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.reactivestreams.Publisher;
import reactor.core.publisher.Mono;

/**
 * {@code /health/readiness} on the management port: DOWN, with the reason, when this instance cannot serve
 * dashboards:
 * <ul>
 *   <li>a required section's (the profile's) circuit breaker is open and there is nothing stale to serve in its
 *       place (its cache is off, {@code stale-if-error} is 0, or the cache is empty). It is judged per instance,
 *       not per user: a non-empty cache serves the users it knows. Once {@code wait-in-open} has passed, the next
 *       request tries the service again (half-open), so the instance is ready again even if no request came;</li>
 *   <li>the rate limits live in Redis, {@code redis-failure} is {@code fail-closed}, and Redis does not answer a PING
 *       within {@code redis-timeout} (asked on each probe, so an instance without traffic sees Redis come back).</li>
 * </ul>
 * Liveness is Micronaut's own: whether the process answers at all; none of these conditions touch it.
 */
@Context
@Readiness
final class GatherReadiness implements HealthIndicator {
    static final String NAME = "gather";

    private final SectionPipeline pipeline;
    private final SectionSettingsRegistry settings;
    private final RateLimitConfig limits;
    private final RateLimiter limiter;
    private final WarmUpGate warmUp;
    private final Map<String, Long> openedAt = new ConcurrentHashMap<>();

    GatherReadiness(SectionCatalog catalog, SectionPipeline pipeline, SectionSettingsRegistry settings, RateLimitConfig limits,
              RateLimiter limiter, WarmUpGate warmUp) {
        catalog.sections(); // the stacks exist, with their breakers
        this.pipeline = pipeline;
        this.settings = settings;
        this.limits = limits;
        this.limiter = limiter;
        this.warmUp = warmUp;
        for (Section<?> section : Sections.ALL) {
            CircuitBreaker breaker = pipeline.breakers().get(section.id());
            if (section.required() && breaker != null) {
                breaker.getEventPublisher().onStateTransition(e -> {
                    if (e.getStateTransition().getToState() == CircuitBreaker.State.OPEN) {
                        openedAt.put(section.id(), System.nanoTime());
                    }
                });
            }
        }
    }

    @Override
    public Publisher<HealthResult> getResult() {
        Map<String, String> down = new LinkedHashMap<>();
        if (!warmUp.isOpen()) {
            down.put("warm-up", "the first dashboard is being assembled; dashboards asked for meanwhile start when it ends");
        }
        for (Section<?> section : Sections.ALL) {
            if (section.required()) {
                String why = breakerProblem(section);
                if (why != null) {
                    down.put(section.id(), why);
                }
            }
        }
        // what the rate limits do now: checked, off, or (Redis silent, fail-open) let through unchecked
        Mono<String> rateLimits = Mono.just(limits.enabled() ? "checked" : "off");
        if (limits.enabled() && limits.store() == RateLimitConfig.Store.REDIS) {
            boolean failClosed = limits.failurePolicy() == RateLimitConfig.FailurePolicy.FAIL_CLOSED;
            rateLimits = limiter.storeAnswers().map(answers -> {
                if (answers) {
                    return "checked";
                }
                if (failClosed) {
                    down.put("rate-limits", "Redis does not answer and gather.rate-limits.redis-failure is fail-closed: "
                        + "dashboard requests are refused with 503");
                }
                return "unchecked: Redis does not answer and gather.rate-limits.redis-failure is fail-open";
            });
        }
        return rateLimits.map(state -> HealthResult.builder(NAME, down.isEmpty() ? HealthStatus.UP : HealthStatus.DOWN)
            .details(down.isEmpty() ? Map.of("sections", "served", "rate-limits", state) : down)
            .build());
    }

    private String breakerProblem(Section<?> section) {
        CircuitBreaker breaker = pipeline.breakers().get(section.id());
        if (breaker == null) {
            return null;
        }
        CircuitBreaker.State state = breaker.getState();
        if (state != CircuitBreaker.State.OPEN && state != CircuitBreaker.State.FORCED_OPEN) {
            return null;
        }
        SectionSettings s = settings.of(section);
        Long opened = openedAt.get(section.id());
        if (state == CircuitBreaker.State.OPEN && opened != null
            && System.nanoTime() - opened >= s.getBreaker().getWaitInOpen().toNanos()) {
            return null; // the next request tries the service (half-open)
        }
        boolean staleServable = s.getCache().isEnabled() && !s.getCache().getStaleIfError().isZero()
            && pipeline.cacheSize(section.id()).orElse(0) > 0;
        return staleServable ? null
            : "its service failed often lately, so its circuit breaker is open, and there is nothing stale to serve in its place";
    }
}
