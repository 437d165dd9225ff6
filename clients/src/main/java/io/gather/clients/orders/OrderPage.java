package io.gather.clients.orders;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The most recent orders, newest first, and how many the user has in all. */
@Serdeable
public record OrderPage(List<Order> items, int totalCount) {
    public OrderPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
