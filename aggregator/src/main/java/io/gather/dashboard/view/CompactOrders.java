package io.gather.dashboard.view;

import io.gather.clients.common.Money;
import io.gather.clients.orders.Order;
import io.gather.clients.orders.OrderPage;
import io.gather.clients.orders.OrderStatus;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Comparator;
import java.util.List;

/** The compact orders: the newest few with status and total, and how many there are in all. */
@Serdeable
public record CompactOrders(List<Item> items, int totalCount) {
    private static final Comparator<Order> NEWEST_FIRST = Comparator.comparing(Order::placedAt).reversed();

    @Serdeable
    public record Item(String id, OrderStatus status, Money total) {
    }

    static CompactOrders of(OrderPage page) {
        // the contract promises no order: the newest are picked, not the first sent
        return new CompactOrders(page.items().stream().sorted(NEWEST_FIRST).limit(Views.COMPACT_ITEMS)
            .map(o -> new Item(o.id(), o.status(), o.total())).toList(), page.totalCount());
    }
}
