package io.gather.dashboard.section;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.Ticker;
import io.gather.dashboard.config.SectionSettings;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;

/**
 * One section's cache: the last good value per {@link SectionKey}, bounded in size, kept for
 * {@code fresh + stale-if-error} after it was fetched and then dropped. Freshness is judged per read from the
 * entry's age, on the cache's {@link Ticker}, so tests move time with a fake one.
 *
 * <p>A Caffeine {@code Cache}, not its loading {@code AsyncCache}: a load needs the request (its id, its deadline)
 * and its failure must reach the stale fallback as a value, never be stored or logged by the cache. Loads are
 * coalesced by {@link CoalescingStage} instead, which also serves sections whose cache is off.
 */
final class SectionCache<T> {
    /** A good value and when it was fetched, in ticker nanoseconds. */
    record Entry<T>(T value, long fetchedAt) {
    }

    private final Cache<SectionKey, Entry<T>> entries;
    private final Ticker ticker;
    private final long freshNanos;
    private final long refreshAfterNanos;
    private final long keepNanos;

    SectionCache(SectionSettings.Cache settings, Ticker ticker) {
        this.ticker = ticker;
        this.freshNanos = settings.getFresh().toNanos();
        this.refreshAfterNanos = settings.getRefreshAfter().toNanos();
        this.keepNanos = freshNanos + settings.getStaleIfError().toNanos();
        this.entries = Caffeine.newBuilder()
            .ticker(ticker)
            // Maintenance on the writing thread: handing it to the common pool woke a thread and contended a
            // lock on every put, 8 % of a dashboard's CPU on one core. Caffeine amortises it either way.
            .executor(Runnable::run)
            .maximumSize(settings.getMaxEntries())
            .expireAfter(new Expiry<SectionKey, Entry<T>>() {
                @Override
                public long expireAfterCreate(SectionKey key, Entry<T> entry, long now) {
                    return Math.max(0, entry.fetchedAt() + keepNanos - now);
                }

                @Override
                public long expireAfterUpdate(SectionKey key, Entry<T> entry, long now, long remaining) {
                    return expireAfterCreate(key, entry, now);
                }

                @Override
                public long expireAfterRead(SectionKey key, Entry<T> entry, long now, long remaining) {
                    return remaining;
                }
            })
            .build();
    }

    @Nullable
    Entry<T> get(SectionKey key) {
        return entries.getIfPresent(key);
    }

    void put(SectionKey key, T value) {
        entries.put(key, new Entry<>(value, ticker.read()));
    }

    void invalidate(SectionKey key) {
        entries.invalidate(key);
    }

    Duration age(Entry<T> entry) {
        return Duration.ofNanos(Math.max(0, ticker.read() - entry.fetchedAt()));
    }

    boolean fresh(Duration age) {
        return age.toNanos() < freshNanos;
    }

    /** Fresh, but old enough that a background refresh should start (stale-while-revalidate). */
    boolean aging(Duration age) {
        return refreshAfterNanos > 0 && age.toNanos() >= refreshAfterNanos && age.toNanos() < freshNanos;
    }

    /** Still young enough to be served when the live call fails (stale-if-error). */
    boolean servableStale(Duration age) {
        return age.toNanos() < keepNanos;
    }

    long size() {
        return entries.estimatedSize();
    }
}
