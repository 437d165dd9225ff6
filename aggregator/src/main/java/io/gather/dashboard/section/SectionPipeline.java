package io.gather.dashboard.section;

import com.github.benmanes.caffeine.cache.Ticker;
import io.gather.dashboard.Section;
import io.gather.dashboard.SectionResult;
import io.gather.dashboard.config.SectionSettings;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.github.resilience4j.bulkhead.BulkheadConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreaker;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.ToLongFunction;

/**
 * Builds sections' calls as stacks of stages, and holds what the stages share: the classifier, the one
 * time source (a Caffeine {@link Ticker}, also the breakers' clock), and each downstream's cache, breaker
 * and bulkhead (kept here so health and metrics can read them).
 */
@Singleton
public final class SectionPipeline {
    private final FailureClassifier classifier;
    private final Ticker ticker;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();
    private final Map<String, Bulkhead> bulkheads = new ConcurrentHashMap<>();
    private final Map<String, SectionCache<?>> caches = new ConcurrentHashMap<>();
    private final Map<String, LongAdder> bulkheadRefusals = new ConcurrentHashMap<>();
    private final List<SectionObserver> observers;
    private final InstanceLoad load;

    @Inject
    SectionPipeline(FailureClassifier classifier, List<SectionObserver> observers, InstanceLoad load) {
        this(classifier, Ticker.systemTicker(), observers, load);
    }

    SectionPipeline(FailureClassifier classifier, Ticker ticker, List<SectionObserver> observers, InstanceLoad load) {
        this.classifier = classifier;
        this.ticker = ticker;
        this.observers = List.copyOf(observers);
        this.load = load;
    }

    public SectionPipeline(FailureClassifier classifier, Ticker ticker) {
        this(classifier, ticker, List.of());
    }

    public SectionPipeline(FailureClassifier classifier, Ticker ticker, List<SectionObserver> observers) {
        this(classifier, ticker, observers, InstanceLoad.NEVER);
    }

    /**
     * One section's stack, innermost first: this is the place to read (and extend) what happens to a
     * section's call. Failures become values at the bottom, so every stage above sees them.
     */
    public <T> SectionCall<T> compose(Section<T> section, SectionSource<T> source, SectionSettings s) {
        SectionCache<T> cache = s.getCache().isEnabled() ? cache(section, s) : null;
        return new Fetching<>(source, classifier)                   // the downstream call; every failure becomes "missing: why"
            .with(retry(s))                                         // once more for a call that got no answer, within a budget
            .with(new TimeoutStage(s.getTimeout()))                 // the downstream's own time, never longer
            .with(breaker(section, s))                              // after many failures, no calls for a while
            .with(new BulkheadStage(bulkhead(section, s), refusals(section))) // a bounded number of calls at once; more are refused
            .with(new CoalescingStage())                            // identical calls under way share one
            .with(new DeadlineStage(s.getTimeout()))                // this request's own deadline, when shorter
            .with(cache == null ? SectionStage.NONE : new StaleFallbackStage(cache))  // a failed call serves a stale entry
            .with(cache == null ? SectionStage.NONE : new CacheStage(cache, s.getTimeout())) // a fresh entry is served, no call
            .with(new ObservingStage(section, observers));          // what each request's section came to: metrics, log line
    }

    private static SectionStage retry(SectionSettings s) {
        SectionSettings.Retry r = s.getRetry();
        return r.isEnabled() ? new RetryStage(new RetryBudget(r.getBudgetPercent(), r.getMinRetries()), s.getTimeout()) : SectionStage.NONE;
    }

    private SectionStage breaker(Section<?> section, SectionSettings s) {
        SectionSettings.Breaker b = s.getBreaker();
        if (!b.isEnabled()) {
            return SectionStage.NONE;
        }
        CircuitBreakerConfig config = CircuitBreakerConfig.custom()
            .clock(new TickerClock(ticker))
            .currentTimestampFunction(clock -> ticker.read(), java.util.concurrent.TimeUnit.NANOSECONDS)
            .slidingWindowType(CircuitBreakerConfig.SlidingWindowType.TIME_BASED)
            .slidingWindowSize((int) b.getWindow().toSeconds())
            .minimumNumberOfCalls(b.getMinimumCalls())
            .failureRateThreshold(b.getFailureRate())
            .waitDurationInOpenState(b.getWaitInOpen())
            .permittedNumberOfCallsInHalfOpenState(b.getHalfOpenCalls())
            .recordResult(result -> result instanceof SectionResult.Missing<?> m && m.downstreamFault())
            .build();
        return new BreakerStage(breakers.computeIfAbsent(section.id(), id -> CircuitBreaker.of(id, config)), load);
    }

    private Bulkhead bulkhead(Section<?> section, SectionSettings s) {
        BulkheadConfig config = BulkheadConfig.custom()
            .maxConcurrentCalls(s.getBulkhead().getMaxConcurrentCalls())
            .maxWaitDuration(Duration.ZERO)
            .build();
        return bulkheads.computeIfAbsent(section.id(), id -> Bulkhead.of(id, config));
    }

    private LongAdder refusals(Section<?> section) {
        return bulkheadRefusals.computeIfAbsent(section.id(), id -> new LongAdder());
    }

    private <T> SectionCache<T> cache(Section<T> section, SectionSettings s) {
        @SuppressWarnings("unchecked")
        SectionCache<T> cache = (SectionCache<T>) caches.computeIfAbsent(section.id(), id -> new SectionCache<T>(s.getCache(), ticker));
        return cache;
    }

    /** Each downstream's breaker, by section id (for health and metrics). */
    public Map<String, CircuitBreaker> breakers() {
        return breakers;
    }

    public Map<String, Bulkhead> bulkheads() {
        return bulkheads;
    }

    /** Calls each downstream's bulkhead refused since startup, by section id. */
    public Map<String, LongAdder> bulkheadRefusals() {
        return bulkheadRefusals;
    }

    /** How many entries the section's cache holds now; empty when the section has no cache. */
    public OptionalLong cacheSize(String sectionId) {
        return ofCache(sectionId, SectionCache::size);
    }

    /** How many bytes the section's cache holds now, by estimate; empty when the section has no cache. */
    public OptionalLong cacheBytes(String sectionId) {
        return ofCache(sectionId, SectionCache::bytes);
    }

    private OptionalLong ofCache(String sectionId, ToLongFunction<SectionCache<?>> reading) {
        SectionCache<?> cache = caches.get(sectionId);
        return cache == null ? OptionalLong.empty() : OptionalLong.of(reading.applyAsLong(cache));
    }
}
