package io.gather.dashboard.sources;

import io.gather.clients.notifications.NotificationPage;
import io.gather.clients.notifications.NotificationsClient;
import io.gather.dashboard.SectionName;
import io.gather.dashboard.config.SectionSettingsRegistry;
import io.gather.dashboard.section.SectionRequest;
import io.gather.dashboard.section.SectionSource;
import jakarta.inject.Singleton;
import reactor.core.publisher.Mono;

@Singleton
final class NotificationsSource implements SectionSource<NotificationPage> {
    private final NotificationsClient client;
    private final int limit;

    NotificationsSource(NotificationsClient client, SectionSettingsRegistry settings) {
        this.client = client;
        this.limit = settings.of(SectionName.NOTIFICATIONS).getLimit();
    }

    @Override
    public SectionName section() {
        return SectionName.NOTIFICATIONS;
    }

    @Override
    public Mono<NotificationPage> fetch(SectionRequest request) {
        return client.unread(request.userId(), true, limit, request.requestId()).flatMap(Bodies::of);
    }
}
