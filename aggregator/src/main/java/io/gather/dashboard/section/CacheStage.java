package io.gather.dashboard.section;

import io.gather.dashboard.SectionResult;
import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Ok;
import io.gather.dashboard.SectionResult.Reason;
import io.gather.dashboard.SectionResult.Source;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.publisher.Mono;

/**
 * Serves a fresh cache entry without a call (state cached, with its age), and stores every live good value.
 * A fresh but aging entry is served and refreshed in the background, through the same stack below (so the
 * refresh is coalesced, bounded by the section's timeout, and counted by the breaker). Failures are never
 * stored; a 404 drops the entry, since the service says there is nothing.
 */
final class CacheStage implements SectionStage {
    private static final Logger LOG = LoggerFactory.getLogger(CacheStage.class);
    private final SectionCache<?> cache;
    private final Duration refreshBudget;

    CacheStage(SectionCache<?> cache, Duration refreshBudget) {
        this.cache = cache;
        this.refreshBudget = refreshBudget;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> SectionCall<T> around(SectionCall<T> next) {
        SectionCache<T> typed = (SectionCache<T>) cache;
        return request -> Mono.defer(() -> {
            SectionCache.Entry<T> entry = typed.get(request.key());
            if (entry != null) {
                Duration age = typed.age(entry);
                if (typed.fresh(age)) {
                    if (typed.aging(age)) {
                        refresh(next, typed, request);
                    }
                    return Mono.just(Ok.cached(entry.value(), age, Duration.ZERO));
                }
            }
            return live(next, typed, request);
        });
    }

    private static <T> Mono<SectionResult<T>> live(SectionCall<T> next, SectionCache<T> cache, SectionRequest request) {
        return next.call(request).doOnNext(result -> {
            if (result instanceof Ok<T> ok && ok.source() == Source.LIVE) {
                cache.put(request.key(), ok.value());
            } else if (result instanceof Missing<T> m && m.reason() == Reason.ERROR_STATUS
                && Integer.valueOf(404).equals(m.upstreamStatus())) {
                cache.invalidate(request.key());
            }
        });
    }

    private <T> void refresh(SectionCall<T> next, SectionCache<T> cache, SectionRequest request) {
        live(next, cache, request.withBudget(refreshBudget))
            .subscribe(result -> { }, e -> LOG.debug("background refresh failed", e));
    }
}
