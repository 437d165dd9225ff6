package io.gather.observe;

import io.gather.dashboard.Section;
import io.gather.dashboard.Sections;
import io.gather.dashboard.section.SectionCatalog;
import io.gather.dashboard.section.SectionPipeline;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import java.util.Locale;
import java.util.concurrent.atomic.LongAdder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Gauges read from each downstream's resilience objects when Prometheus scrapes (nothing on the hot path):
 * <ul>
 *   <li>{@code gather_breaker_state{section, state}}: 1 for the breaker's current state (closed, open, half_open), 0 for the others;</li>
 *   <li>{@code gather_breaker_failure_rate{section}}: % of failed calls in the window (-1 until minimum-calls were made);</li>
 *   <li>{@code gather_bulkhead_refused_total{section}} and {@code gather_bulkhead_calls{section}} (under way now);</li>
 *   <li>{@code gather_section_cache_entries{section}}.</li>
 * </ul>
 * Built at startup (it builds the section stacks), and it logs each breaker transition at INFO.
 */
@Context
@Requires(bean = MeterRegistry.class)
final class ResilienceMetrics {
    private static final Logger LOG = LoggerFactory.getLogger(FaultEpisodes.LOGGER);
    private static final CircuitBreaker.State[] STATES = {
        CircuitBreaker.State.CLOSED, CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN};

    ResilienceMetrics(MeterRegistry registry, SectionCatalog catalog, SectionPipeline pipeline) {
        catalog.sections(); // the stacks exist, and with them every breaker, bulkhead and cache
        for (Section<?> section : Sections.ALL) {
            String id = section.id();
            CircuitBreaker breaker = pipeline.breakers().get(id);
            if (breaker != null) {
                for (CircuitBreaker.State state : STATES) {
                    Gauge.builder("gather.breaker.state", breaker, b -> b.getState() == state ? 1 : 0)
                        .description("1 for the downstream's circuit breaker state, 0 for the others")
                        .tags("section", id, "state", state.name().toLowerCase(Locale.ROOT))
                        .register(registry);
                }
                Gauge.builder("gather.breaker.failure.rate", breaker, b -> b.getMetrics().getFailureRate())
                    .description("Failed calls in the breaker's window, in %; -1 until minimum-calls were made")
                    .tags("section", id)
                    .register(registry);
                breaker.getEventPublisher().onStateTransition(e -> LOG.info("Section {}: circuit breaker {} -> {} (failure rate {} %)",
                    id, e.getStateTransition().getFromState(), e.getStateTransition().getToState(),
                    breaker.getMetrics().getFailureRate()));
            }
            Bulkhead bulkhead = pipeline.bulkheads().get(id);
            if (bulkhead != null) {
                Gauge.builder("gather.bulkhead.calls", bulkhead,
                        b -> b.getBulkheadConfig().getMaxConcurrentCalls() - b.getMetrics().getAvailableConcurrentCalls())
                    .description("Calls to the downstream under way now")
                    .tags("section", id)
                    .register(registry);
            }
            LongAdder refused = pipeline.bulkheadRefusals().get(id);
            if (refused != null) {
                FunctionCounter.builder("gather.bulkhead.refused", refused, LongAdder::sum)
                    .description("Calls the downstream's bulkhead refused (too many under way)")
                    .tags("section", id)
                    .register(registry);
            }
            if (pipeline.cacheSize(id).isPresent()) {
                Gauge.builder("gather.section.cache.entries", pipeline, p -> p.cacheSize(id).orElse(0))
                    .description("Entries in the section's cache")
                    .tags("section", id)
                    .register(registry);
                Gauge.builder("gather.section.cache.bytes", pipeline, p -> p.cacheBytes(id).orElse(0))
                    .description("Heap the section's cache holds, by the values' own estimate (at most its max-heap-percent)")
                    .tags("section", id)
                    .baseUnit("bytes")
                    .register(registry);
            }
        }
    }
}
