package io.gather.dashboard.view;

import io.gather.clients.notifications.Notification;
import io.gather.clients.notifications.NotificationPage;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** The compact notifications: the unread count (the badge) and the newest few titles. */
@Serdeable
public record CompactNotifications(int unreadCount, List<String> titles) {
    static CompactNotifications of(NotificationPage page) {
        return new CompactNotifications(page.unreadCount(),
            page.items().stream().limit(Views.COMPACT_ITEMS).map(Notification::title).toList());
    }
}
