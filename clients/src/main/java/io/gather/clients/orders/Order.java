package io.gather.clients.orders;

import io.gather.clients.common.Counts;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;
import io.gather.clients.common.Money;

/**
 * One recent order. Every field but {@code status} must be there (an unknown or missing status is {@code UNKNOWN}):
 * a count the service left out is not read as 0.
 */
@Serdeable
public record Order(String id, Instant placedAt, OrderStatus status, Money total, Integer itemCount) {
    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(total, "total");
        Counts.check(itemCount, "itemCount");
        status = status == null ? OrderStatus.UNKNOWN : status;
    }
}
