package io.gather.clients.common;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * Estimates of heap size as a 64-bit HotSpot JVM lays objects out with compressed pointers (12-byte headers, 4-byte
 * references, 8-byte alignment, one byte per character of a Latin-1 string). An estimate, for bounding caches: a string
 * with characters beyond Latin-1 takes up to twice what is counted, and a value shared with others is counted for each.
 */
public final class Footprint {
    /** An {@code Instant}, a {@code LocalDate}. */
    public static final long DATE = 24;
    /** An {@code Integer}, a {@code Double}. */
    public static final long BOXED = 16;

    private Footprint() {
    }

    /** A record or other object with {@code references} reference fields and nothing else. */
    public static long object(int references) {
        return align(12 + 4L * references);
    }

    public static long of(@Nullable String s) {
        return s == null ? 0 : 24 + align(16 + s.length());
    }

    /** An immutable list and its elements. */
    public static long of(List<? extends Sized> items) {
        long bytes = 16 + align(16 + 4L * items.size());
        for (Sized item : items) {
            bytes += item.approximateBytes();
        }
        return bytes;
    }

    private static long align(long bytes) {
        return (bytes + 7) & ~7L;
    }
}
