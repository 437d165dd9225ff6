package io.gather.dashboard.view;

import io.gather.clients.notifications.Notification;
import io.gather.clients.notifications.NotificationPage;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;

/** The compact notifications: the unread count (the badge) and the newest few titles. */
@Serdeable
public record CompactNotifications(int unreadCount, List<String> titles) {
    /** Newest first; one without a date (the contract allows it) after those with one. */
    private static final Comparator<Notification> NEWEST_FIRST =
        Comparator.comparing(Notification::createdAt, Comparator.nullsFirst(Comparator.<Instant>naturalOrder())).reversed();

    static CompactNotifications of(NotificationPage page) {
        return new CompactNotifications(page.unreadCount(),
            page.items().stream().sorted(NEWEST_FIRST).limit(Views.COMPACT_ITEMS).map(Notification::title).toList());
    }
}
