package io.gather.clients.orders;

import io.gather.clients.common.Counts;
import io.gather.clients.common.Footprint;
import io.gather.clients.common.Money;
import io.gather.clients.common.Sized;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.Objects;

/**
 * One recent order. Every field but {@code status} must be there (an unknown or missing status is {@code UNKNOWN}):
 * a count the service left out is not read as 0.
 */
@Serdeable
public record Order(String id, Instant placedAt, OrderStatus status, Money total, Integer itemCount) implements Sized {
    public Order {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(placedAt, "placedAt");
        Objects.requireNonNull(total, "total");
        Counts.check(itemCount, "itemCount");
        status = status == null ? OrderStatus.UNKNOWN : status;
    }

    @Override
    public long approximateBytes() {
        return Footprint.object(5) + Footprint.of(id) + Footprint.DATE + total.approximateBytes() + Footprint.BOXED;
    }
}
