package io.gather.clients.orders;

import com.fasterxml.jackson.annotation.JsonCreator;
import io.micronaut.serde.annotation.Serdeable;
import java.util.Locale;

/**
 * An order's status. The service may add statuses before Gather knows them: those read as
 * {@link #UNKNOWN} instead of failing the whole orders section.
 */
@Serdeable
public enum OrderStatus {
    PENDING, PAID, SHIPPED, DELIVERED, CANCELLED, REFUNDED, UNKNOWN;

    @JsonCreator
    public static OrderStatus of(String value) {
        if (value != null) {
            try {
                return valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                // a status newer than this client
            }
        }
        return UNKNOWN;
    }
}
