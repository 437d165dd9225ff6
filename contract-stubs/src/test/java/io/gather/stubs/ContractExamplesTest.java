package io.gather.stubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The stubs answer what the contract's examples show: same fields, same JSON types, same formats. */
class ContractExamplesTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Set<String> STATUSES = Set.of("PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED", "REFUNDED");
    private static ContractStubs stubs;
    private static List<JsonNode> examples;

    @BeforeAll
    static void start() throws IOException {
        stubs = ContractStubs.startInstant();
        examples = examples(contractText());
    }

    @AfterAll
    static void stop() {
        stubs.close();
    }

    /** The copy under test resources; it must not drift from the published contract when that is beside the repo. */
    private static String contractText() throws IOException {
        try (InputStream in = ContractExamplesTest.class.getResourceAsStream("/downstreams.md")) {
            String copy = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            for (Path published : List.of(Path.of("../../shared/contracts/downstreams.md"), Path.of("../shared/contracts/downstreams.md"))) {
                if (Files.isRegularFile(published)) {
                    assertEquals(Files.readString(published), copy, "contract-stubs' copy of the contract is out of date: " + published);
                }
            }
            return copy;
        }
    }

    private static List<JsonNode> examples(String markdown) throws IOException {
        List<JsonNode> found = new ArrayList<>();
        Matcher m = Pattern.compile("```json\\s*\\n(.*?)```", Pattern.DOTALL).matcher(markdown);
        while (m.find()) {
            found.add(JSON.readTree(m.group(1)));
        }
        assertEquals(4, found.size(), "the contract has one example per service");
        return found;
    }

    private static HttpResponse<String> get(Service service, String pathAndQuery, Map<String, String> headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(stubs.url(service) + pathAndQuery));
        headers.forEach(b::header);
        return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonNode ok(Service service, String pathAndQuery) throws Exception {
        HttpResponse<String> r = get(service, pathAndQuery, Map.of());
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        return JSON.readTree(r.body());
    }

    /** Every field of the example is in the actual answer with the same JSON type; extra fields are allowed. */
    private static void assertSameShape(JsonNode example, JsonNode actual, String where) {
        assertEquals(example.getNodeType(), actual.getNodeType(), "type of " + where);
        if (example.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = example.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                assertTrue(actual.has(f.getKey()), where + "." + f.getKey() + " is missing");
                assertSameShape(f.getValue(), actual.get(f.getKey()), where + "." + f.getKey());
            }
        } else if (example.isArray() && !example.isEmpty()) {
            for (JsonNode item : actual) {
                assertSameShape(example.get(0), item, where + "[]");
            }
        }
    }

    @Test
    void profileHasTheExampleFields() throws Exception {
        JsonNode p = ok(Service.PROFILE, "/users/u-42");
        assertSameShape(examples.get(0), p, "profile");
        assertEquals("u-42", p.get("id").asText());
        LocalDate.parse(p.get("memberSince").asText());
    }

    @Test
    void ordersHaveTheExampleFieldsWithDecimalStringAmounts() throws Exception {
        JsonNode o = ok(Service.ORDERS, "/users/u-42/orders?limit=50");
        assertSameShape(examples.get(1), o, "orders");
        assertTrue(o.get("items").size() <= 50);
        assertEquals(Math.min(50, o.get("totalCount").asInt()), o.get("items").size());
        for (JsonNode item : o.get("items")) {
            assertTrue(item.get("total").get("amount").asText().matches("\\d+\\.\\d{2}"));
            assertTrue(STATUSES.contains(item.get("status").asText()));
            Instant.parse(item.get("placedAt").asText());
        }
    }

    @Test
    void notificationsHaveTheExampleFields() throws Exception {
        JsonNode n = ok(Service.NOTIFICATIONS, "/users/u-7/notifications?unread=true&limit=10");
        assertSameShape(examples.get(2), n, "notifications");
        assertEquals(Math.min(10, n.get("unreadCount").asInt()), n.get("items").size());
    }

    @Test
    void recommendationsHaveTheExampleFields() throws Exception {
        JsonNode r = ok(Service.RECOMMENDATIONS, "/users/u-42/recommendations?limit=5");
        assertSameShape(examples.get(3), r, "recommendations");
        assertEquals(5, r.get("items").size());
        assertTrue(r.get("items").get(0).get("price").get("amount").isTextual());
    }

    @Test
    void theSameUserAlwaysGetsTheSameData() throws Exception {
        assertEquals(ok(Service.ORDERS, "/users/u-9/orders?limit=10"), ok(Service.ORDERS, "/users/u-9/orders?limit=10"));
        assertTrue(!ok(Service.PROFILE, "/users/u-9").equals(ok(Service.PROFILE, "/users/u-10")));
    }

    @Test
    void unknownUsersAreNotFound() throws Exception {
        assertEquals(404, get(Service.PROFILE, "/users/unknown-1", Map.of()).statusCode());
        assertEquals(404, get(Service.ORDERS, "/users/unknown-1/orders?limit=1", Map.of()).statusCode());
        assertEquals(404, get(Service.PROFILE, "/users/" + "x".repeat(65), Map.of()).statusCode());
    }

    @Test
    void limitsOutsideOneToFiftyAreRefused() throws Exception {
        for (String limit : List.of("0", "51", "abc", "")) {
            assertEquals(400, get(Service.ORDERS, "/users/u-1/orders?limit=" + limit, Map.of()).statusCode(), limit);
        }
        assertEquals(400, get(Service.RECOMMENDATIONS, "/users/u-1/recommendations", Map.of()).statusCode());
        assertEquals(400, get(Service.NOTIFICATIONS, "/users/u-1/notifications?unread=maybe&limit=3", Map.of()).statusCode());
    }

    @Test
    void requestIdAndTraceparentAreEchoed() throws Exception {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        HttpResponse<String> r = get(Service.PROFILE, "/users/u-1", Map.of("X-Request-Id", "req-1", "traceparent", traceparent));
        assertEquals("req-1", r.headers().firstValue("X-Request-Id").orElse(null));
        assertEquals(traceparent, r.headers().firstValue("traceparent").orElse(null));
    }

    @Test
    void aRunningStubCanBeToldToMisbehaveOverHttp() throws Exception {
        try {
            HttpRequest set = HttpRequest.newBuilder(URI.create(stubs.url(Service.ORDERS) + "/__stub/behaviour?set=503:retry-after=2"))
                .POST(HttpRequest.BodyPublishers.noBody()).build();
            assertEquals(200, HTTP.send(set, HttpResponse.BodyHandlers.ofString()).statusCode());
            HttpResponse<String> r = get(Service.ORDERS, "/users/u-1/orders?limit=1", Map.of());
            assertEquals(503, r.statusCode());
            assertEquals("2", r.headers().firstValue("Retry-After").orElse(null));
        } finally {
            stubs.reset(0);
        }
        assertNotNull(ok(Service.ORDERS, "/users/u-1/orders?limit=1"));
    }
}
