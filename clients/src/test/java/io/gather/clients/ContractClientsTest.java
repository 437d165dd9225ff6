package io.gather.clients;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.clients.notifications.NotificationPage;
import io.gather.clients.notifications.NotificationsClient;
import io.gather.clients.orders.OrderPage;
import io.gather.clients.orders.OrdersClient;
import io.gather.clients.profile.Profile;
import io.gather.clients.profile.ProfileClient;
import io.gather.clients.recommendations.RecommendationPage;
import io.gather.clients.recommendations.RecommendationsClient;
import io.gather.stubs.Behaviour;
import io.gather.stubs.ContractStubs;
import io.gather.stubs.Service;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The declarative clients read what the contract stubs serve, on real loopback HTTP. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContractClientsTest implements TestPropertyProvider {
    private final ContractStubs stubs = ContractStubs.startInstant();

    @Inject ProfileClient profiles;
    @Inject OrdersClient orders;
    @Inject NotificationsClient notifications;
    @Inject RecommendationsClient recommendations;

    @Override
    public Map<String, String> getProperties() {
        return stubs.serviceUrlProperties();
    }

    @AfterEach
    void normal() {
        stubs.reset(0);
    }

    @AfterAll
    void stop() {
        stubs.close();
    }

    static final String TRACEPARENT = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";

    @Test
    void profileIsReadWithItsDate() {
        HttpResponse<Profile> r = profiles.profile("u-42", "req-1", TRACEPARENT, null).block();
        assertEquals(200, r.code());
        Profile p = r.body();
        assertEquals("u-42", p.id());
        assertTrue(p.memberSince().getYear() >= 2012);
    }

    @Test
    void theRequestIdAndTraceContextGoDownstream() {
        HttpResponse<Profile> r = profiles.profile("u-1", "req-77", TRACEPARENT, "vendor=abc").block();
        assertEquals("req-77", r.getHeaders().get("X-Request-Id")); // the stub echoes what it was sent
        assertEquals(TRACEPARENT, r.getHeaders().get("traceparent"));
        assertEquals("vendor=abc", r.getHeaders().get("tracestate"));
    }

    @Test
    void noTracestateIsSentWhenThereIsNone() {
        HttpResponse<Profile> r = profiles.profile("u-1", "req-78", TRACEPARENT, null).block();
        assertNull(r.getHeaders().get("tracestate"));
    }

    @Test
    void anUnknownUserIsANotFoundErrorNotAnEmptyResult() {
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
            () -> profiles.profile("unknown-7", "req-2", TRACEPARENT, null).block());
        assertEquals(404, e.code());
    }

    @Test
    void ordersKeepAmountsExact() {
        OrderPage page = orders.recentOrders("u-42", 5, "req-3", TRACEPARENT, null).block().body();
        assertEquals(Math.min(5, page.totalCount()), page.items().size());
        for (var o : page.items()) {
            BigDecimal amount = o.total().decimal();
            assertEquals(2, amount.scale());
            assertEquals(o.total().amount(), amount.toPlainString());
        }
    }

    @Test
    void notificationsAndRecommendationsAreRead() {
        NotificationPage n = notifications.unread("u-3", true, 10, "req-4", TRACEPARENT, null).block().body();
        assertEquals(Math.min(10, n.unreadCount()), n.items().size());
        RecommendationPage r = recommendations.recommendations("u-3", 4, "req-5", TRACEPARENT, null).block().body();
        assertEquals(4, r.items().size());
        assertEquals("reco-v7", r.model());
    }

    @Test
    void anErrorStatusIsAnExceptionThatKeepsRetryAfter() {
        stubs.behave(Service.ORDERS, Behaviour.status(503, 3));
        HttpClientResponseException e = assertThrows(HttpClientResponseException.class,
            () -> orders.recentOrders("u-1", 1, "req-6", TRACEPARENT, null).block());
        assertEquals(503, e.code());
        assertEquals("3", e.getResponse().getHeaders().get("Retry-After"));
    }
}
