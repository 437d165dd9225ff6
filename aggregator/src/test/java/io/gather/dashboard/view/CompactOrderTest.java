package io.gather.dashboard.view;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gather.clients.common.Money;
import io.gather.clients.notifications.Notification;
import io.gather.clients.notifications.NotificationPage;
import io.gather.clients.orders.Order;
import io.gather.clients.orders.OrderPage;
import io.gather.clients.orders.OrderStatus;
import io.gather.clients.recommendations.Recommendation;
import io.gather.clients.recommendations.RecommendationPage;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The compact view shows the newest orders and notifications and the top recommendations, whatever order they came in. */
class CompactOrderTest {
    private static final Money TEN = new Money("10.00", "EUR");

    private static Order order(String id, String placedAt) {
        return new Order(id, Instant.parse(placedAt), OrderStatus.PAID, TEN, 1);
    }

    @Test
    void theNewestOrdersWhateverOrderTheServiceSentThemIn() {
        // before: the first three as sent, so April's order was left out
        OrderPage page = new OrderPage(List.of(order("jan", "2026-01-01T00:00:00Z"), order("mar", "2026-03-01T00:00:00Z"),
            order("feb", "2026-02-01T00:00:00Z"), order("apr", "2026-04-01T00:00:00Z")), 4);
        assertEquals(List.of("apr", "mar", "feb"), CompactOrders.of(page).items().stream().map(CompactOrders.Item::id).toList());
    }

    @Test
    void theNewestNotificationsThoseWithoutADateLast() {
        NotificationPage page = new NotificationPage(2, List.of(
            new Notification("n1", null, "old", Instant.parse("2026-01-01T00:00:00Z"), null),
            new Notification("n2", null, "undated", null, null),
            new Notification("n3", null, "newest", Instant.parse("2026-03-01T00:00:00Z"), null),
            new Notification("n4", null, "mid", Instant.parse("2026-02-01T00:00:00Z"), null)));
        assertEquals(List.of("newest", "mid", "old"), CompactNotifications.of(page).titles());
    }

    @Test
    void theTopRecommendationsByScore() {
        RecommendationPage page = new RecommendationPage(List.of(
            new Recommendation("low", "Low", 0.1, null, TEN), new Recommendation("high", "High", 0.99, null, TEN),
            new Recommendation("mid", "Mid", 0.5, null, TEN), new Recommendation("top2", "Top 2", 0.9, null, TEN)), "m");
        assertEquals(List.of("high", "top2", "mid"),
            CompactRecommendations.of(page).items().stream().map(CompactRecommendations.Item::sku).toList());
    }
}
