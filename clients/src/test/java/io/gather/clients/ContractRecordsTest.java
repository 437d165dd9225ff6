package io.gather.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gather.clients.orders.OrderPage;
import io.gather.clients.orders.OrderStatus;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

/** The records take the contract's JSON as it may really come: extra fields, new statuses, exact amounts. */
@MicronautTest(startApplication = false)
class ContractRecordsTest {
    @Inject ObjectMapper json;

    private static final String ORDERS = """
        {"items":[{"id":"o-1","placedAt":"2026-11-20T09:12:00Z","status":"ON_HOLD","giftWrap":true,
                   "total":{"amount":"0.10","currency":"EUR","taxIncluded":true},"itemCount":3}],
         "totalCount":57,"nextCursor":"abc"}""";

    @Test
    void anUnknownStatusAndUnknownFieldsDoNotFailTheSection() throws Exception {
        OrderPage page = json.readValue(ORDERS, OrderPage.class);
        assertEquals(OrderStatus.UNKNOWN, page.items().get(0).status());
        assertEquals(57, page.totalCount());
    }

    @Test
    void amountsStayExactDecimalsBothWays() throws Exception {
        OrderPage page = json.readValue(ORDERS, OrderPage.class);
        assertEquals(new BigDecimal("0.10"), page.items().get(0).total().decimal());
        String written = json.writeValueAsString(page.items().get(0).total());
        assertEquals("{\"amount\":\"0.10\",\"currency\":\"EUR\"}", written);
    }

    @Test
    void aNonDecimalAmountIsABadBody() {
        String bad = ORDERS.replace("\"0.10\"", "\"ten\"");
        assertThrows(Exception.class, () -> json.readValue(bad, OrderPage.class));
    }
}
