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
public record Money(String amount, String currency) implements Sized {

    public Money {
        // a plain decimal (no exponent: "1e999999999" would print as a billion digits) and an ISO 4217 code
        if (!isPlainDecimal(Objects.requireNonNull(amount, "amount"))) {
            throw new IllegalArgumentException("amount");
        }
        if (!isCurrencyCode(Objects.requireNonNull(currency, "currency"))) {
            throw new IllegalArgumentException("currency");
        }
    }

    /** {@code -?[0-9]{1,30}(.[0-9]{1,10})?}, by hand: every order and product of a page has one (no regex per amount). */
    static boolean isPlainDecimal(String s) {
        int i = s.startsWith("-") ? 1 : 0;
        int digits = 0;
        while (i < s.length() && isDigit(s.charAt(i))) {
            i++;
            digits++;
        }
        if (digits == 0 || digits > 30) {
            return false;
        }
        if (i == s.length()) {
            return true;
        }
        if (s.charAt(i++) != '.') {
            return false;
        }
        int fraction = s.length() - i;
        if (fraction == 0 || fraction > 10) {
            return false;
        }
        for (; i < s.length(); i++) {
            if (!isDigit(s.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    static boolean isCurrencyCode(String s) {
        return s.length() == 3 && isCapital(s.charAt(0)) && isCapital(s.charAt(1)) && isCapital(s.charAt(2));
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static boolean isCapital(char c) {
        return c >= 'A' && c <= 'Z';
    }

    @Override
    public long approximateBytes() {
        return Footprint.object(2) + Footprint.of(amount) + Footprint.of(currency);
    }

    /** The amount as an exact decimal. */
    public BigDecimal decimal() {
        return new BigDecimal(amount);
    }
}
