package io.gather.clients.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/** One notification; {@code kind} is an open set (ORDER_UPDATE, PROMOTION, ...), kept as text. */
@Serdeable
public record Notification(String id, @Nullable String kind, String title, @Nullable Instant createdAt, @Nullable String link) {
    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }
}
