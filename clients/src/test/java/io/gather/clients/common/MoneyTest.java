package io.gather.clients.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** An amount is a plain decimal string and a currency three capitals, or the body breaks the contract. */
class MoneyTest {
    @ParameterizedTest
    @ValueSource(strings = {"0", "129.90", "-5.5", "0.0000000001", "123456789012345678901234567890"})
    void plainDecimalsAreAmounts(String amount) {
        assertEquals(new BigDecimal(amount), new Money(amount, "EUR").decimal());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "-", ".5", "5.", "1e999", "1E5", "+5", "5.5.5", "0x10", " 5", "5 ", "NaN", "1,50",
        "0.00000000001", "1234567890123456789012345678901", "٣"})
    void anythingElseIsNot(String amount) {
        assertThrows(IllegalArgumentException.class, () -> new Money(amount, "EUR"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "EU", "EURO", "eur", "E1R", "€"})
    void aCurrencyIsThreeCapitals(String currency) {
        assertThrows(IllegalArgumentException.class, () -> new Money("1.00", currency));
    }
}
