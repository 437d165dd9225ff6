package io.gather.clients.common;

import io.micronaut.serde.annotation.Serdeable;
import java.math.BigDecimal;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An exact amount and its ISO 4217 currency. The contract sends amounts as decimal strings
 * ({@code "129.90"}); they are kept as strings on the wire in both directions, so that no JSON
 * parser along the way turns them into binary floating point, and are checked to be decimals here.
 */
@Serdeable
public record Money(String amount, String currency) {
    private static final Pattern DECIMAL = Pattern.compile("-?[0-9]{1,30}(\\.[0-9]{1,10})?");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    public Money {
        // a plain decimal (no exponent: "1e999999999" would print as a billion digits) and an ISO 4217 code
        if (!DECIMAL.matcher(Objects.requireNonNull(amount, "amount")).matches()) {
            throw new IllegalArgumentException("amount");
        }
        if (!CURRENCY.matcher(Objects.requireNonNull(currency, "currency")).matches()) {
            throw new IllegalArgumentException("currency");
        }
    }

    /** The amount as an exact decimal. */
    public BigDecimal decimal() {
        return new BigDecimal(amount);
    }
}
