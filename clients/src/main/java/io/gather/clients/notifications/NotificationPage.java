package io.gather.clients.notifications;

import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** How many notifications are unread, and the newest of them. */
@Serdeable
public record NotificationPage(int unreadCount, List<Notification> items) {
    public NotificationPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
