package io.gather.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The dashboard as a stream ({@code Accept: application/x-ndjson} or {@code text/event-stream}): one event per
 * section in the order they settle, then a summary; the same selection, views, scopes and problems as the JSON
 * answer. Order and gaps are compared, never absolute times.
 */
@MicronautTest
class DashboardStreamTest extends HarnessBacked {
    private static final String DASHBOARD = "/api/v1/dashboard";
    private final HttpClient http = HttpClient.newHttpClient();

    @Inject EmbeddedServer server;
    @Inject JsonMapper json;

    /** An event as it arrived: when (ms since the request was sent), and its JSON. */
    record Arrival(long atMs, Map<String, Object> event) {
        String name() {
            return (String) event.get("event");
        }

        String section() {
            return (String) event.get("section");
        }
    }

    private HttpResponse<Stream<String>> open(String query, String accept, String token) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.getURI().resolve(DASHBOARD + query))
            .timeout(Duration.ofSeconds(10))
            .header("Authorization", "Bearer " + token)
            .header("Accept", accept)
            .build();
        return http.send(request, HttpResponse.BodyHandlers.ofLines());
    }

    private List<Arrival> ndjson(String query, String token) throws Exception {
        long start = System.nanoTime();
        HttpResponse<Stream<String>> r = open(query, "application/x-ndjson", token);
        assertEquals(200, r.statusCode());
        assertEquals("application/x-ndjson", r.headers().firstValue("Content-Type").orElseThrow());
        List<Arrival> arrivals = new ArrayList<>();
        try (Stream<String> lines = r.body()) {
            Iterator<String> it = lines.iterator();
            while (it.hasNext()) {
                String line = it.next();
                arrivals.add(new Arrival((System.nanoTime() - start) / 1_000_000,
                    json.readValue(line, Argument.mapOf(String.class, Object.class))));
            }
        }
        return arrivals;
    }

    private static List<String> names(List<Arrival> arrivals) {
        return arrivals.stream().map(a -> a.name().equals("section") ? a.section() : a.name()).toList();
    }

    @Test
    void sectionsArriveInTheOrderTheySettleThenTheSummary() throws Exception {
        assertEquals(200, harness.getAs(server.getURI(), DASHBOARD, "u-1").statusCode()); // a warm JVM and warm connections
        harness.stubs.service(Service.PROFILE).latencyMs(50);
        harness.stubs.service(Service.ORDERS).latencyMs(80);
        harness.stubs.service(Service.NOTIFICATIONS).latencyMs(120);
        harness.stubs.service(Service.RECOMMENDATIONS).latencyMs(200);
        List<Arrival> events = ndjson("", harness.token("u-42"));
        assertEquals(List.of("profile", "orders", "notifications", "recommendations", "summary"), names(events),
            events.toString());
        long gap = events.get(3).atMs() - events.get(0).atMs();
        assertTrue(gap >= 75, "the profile came only " + gap + " ms before the recommendations (150 ms apart at the stubs)");
        Map<String, Object> profile = events.get(0).event();
        assertEquals("ok", profile.get("state"));
        assertEquals("live", profile.get("desc"));
        assertEquals("Ken Perlman", ((Map<?, ?>) profile.get("data")).get("displayName"));
        assertTrue(((Number) profile.get("tookMs")).doubleValue() >= 50, profile.toString());
        Map<String, Object> summary = events.get(4).event();
        assertEquals(true, summary.get("complete"));
        assertEquals(false, summary.get("degraded"));
        assertEquals(List.of(), summary.get("missing"));
        HttpResponse<String> unary = harness.getAs(server.getURI(), DASHBOARD, "u-42");
        assertEquals(unary.headers().firstValue("ETag").orElseThrow(), summary.get("etag"),
            "the summary carries the tag the JSON answer has, for a later If-None-Match");
    }

    @Test
    void serverSentEventsCarryTheSameEvents() throws Exception {
        harness.stubs.service(Service.PROFILE).latencyMs(30);
        harness.stubs.service(Service.ORDERS).latencyMs(90);
        HttpResponse<Stream<String>> r = open("?sections=orders,profile&view=compact", "text/event-stream", harness.token("u-42"));
        assertEquals(200, r.statusCode());
        assertEquals("text/event-stream", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("private, no-store", r.headers().firstValue("Cache-Control").orElseThrow());
        assertEquals("Authorization, Accept, Accept-Encoding", r.headers().firstValue("Vary").orElseThrow());
        List<String> lines = r.body().toList();
        assertEquals(9, lines.size(), String.join("\n", lines));
        assertEquals("event: section", lines.get(0));
        assertTrue(lines.get(1).startsWith("data: {\"event\":\"section\",\"section\":\"profile\",\"state\":\"ok\","
            + "\"data\":{\"displayName\":\"Ken Perlman\","), lines.get(1));
        assertEquals("", lines.get(2));
        assertEquals("event: section", lines.get(3));
        assertTrue(lines.get(4).startsWith("data: {\"event\":\"section\",\"section\":\"orders\""), lines.get(4));
        assertEquals("", lines.get(5));
        assertEquals("event: summary", lines.get(6));
        assertTrue(lines.get(7).startsWith("data: {\"event\":\"summary\",\"userId\":\"u-42\",\"complete\":true"), lines.get(7));
        assertEquals("", lines.get(8));
    }

    @Test
    void theContentTypeIsGathersOwnWhateverAcceptSays() throws Exception {
        HttpResponse<Stream<String>> r = open("?sections=orders", "application/x-ndjson; charset=\"x\"; q=0.9, application/json; q=0.1",
            harness.token("u-42"));
        assertEquals("application/x-ndjson", r.headers().firstValue("Content-Type").orElseThrow());
        r.body().close();
        HttpResponse<Stream<String>> j = open("", "text/event-stream;q=0.2, application/json", harness.token("u-42"));
        assertEquals("application/json", j.headers().firstValue("Content-Type").orElseThrow());
        j.body().close();
    }

    @ParameterizedTest(name = "Accept: {0}")
    @ValueSource(strings = {"application/*", "text/*", "text/html", "application/xml", "*/*;q=0.5", "application/json;q=0"})
    void anythingButTheTwoStreamTypesGetsTheJsonAnswer(String accept) throws Exception {
        // Micronaut matched Accept by exact type: application/*, text/html or application/xml got a 406
        HttpResponse<Stream<String>> r = open("", accept, harness.token("u-43"));
        assertEquals(200, r.statusCode());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        r.body().close();
    }

    @Test
    void aMissingSectionIsAnEventWithItsReasonAndTheSummarySaysDegraded() throws Exception {
        harness.stubs.behave(Service.ORDERS, Behaviour.status(503, 3));
        List<Arrival> events = ndjson("", harness.token("u-42"));
        Map<String, Object> orders = events.stream().filter(a -> "orders".equals(a.section())).findFirst().orElseThrow().event();
        assertEquals("missing", orders.get("state"));
        assertEquals("error-status", orders.get("reason"));
        assertEquals(503, orders.get("upstreamStatus"));
        assertEquals(3, orders.get("retryAfterSeconds"));
        assertTrue(orders.containsKey("data") && orders.get("data") == null, orders.toString());
        Map<String, Object> summary = events.get(events.size() - 1).event();
        assertEquals("summary", summary.get("event"));
        assertEquals(false, summary.get("complete"));
        assertEquals(true, summary.get("degraded"));
        assertEquals(List.of("orders"), summary.get("missing"));
        assertNull(summary.get("etag"), "a degraded answer has no tag");
    }

    @Test
    void aFailedRequiredSectionEndsTheStreamWithAProblem() throws Exception {
        harness.stubs.behave(Service.PROFILE, Behaviour.status(500));
        harness.stubs.service(Service.RECOMMENDATIONS).latencyMs(300);
        List<Arrival> events = ndjson("", harness.token("u-42"));
        Arrival last = events.get(events.size() - 1);
        assertEquals("error", last.name());
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = (Map<String, Object>) last.event().get("problem");
        assertEquals("https://gather.dev/problems/upstream-failed", problem.get("type"));
        assertEquals(502, problem.get("status"));
        assertEquals("profile", problem.get("section"));
        assertEquals("/api/v1/dashboard", problem.get("instance"));
        assertTrue(names(events).stream().noneMatch(n -> n.equals("recommendations") || n.equals("summary")), names(events).toString());
    }

    @Test
    void scopesAndTheUnknownUserApplyToStreamsToo() throws Exception {
        List<Arrival> partner = ndjson("", harness.token("u-42", "partner", "dashboard:orders"));
        assertEquals(5, partner.size());
        Map<String, Object> profile = partner.stream().filter(a -> "profile".equals(a.section())).findFirst().orElseThrow().event();
        assertEquals("not-allowed", profile.get("reason"));
        List<Arrival> unknown = ndjson("", harness.token("unknown-3"));
        @SuppressWarnings("unchecked")
        Map<String, Object> problem = (Map<String, Object>) unknown.get(unknown.size() - 1).event().get("problem");
        assertEquals(404, problem.get("status"));
    }

    @Test
    void aHeadOfAStreamSaysWhatTheStreamWouldBeAndCallsNoService() throws Exception {
        long before = Stream.of(Service.values()).mapToLong(s -> harness.stubs.service(s).calls()).sum();
        for (String accept : new String[] {"application/x-ndjson", "text/event-stream"}) {
            HttpResponse<Void> head = http.send(HttpRequest.newBuilder(server.getURI().resolve(DASHBOARD))
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .header("Authorization", "Bearer " + harness.token("u-head-" + accept.length()))
                .header("Accept", accept).build(), HttpResponse.BodyHandlers.discarding());
            assertEquals(200, head.statusCode(), accept);
            assertEquals(accept, head.headers().firstValue("Content-Type").orElseThrow());
            assertEquals("private, no-store", head.headers().firstValue("Cache-Control").orElseThrow());
        }
        long after = Stream.of(Service.values()).mapToLong(s -> harness.stubs.service(s).calls()).sum();
        assertEquals(before, after, "no section was fetched for a HEAD");
    }

    @Test
    void refusalsComeBeforeAnyStream() throws Exception {
        HttpResponse<Stream<String>> noToken = http.send(HttpRequest.newBuilder(server.getURI().resolve(DASHBOARD))
            .header("Accept", "application/x-ndjson").build(), HttpResponse.BodyHandlers.ofLines());
        assertEquals(401, noToken.statusCode());
        noToken.body().close();
        HttpResponse<Stream<String>> noScope = open("", "application/x-ndjson", harness.token("u-42", null, "profile"));
        assertEquals(403, noScope.statusCode());
        noScope.body().close();
        HttpResponse<Stream<String>> bad = open("?sections=nope", "text/event-stream", harness.token("u-42"));
        assertEquals(400, bad.statusCode());
        assertEquals("application/problem+json", bad.headers().firstValue("Content-Type").orElseThrow());
        bad.body().close();
    }
}
