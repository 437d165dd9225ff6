package io.gather.clients.common;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.Objects;

/**
 * An exact amount and its ISO 4217 currency. The contract sends amounts as decimal strings
 * ({@code "129.90"}); they are kept as strings on the wire in both directions, so that no JSON
 * parser along the way turns them into binary floating point, and are checked to be decimals here.
 */
@Serdeable
public record Money(String amount, String currency) {
    public Money {
        Objects.requireNonNull(amount, "amount");
        Objects.requireNonNull(currency, "currency");
        new BigDecimal(amount); // a body with a non-decimal amount is a bad body
    }

    /** The amount as an exact decimal. */
    public BigDecimal decimal() {
        return new BigDecimal(amount);
    }
}
