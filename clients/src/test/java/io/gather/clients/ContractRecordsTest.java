package io.gather.clients;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.gather.clients.notifications.NotificationPage;
import io.gather.clients.orders.OrderPage;
import io.gather.clients.orders.OrderStatus;
import io.gather.clients.recommendations.RecommendationPage;
import io.micronaut.serde.ObjectMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

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

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "an amount with an exponent|\"0.10\"|\"1e999\"",
        "a currency that is no ISO code|\"EUR\"|\"euro\"",
        "an order without its count|,\"itemCount\":3|''",
        "an order without its total|\"total\":{\"amount\":\"0.10\",\"currency\":\"EUR\",\"taxIncluded\":true},|''",
        "an order without its date|\"placedAt\":\"2026-11-20T09:12:00Z\",|''",
        "a negative count|\"itemCount\":3|\"itemCount\":-3",
        "a page without its total count|\"totalCount\":57,|''",
        "a negative total count|\"totalCount\":57|\"totalCount\":-5"})
    void aFieldThatBreaksTheContractIsABadBodyNotAMadeUpValue(String what, String from, String to) {
        String bad = ORDERS.replace(from, to);
        assertNotEquals(ORDERS, bad, what);
        assertThrows(Exception.class, () -> json.readValue(bad, OrderPage.class), what);
    }

    @Test
    void notificationsAndRecommendationsNeedTheirCountAndScore() {
        assertThrows(Exception.class, () -> json.readValue("{\"items\":[]}", NotificationPage.class));
        assertEquals(0, assertDoesNotThrow(() -> json.readValue("{\"unreadCount\":0,\"items\":[]}", NotificationPage.class)).unreadCount());
        assertThrows(Exception.class, () -> json.readValue("{\"items\":[{\"sku\":\"s\",\"title\":\"t\"}]}", RecommendationPage.class));
    }
}
