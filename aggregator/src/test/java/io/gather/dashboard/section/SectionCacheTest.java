package io.gather.dashboard.section;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.clients.common.Money;
import io.gather.clients.orders.Order;
import io.gather.clients.orders.OrderPage;
import io.gather.clients.orders.OrderStatus;
import io.gather.dashboard.config.SectionSettings;
import java.time.Instant;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * The section cache's two bounds: entries ({@code max-entries}) and heap ({@code max-heap-percent} of {@code -Xmx}, by
 * the values' own estimate), whichever is met first; the least used entries go.
 */
class SectionCacheTest {
    private static final long HEAP = 100L * 1024 * 1024;     // a 100 MB -Xmx
    private final FakeTicker ticker = new FakeTicker();
    private final SectionSettings.Cache settings = new SectionSettings("orders").getCache();

    private static OrderPage page(int items, int idLength) {
        String id = String.join("", Collections.nCopies(idLength, "x"));
        Order order = new Order(id, Instant.EPOCH, OrderStatus.PAID, new Money("12.50", "EUR"), 1);
        return new OrderPage(IntStream.range(0, items).mapToObj(i -> order).toList(), items);
    }

    private SectionCache<OrderPage> cache() {
        return new SectionCache<>(settings, ticker, HEAP);
    }

    private static int kept(SectionCache<OrderPage> cache, int put) {
        return (int) IntStream.range(0, put).filter(i -> cache.get(new SectionKey("u-" + i, 10)) != null).count();
    }

    @Test
    void underASmallHeapTheByteBoundHoldsBeforeTheEntryBound() {
        settings.setMaxEntries(10_000);
        settings.setMaxHeapPercent(1);                       // 1 MB of the 100 MB heap
        SectionCache<OrderPage> cache = cache();
        OrderPage page = page(10, 20);
        long pageBytes = page.approximateBytes();
        assertTrue(pageBytes > 2_000 && pageBytes < 4_000, "ten orders are a few KB: " + pageBytes);
        for (int i = 0; i < 2_000; i++) {
            cache.put(new SectionKey("u-" + i, 10), page);
        }
        assertEquals(HEAP / 100, cache.maxBytes());
        assertTrue(cache.bytes() <= cache.maxBytes(), cache.bytes() + " > " + cache.maxBytes());
        long fits = cache.maxBytes() / pageBytes;
        assertTrue(cache.size() <= fits && cache.size() > fits / 2, "about " + fits + " pages fit, " + cache.size() + " kept");
        assertNotNull(cache.get(new SectionKey("u-1999", 10)), "the newest is kept");
    }

    @Test
    void withRoomOnTheHeapTheEntryBoundHolds() {
        settings.setMaxEntries(50);
        settings.setMaxHeapPercent(5);
        SectionCache<OrderPage> cache = cache();
        for (int i = 0; i < 500; i++) {
            cache.put(new SectionKey("u-" + i, 10), page(1, 5));
        }
        assertEquals(50, cache.size());
        assertEquals(50, kept(cache, 500));
    }

    @Test
    void aServiceThatSendsLongerValuesGetsFewerEntriesNotMoreHeap() {
        settings.setMaxEntries(10_000);
        settings.setMaxHeapPercent(1);
        SectionCache<OrderPage> small = cache();
        SectionCache<OrderPage> large = cache();
        for (int i = 0; i < 2_000; i++) {
            small.put(new SectionKey("u-" + i, 10), page(10, 10));
            large.put(new SectionKey("u-" + i, 10), page(50, 500));    // long ids stand for long titles
        }
        assertTrue(large.size() * 10 < small.size(), large.size() + " large pages against " + small.size() + " small ones");
        assertTrue(large.bytes() <= large.maxBytes());
    }

    @Test
    void theBytesHeldAreTheValuesEstimatesWhateverTheyWeighAgainstTheEntryBound() {
        settings.setMaxEntries(1);                           // one entry weighs the whole byte bound
        settings.setMaxHeapPercent(5);
        SectionCache<OrderPage> cache = cache();
        OrderPage first = page(3, 5);
        OrderPage second = page(4, 5);
        cache.put(new SectionKey("u-1", 10), first);
        cache.put(new SectionKey("u-1", 10), second);        // replaces it
        cache.put(new SectionKey("u-2", 10), second);        // evicts u-1
        assertEquals(1, cache.size());
        long expected = second.approximateBytes();
        assertTrue(cache.bytes() >= expected && cache.bytes() < expected + 400, cache.bytes() + " for a page of " + expected);
    }

    @Test
    void aValueLargerThanTheWholeBoundIsNotKept() {
        settings.setMaxEntries(10_000);
        settings.setMaxHeapPercent(0.01);                    // 10 KB
        SectionCache<OrderPage> cache = cache();
        cache.put(new SectionKey("u-small", 10), page(1, 5));
        cache.put(new SectionKey("u-huge", 10), page(50, 2_000));     // ~100 KB of ids
        assertNull(cache.get(new SectionKey("u-huge", 10)));
        assertNotNull(cache.get(new SectionKey("u-small", 10)));
        assertTrue(cache.bytes() < 1_000, "only the small page is counted: " + cache.bytes());
    }

    @Test
    void theEstimateCountsEveryString() {
        OrderPage page = new OrderPage(List.of(
            new Order("o-1", Instant.EPOCH, OrderStatus.PAID, new Money("1.00", "EUR"), 1)), 1);
        OrderPage longer = new OrderPage(List.of(
            new Order("o-1" + "y".repeat(1000), Instant.EPOCH, OrderStatus.PAID, new Money("1.00", "EUR"), 1)), 1);
        assertEquals(1000, longer.approximateBytes() - page.approximateBytes());
    }
}
