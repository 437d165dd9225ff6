package io.gather.clients.notifications;

import io.gather.clients.common.Footprint;
import io.gather.clients.common.Sized;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/** One notification; {@code kind} is an open set (ORDER_UPDATE, PROMOTION, ...), kept as text. */
@Serdeable
public record Notification(String id, @Nullable String kind, String title, @Nullable Instant createdAt, @Nullable String link)
    implements Sized {
    public Notification {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(title, "title");
    }

    @Override
    public long approximateBytes() {
        return Footprint.object(5) + Footprint.of(id) + Footprint.of(kind) + Footprint.of(title)
            + (createdAt == null ? 0 : Footprint.DATE) + Footprint.of(link);
    }
}
