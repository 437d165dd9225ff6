package io.gather.clients.notifications;

import io.gather.clients.common.Counts;
import io.gather.clients.common.Footprint;
import io.gather.clients.common.Limited;
import io.gather.clients.common.Sized;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Objects;

/** How many notifications are unread, and the newest of them. */
@Serdeable
public record NotificationPage(Integer unreadCount, List<Notification> items) implements Limited<NotificationPage>, Sized {
    public NotificationPage {
        // without items the body is not a page (a proxy's JSON error, say), even if it parses
        items = List.copyOf(Objects.requireNonNull(items, "items"));
        Counts.check(unreadCount, "unreadCount");
    }

    @Override
    public long approximateBytes() {
        return Footprint.object(2) + Footprint.BOXED + Footprint.of(items);
    }

    @Override
    public NotificationPage atMost(int limit) {
        return items.size() <= limit ? this : new NotificationPage(unreadCount, items.subList(0, limit));
    }
}
