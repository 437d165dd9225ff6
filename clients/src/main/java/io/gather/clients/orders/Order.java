package io.gather.clients.orders;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;
import io.gather.clients.common.Money;

/** One recent order. */
@Serdeable
public record Order(String id, Instant placedAt, OrderStatus status, Money total, int itemCount) {
    public Order {
        Objects.requireNonNull(id, "id");
        status = status == null ? OrderStatus.UNKNOWN : status;
    }
}
