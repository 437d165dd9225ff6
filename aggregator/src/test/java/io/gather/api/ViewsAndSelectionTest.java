package io.gather.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.stubs.Behaviour;
import io.gather.stubs.Service;
import io.gather.testing.HarnessBacked;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code ?view=} and {@code ?sections=}: each view's exact fields for a known stub user (u-42), the compact answer
 * under a quarter of the full one, only the selected services called (counted on the stub side), and 400 problems
 * that list the valid values.
 */
@MicronautTest
class ViewsAndSelectionTest extends HarnessBacked {
    private static final String DASHBOARD = "/api/v1/dashboard";

    @Inject EmbeddedServer server;
    @Inject JsonMapper json;

    private HttpResponse<String> get(String pathAndQuery) throws IOException, InterruptedException {
        return harness.getAs(server.getURI(), pathAndQuery, "u-42");
    }

    private Map<String, Object> body(HttpResponse<String> r) throws IOException {
        assertEquals(200, r.statusCode(), r.body());
        return json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return (Map<String, Object>) o;
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    private static List<String> keys(Object o) {
        return new ArrayList<>(map(o).keySet());
    }

    private Map<Service, Long> calls() {
        Map<Service, Long> calls = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            calls.put(s, harness.stubs.service(s).calls());
        }
        return calls;
    }

    @Test
    void theFullViewIsTheDefaultAndHasEveryContractField() throws Exception {
        assertEquals(get(DASHBOARD).body(), get(DASHBOARD + "?view=full").body());
        Map<String, Object> b = body(get(DASHBOARD));
        assertEquals(List.of("userId", "complete", "degraded", "profile", "orders", "notifications", "recommendations",
            "missing", "sections"), keys(b));
        assertEquals(List.of("id", "displayName", "email", "avatarUrl", "tier", "locale", "memberSince"), keys(b.get("profile")));
        assertEquals("Ken Perlman", map(b.get("profile")).get("displayName"));
        assertEquals(List.of("items", "totalCount"), keys(b.get("orders")));
        assertEquals(10, list(map(b.get("orders")).get("items")).size());
        assertEquals(List.of("id", "placedAt", "status", "total", "itemCount"), keys(list(map(b.get("orders")).get("items")).get(0)));
        assertEquals(List.of("unreadCount", "items"), keys(b.get("notifications")));
        assertEquals(List.of("id", "kind", "title", "createdAt", "link"), keys(list(map(b.get("notifications")).get("items")).get(0)));
        assertEquals(List.of("items", "model"), keys(b.get("recommendations")));
        assertEquals(List.of("sku", "title", "score", "imageUrl", "price"),
            keys(list(map(b.get("recommendations")).get("items")).get(0)));
        // every section's status, and nothing in it that changes from one request to the next
        assertEquals(List.of("profile", "orders", "notifications", "recommendations"), keys(b.get("sections")));
        for (Object status : map(b.get("sections")).values()) {
            assertEquals(Map.of("state", "ok"), status);
        }
    }

    @Test
    void theCompactViewHasAFewFieldsOfEachSection() throws Exception {
        Map<String, Object> b = body(get(DASHBOARD + "?view=compact"));
        assertEquals(List.of("userId", "complete", "degraded", "profile", "orders", "notifications", "recommendations",
            "missing", "sections"), keys(b));
        assertEquals(Map.of("displayName", "Ken Perlman", "avatarUrl", "https://cdn.example.com/a/u-42.png"), b.get("profile"));
        Map<String, Object> orders = map(b.get("orders"));
        assertEquals(List.of("items", "totalCount"), keys(orders));
        assertEquals(57, orders.get("totalCount"));
        assertEquals(List.of(
            Map.of("id", "o-9057", "status", "PAID", "total", Map.of("amount", "13.45", "currency", "EUR")),
            Map.of("id", "o-9056", "status", "DELIVERED", "total", Map.of("amount", "132.44", "currency", "EUR")),
            Map.of("id", "o-9055", "status", "PENDING", "total", Map.of("amount", "161.79", "currency", "EUR"))),
            orders.get("items"));
        assertEquals(Map.of("unreadCount", 3,
            "titles", List.of("Your order was delivered", "Your order has shipped", "New sign-in from a new device")),
            b.get("notifications"));
        assertEquals(Map.of("items", List.of(
            Map.of("sku", "sku-869", "title", "Smart watch", "price", Map.of("amount", "281.20", "currency", "EUR")),
            Map.of("sku", "sku-872", "title", "Espresso machine", "price", Map.of("amount", "230.37", "currency", "EUR")),
            Map.of("sku", "sku-265", "title", "Standing desk", "price", Map.of("amount", "425.75", "currency", "EUR")))),
            b.get("recommendations"));
        assertEquals(Map.of(), b.get("sections"), "the compact view lists only sections that are not ok");
    }

    @Test
    void theCompactViewStillSaysWhatIsMissingAndWhy() throws Exception {
        harness.stubs.behave(Service.ORDERS, Behaviour.status(503));
        Map<String, Object> b = body(get(DASHBOARD + "?view=compact"));
        assertNull(b.get("orders"));
        assertEquals(List.of("orders"), b.get("missing"));
        assertEquals(List.of("orders"), keys(b.get("sections")));
        assertEquals("error-status", map(map(b.get("sections")).get("orders")).get("reason"));
    }

    @Test
    void theCompactBodyIsAtMostAQuarterOfTheFullOne() throws Exception {
        int full = get(DASHBOARD).body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        int compact = get(DASHBOARD + "?view=compact").body().getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        assertTrue(compact * 4 <= full, "compact " + compact + " bytes, full " + full);
    }

    @Test
    void onlyTheSelectedSectionsAreCalledAndAnswered() throws Exception {
        Map<Service, Long> before = calls();
        Map<String, Object> b = body(get(DASHBOARD + "?sections=profile,orders"));
        Map<Service, Long> after = calls();
        assertEquals(1, after.get(Service.PROFILE) - before.get(Service.PROFILE));
        assertEquals(1, after.get(Service.ORDERS) - before.get(Service.ORDERS));
        assertEquals(0, after.get(Service.NOTIFICATIONS) - before.get(Service.NOTIFICATIONS), "notifications was called");
        assertEquals(0, after.get(Service.RECOMMENDATIONS) - before.get(Service.RECOMMENDATIONS), "recommendations was called");
        assertEquals(List.of("userId", "complete", "degraded", "profile", "orders", "missing", "sections"), keys(b));
        assertEquals(List.of("profile", "orders"), keys(b.get("sections")));
        assertEquals(true, b.get("complete"));
        assertEquals(List.of(), b.get("missing"));
    }

    @Test
    void completeSpeaksOfTheSelectedSectionsOnly() throws Exception {
        harness.stubs.behave(Service.RECOMMENDATIONS, Behaviour.status(500));
        Map<String, Object> selected = body(get(DASHBOARD + "?sections=orders&sections=notifications,orders"));
        assertEquals(List.of("userId", "complete", "degraded", "orders", "notifications", "missing", "sections"), keys(selected));
        assertEquals(true, selected.get("complete"), "a failing section that was not selected changes nothing");
        assertEquals(false, selected.get("degraded"));
        Map<String, Object> all = body(get(DASHBOARD));
        assertEquals(false, all.get("complete"));
    }

    @Test
    void withoutTheProfileThereIsNoUserCheck() throws Exception {
        harness.stubs.behave(Service.PROFILE, Behaviour.status(500));
        Map<String, Object> b = body(get(DASHBOARD + "?sections=orders"));
        assertEquals(true, b.get("complete"), "the profile was not asked for, so its failure is not a 502");
        HttpResponse<String> unknown = harness.getAs(server.getURI(), DASHBOARD + "?sections=orders", "unknown-9");
        Map<String, Object> u = body(unknown);
        assertEquals(List.of("orders"), u.get("missing"), "an unknown user is the orders service's 404, not Gather's");
        assertEquals(404, map(map(u.get("sections")).get("orders")).get("upstreamStatus"));
    }

    @Test
    void aSelectedSectionTheTokenDoesNotGrantIsNotAllowed() throws Exception {
        Map<Service, Long> before = calls();
        HttpResponse<String> r = harness.getWith(server.getURI(), DASHBOARD + "?sections=profile,orders",
            harness.token("u-42", "partner", "dashboard:orders dashboard:notifications"));
        Map<String, Object> b = body(r);
        assertEquals(List.of("userId", "complete", "degraded", "profile", "orders", "missing", "sections"), keys(b));
        assertNull(b.get("profile"));
        assertEquals(List.of("profile"), b.get("missing"));
        assertEquals("not-allowed", map(map(b.get("sections")).get("profile")).get("reason"));
        assertEquals(true, b.get("complete"));
        assertEquals(0, calls().get(Service.PROFILE) - before.get(Service.PROFILE));
        assertEquals(0, calls().get(Service.NOTIFICATIONS) - before.get(Service.NOTIFICATIONS), "granted, but not selected");
    }

    @ParameterizedTest(name = "sections={0} is 400")
    @ValueSource(strings = {"wishlist", "profile,wishlist", "", "profile,", "Profile", ",,", "profile;orders"})
    void anUnknownOrEmptySectionNameIs400ListingTheValidOnes(String sections) throws Exception {
        Map<Service, Long> before = calls();
        HttpResponse<String> r = get(DASHBOARD + "?sections=" + sections);
        assertEquals(400, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
        Map<String, Object> p = json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
        assertEquals("https://gather.dev/problems/invalid-parameter", p.get("type"));
        assertEquals(400, p.get("status"));
        assertEquals("sections", p.get("parameter"));
        assertEquals(List.of("profile", "orders", "notifications", "recommendations"), p.get("validValues"));
        assertTrue(((String) p.get("detail")).contains("profile, orders, notifications, recommendations"));
        assertFalse(r.body().contains("wishlist"), "the caller's input is not echoed");
        assertEquals(before, calls(), "nothing was called");
    }

    @ParameterizedTest(name = "view={0} is 400")
    @ValueSource(strings = {"tiny", "", "FULL", "compact&view=full", "compact;sections=profile"})
    void anUnknownViewIs400ListingTheValidOnes(String view) throws Exception {
        HttpResponse<String> r = get(DASHBOARD + "?view=" + view);
        assertEquals(400, r.statusCode(), r.body());
        Map<String, Object> p = json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
        assertEquals("view", p.get("parameter"));
        assertEquals(List.of("full", "compact"), p.get("validValues"));
    }

    @Test
    void theUsersRouteTakesTheSameParameters() throws Exception {
        Map<String, Object> b = body(get("/api/v1/users/u-42/dashboard?view=compact&sections=notifications"));
        assertEquals(Set.of("unreadCount", "titles"), map(b.get("notifications")).keySet());
        assertEquals(400, get("/api/v1/users/u-42/dashboard?sections=nope").statusCode());
    }
}
