package io.gather.dashboard.section;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import com.github.benmanes.caffeine.cache.RemovalCause;
import com.github.benmanes.caffeine.cache.Ticker;
import io.gather.clients.common.Footprint;
import io.gather.clients.common.Sized;
import io.gather.dashboard.config.SectionSettings;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.concurrent.atomic.LongAdder;

/**
 * One section's cache: the last good value per {@link SectionKey}, bounded in size, kept for
 * {@code fresh + stale-if-error} after it was fetched and then dropped. Freshness is judged per read from the
 * entry's age, on the cache's {@link Ticker}, so tests move time with a fake one.
 *
 * <p>Bounded twice: at most {@code max-entries} entries, and at most {@code max-heap-percent} of the maximum heap by the
 * values' own estimate ({@link Sized}). Entries are weighed in bytes, each at least its share of the byte bound under
 * the entry bound, so one Caffeine weight enforces both: under a small {@code -Xmx} the byte bound holds (10,000 pages
 * of a few KB each filled most of a 256 MB heap, and the collector's pauses then timed calls out), and a service that
 * sends long titles or many items gets fewer entries, not more heap.
 *
 * <p>A Caffeine {@code Cache}, not its loading {@code AsyncCache}: a load needs the request (its id, its deadline)
 * and its failure must reach the stale fallback as a value, never be stored or logged by the cache. Loads are
 * coalesced by {@link CoalescingStage} instead, which also serves sections whose cache is off.
 */
final class SectionCache<T> {
    /** The entry, its key, and the nodes Caffeine and its map keep for them. */
    private static final long ENTRY_BYTES = 136;
    /** A value that cannot estimate itself (none of today's sections). */
    private static final long UNSIZED_BYTES = 4096;

    /** A good value, when it was fetched (in ticker nanoseconds), and its estimated bytes with its key's. */
    record Entry<T>(T value, long fetchedAt, long bytes) {
    }

    private final Cache<SectionKey, Entry<T>> entries;
    private final Ticker ticker;
    private final long freshNanos;
    private final long refreshAfterNanos;
    private final long keepNanos;
    private final long maxBytes;
    private final long leastWeight;
    private final LongAdder bytesHeld = new LongAdder();

    SectionCache(SectionSettings.Cache settings, Ticker ticker) {
        this(settings, ticker, Runtime.getRuntime().maxMemory());
    }

    SectionCache(SectionSettings.Cache settings, Ticker ticker, long maxHeapBytes) {
        this.ticker = ticker;
        this.maxBytes = Math.max(1, (long) (maxHeapBytes * settings.getMaxHeapPercent() / 100));
        this.leastWeight = Math.max(1, maxBytes / settings.getMaxEntries());
        this.freshNanos = settings.getFresh().toNanos();
        this.refreshAfterNanos = settings.getRefreshAfter().toNanos();
        this.keepNanos = freshNanos + settings.getStaleIfError().toNanos();
        this.entries = Caffeine.newBuilder()
            .ticker(ticker)
            // Maintenance on the writing thread: handing it to the common pool woke a thread and contended a
            // lock on every put, 8 % of a dashboard's CPU on one core. Caffeine amortises it either way.
            .executor(Runnable::run)
            .maximumWeight(maxBytes)
            .weigher((SectionKey key, Entry<T> entry) -> (int) Math.min(Integer.MAX_VALUE, Math.max(leastWeight, entry.bytes())))
            .removalListener((SectionKey key, Entry<T> entry, RemovalCause cause) -> bytesHeld.add(-entry.bytes()))
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

    /** The byte bound: the weights of the entries kept add up to at most this. */
    long maxBytes() {
        return maxBytes;
    }

    /** The estimated bytes of the entries kept (their weights count each at least its share of the entry bound). */
    long bytes() {
        return bytesHeld.sum();
    }

    @Nullable
    Entry<T> get(SectionKey key) {
        return entries.getIfPresent(key);
    }

    void put(SectionKey key, T value) {
        long bytes = ENTRY_BYTES + Footprint.of(key.userId())
            + (value instanceof Sized sized ? sized.approximateBytes() : UNSIZED_BYTES);
        bytesHeld.add(bytes);    // before the put: a put that evicts it at once (heavier than the bound) takes it off again
        entries.put(key, new Entry<>(value, ticker.read(), bytes));
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
