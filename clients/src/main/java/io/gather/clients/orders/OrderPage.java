package io.gather.clients.orders;

import io.gather.clients.common.Counts;
import io.gather.clients.common.Footprint;
import io.gather.clients.common.Limited;
import io.gather.clients.common.Sized;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;

/** The most recent orders, newest first, and how many the user has in all. */
@Serdeable
public record OrderPage(List<Order> items, Integer totalCount) implements Limited<OrderPage>, Sized {
    public OrderPage {
        // without items the body is not a page (a proxy's JSON error, say), even if it parses
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Counts.check(totalCount, "totalCount");
    }

    @Override
    public long approximateBytes() {
        return Footprint.object(2) + Footprint.of(items) + Footprint.BOXED;
    }

    @Override
    public OrderPage atMost(int limit) {
        return items.size() <= limit ? this : new OrderPage(items.subList(0, limit), totalCount);
    }
}
