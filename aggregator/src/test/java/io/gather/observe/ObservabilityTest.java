package io.gather.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.stubs.Behaviour;
import io.gather.stubs.Service;
import io.gather.stubs.ServiceStub;
import io.gather.testing.LoggedLines;
import io.gather.testing.GatherHarness;
import io.gather.testing.RawHttp;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * What an operator sees of a few dashboards with one section timing out: the scrape's histograms and outcome
 * counters with the right counts, the log line of each request naming the section, its reason and timings, and
 * the caller's trace id reaching every downstream.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ObservabilityTest implements TestPropertyProvider {
    static final int REQUESTS = 3;
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String TRACEPARENT = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";

    private final GatherHarness harness = new GatherHarness();
    private final Map<String, String> properties = harness.properties();
    private final LoggedLines lines = new LoggedLines(AccessLogFilter.LOGGER);
    private String afterRequests;

    @Inject EmbeddedServer server;
    @Inject JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        return properties;
    }

    @BeforeAll
    void before() throws Exception {
        lines.attach();
        harness.stubs.behave(Service.RECOMMENDATIONS, Behaviour.slow(2000)); // its timeout is 1000 ms
        for (int i = 0; i < REQUESTS; i++) {
            HttpResponse<String> r = harness.get(server.getURI(), "/api/v1/dashboard", Map.of(
                "Authorization", "Bearer " + harness.token("u-7"), "X-Request-Id", "obs-" + i,
                "traceparent", TRACEPARENT, "tracestate", "vendor=abc"));
            assertEquals(200, r.statusCode(), r.body());
        }
        afterRequests = scrape(); // before any other test adds requests
    }

    @AfterAll
    void stop() {
        lines.detach();
        harness.close();
    }

    private String scrape() throws Exception {
        HttpResponse<String> r = harness.get(GatherHarness.management(properties), "/prometheus", Map.of());
        assertEquals(200, r.statusCode(), r.body());
        return r.body();
    }

    /** The value of the one sample whose name and labels are all given (labels in any order). */
    private static double sample(String scrape, String name, String... labels) {
        for (String line : scrape.split("\n")) {
            if (!line.startsWith(name + "{") && !line.startsWith(name + " ")) {
                continue;
            }
            boolean all = true;
            for (String label : labels) {
                all &= line.contains(label);
            }
            if (all) {
                return Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        throw new AssertionError("no sample " + name + " " + List.of(labels) + " in\n" + scrape);
    }

    @Test
    void theScrapeHoldsEachSectionsHistogramAndOutcomes() {
        String s = afterRequests;
        String recommendations = "section=\"recommendations\"";
        assertEquals(REQUESTS, sample(s, "gather_section_duration_seconds_count", recommendations, "outcome=\"missing\""));
        assertEquals(REQUESTS, sample(s, "gather_section_outcomes_total", recommendations, "outcome=\"missing\"", "reason=\"timeout\""));
        assertEquals(0, sample(s, "gather_section_outcomes_total", recommendations, "outcome=\"ok\""));
        // each timed out at 1000 ms: none under 0.75 s, all within 1.5 s
        assertEquals(0, sample(s, "gather_section_duration_seconds_bucket", recommendations, "outcome=\"missing\"", "le=\"0.75\""));
        assertEquals(REQUESTS, sample(s, "gather_section_duration_seconds_bucket", recommendations, "outcome=\"missing\"", "le=\"1.5\""));
        for (String section : new String[] {"profile", "orders", "notifications"}) {
            String tag = "section=\"" + section + "\"";
            assertEquals(REQUESTS, sample(s, "gather_section_duration_seconds_count", tag, "outcome=\"ok\""));
            assertEquals(REQUESTS, sample(s, "gather_section_duration_seconds_bucket", tag, "outcome=\"ok\"", "le=\"1.0\"")); // within its timeout
            assertEquals(0, sample(s, "gather_section_outcomes_total", tag, "outcome=\"missing\"", "reason=\"timeout\""));
        }
        assertEquals(REQUESTS, sample(s, "gather_requests_seconds_count", "route=\"/api/v1/dashboard\"", "status=\"200\"", "view=\"full\""));
        assertEquals(REQUESTS, sample(s, "gather_rate_limit_decisions_total", "client=\"other\"", "decision=\"admitted\"", "tier=\"unlimited\""));
        assertEquals(0, sample(s, "gather_admission_refused_total"));
        assertTrue(s.contains("gather_bulkhead_refused_total{section=\"orders\"} 0"), s);
    }

    @Test
    void noTagHoldsAUserIdOrAToken() throws Exception {
        String s = scrape();
        assertFalse(s.contains("u-7"), "a user id in a tag");
        assertFalse(s.contains("eyJ"), "a token in a tag");
    }

    @SuppressWarnings("unchecked")
    @Test
    void eachRequestsLogLineNamesTheSectionItsReasonAndTimings() throws Exception {
        for (int i = 0; i < REQUESTS; i++) {
            String id = "obs-" + i;
            String line = lines.lineWith("\"requestId\":\"" + id + "\"");
            Map<String, Object> l = json.readValue(line, Argument.mapOf(String.class, Object.class));
            assertEquals(TRACE_ID, l.get("traceId"));
            assertEquals("/api/v1/dashboard", l.get("route"));
            assertEquals("full", l.get("view"));
            assertEquals(200, ((Number) l.get("status")).intValue());
            long total = ((Number) l.get("totalMs")).longValue();
            assertTrue(total >= 1000 && total < 3000, line); // the section's timeout, plus a cold JVM's first request
            Map<String, Map<String, Object>> sections = (Map<String, Map<String, Object>>) l.get("sections");
            Map<String, Object> late = sections.get("recommendations");
            assertEquals("missing", late.get("outcome"));
            assertEquals("timeout", late.get("reason"));
            long lateMs = ((Number) late.get("ms")).longValue();
            assertTrue(lateMs >= 1000 && lateMs <= total, line);
            Map<String, Object> profile = sections.get("profile");
            assertEquals("ok", profile.get("outcome"));
            assertEquals("live", profile.get("source"));
            assertTrue(((Number) profile.get("ms")).longValue() < 1000, line);
            assertFalse(line.contains("u-7"), "the user id in the log line: " + line);
        }
    }

    @Test
    void theCallersTraceReachesEveryDownstreamWithANewParentPerCall() {
        for (Service service : Service.values()) {
            List<ServiceStub.Seen> seen = harness.stubs.service(service).recent().stream()
                .filter(s -> s.requestId() != null && s.requestId().matches("obs-\\d+")).toList();
            assertEquals(REQUESTS, seen.size(), service + ": " + seen);
            for (ServiceStub.Seen s : seen) {
                Matcher m = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-01").matcher(s.traceparent());
                assertTrue(m.matches(), s.traceparent());
                assertEquals(TRACE_ID, m.group(1));
                assertNotEquals("00f067aa0ba902b7", m.group(2), "the caller's parent id passed on as Gather's own");
                assertEquals("vendor=abc", s.tracestate());
                assertEquals(1, s.traceparentFields(), "one traceparent field");
            }
        }
    }

    @Test
    void aRequestWithoutTraceContextStartsATrace() throws Exception {
        HttpResponse<String> r = harness.get(server.getURI(), "/api/v1/dashboard", Map.of(
            "Authorization", "Bearer " + harness.token("u-8"), "X-Request-Id", "obs-new", "traceparent", "00-nothex-x-01",
            "tracestate", "dropped=1"));
        assertEquals(200, r.statusCode(), r.body());
        ServiceStub.Seen seen = harness.stubs.service(Service.PROFILE).recent().stream()
            .filter(s -> "obs-new".equals(s.requestId())).findFirst().orElseThrow();
        assertTrue(seen.traceparent().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00"), seen.traceparent());
        assertEquals(null, seen.tracestate(), "a tracestate without a valid traceparent is dropped");
        String line = lines.lineWith("obs-new");
        assertTrue(line.contains("\"traceId\":\"" + seen.traceparent().substring(3, 35) + "\""), line);
    }

    /** {@code path} (user u-9's) answered {@code status}, logged under {@code route} without the user, and counted. */
    private void loggedAndCounted(String path, String requestId, int status, String route) throws Exception {
        HttpResponse<String> r = harness.get(server.getURI(), path, Map.of("X-Request-Id", requestId));
        assertEquals(status, r.statusCode());
        String line = lines.lineWith(requestId);
        assertTrue(line.contains("\"route\":\"" + route + "\""), line);
        assertTrue(line.contains("\"status\":" + status), line);
        assertFalse(line.contains("u-9"), line);
        assertTrue(sample(scrape(), "gather_requests_seconds_count", "route=\"" + route + "\"", "status=\"" + status + "\"") >= 1);
    }

    @Test
    void aRefusedRequestIsLoggedAndCountedToo() throws Exception {
        loggedAndCounted("/api/v1/users/u-9/dashboard", "obs-401", 401, "/api/v1/users/{userId}/dashboard");
    }

    @Test
    void aPathNothingAnswersIsLoggedAndCountedAndAProbeIsNot() throws Exception {
        // before: GET /xyz was a 404 that left no line and no count; health probes stay out of the log
        loggedAndCounted("/xyz/u-9", "obs-404", 404, "unmatched");
        scrape();
        assertTrue(lines.messages().stream().noneMatch(l -> l.contains("prometheus") || l.contains("/health")), lines.messages().toString());
    }

    @Test
    void aRefusalSaysWhichProblemAndWhichParameter() throws Exception {
        HttpResponse<String> r = harness.get(server.getURI(), "/api/v1/dashboard?view=huge",
            Map.of("X-Request-Id", "obs-400", "Authorization", "Bearer " + harness.token("u-8")));
        assertEquals(400, r.statusCode());
        String line = lines.lineWith("obs-400");
        assertTrue(line.contains("\"problem\":\"https://gather.dev/problems/"), line);
        assertTrue(line.contains("\"parameter\":\"view\""), line);
    }

    @Test
    void aRequestTheFrontRefusesIsLoggedAndCountedThoughItIsNeverRouted() throws Exception {
        String request = "get /api/v1/users/u-9/dashboard HTTP/1.1\r\nHost: gather.test\r\nX-Request-Id: obs-front\r\n\r\n";
        assertEquals(501, new RawHttp(server.getPort()).send(request).only().status());
        String line = lines.lineWith("\"requestId\":\"obs-front\"");
        Map<String, Object> l = json.readValue(line, Argument.mapOf(String.class, Object.class));
        assertEquals(501, ((Number) l.get("status")).intValue());
        assertEquals("The request method is not one Gather implements (methods are case-sensitive).", l.get("refused"));
        assertFalse(line.contains("u-9"), line);
        assertTrue(sample(scrape(), "gather_front_refused_total", "status=\"501\"") >= 1);
    }

    @Test
    void theLineListsTheSelectedSectionsAndTheView() throws Exception {
        HttpResponse<String> r = harness.get(server.getURI(), "/api/v1/dashboard?view=compact&sections=profile,orders", Map.of(
            "Authorization", "Bearer " + harness.token("u-10"), "X-Request-Id", "obs-compact"));
        assertEquals(200, r.statusCode(), r.body());
        String line = lines.lineWith("obs-compact");
        assertTrue(line.contains("\"view\":\"compact\""), line);
        assertTrue(line.contains("\"profile\":{\"outcome\":\"ok\"") && line.contains("\"orders\":{\"outcome\":\"ok\""), line);
        assertFalse(line.contains("recommendations") || line.contains("notifications"), "sections not selected: " + line);
    }

    @Test
    void aStreamIsLoggedWhenItEndsAndCarriesTheTrace() throws Exception {
        String trace = "0af7651916cd43dd8448eb211c80319c";
        HttpResponse<String> r = harness.get(server.getURI(), "/api/v1/dashboard?sections=profile,recommendations", Map.of(
            "Authorization", "Bearer " + harness.token("u-11"), "X-Request-Id", "obs-stream", "Accept", "application/x-ndjson",
            "traceparent", "00-" + trace + "-b7ad6b7169203331-01"));
        assertEquals(200, r.statusCode(), r.body());
        ServiceStub.Seen seen = harness.stubs.service(Service.PROFILE).recent().stream()
            .filter(s -> "obs-stream".equals(s.requestId())).findFirst().orElseThrow();
        assertTrue(seen.traceparent().startsWith("00-" + trace + "-"), seen.traceparent());
        String line = lines.lineWith("obs-stream");
        assertTrue(line.contains("\"traceId\":\"" + trace + "\""), line);
        assertTrue(line.contains("\"recommendations\":{\"outcome\":\"missing\",\"reason\":\"timeout\""), "logged when the stream ended: " + line);
        long total = ((Number) json.readValue(line, Argument.mapOf(String.class, Object.class)).get("totalMs")).longValue();
        assertTrue(total >= 1000, line);
    }

    @Test
    void aStreamTheCallerLeavesSaysSoInItsLine() throws Exception {
        // recommendations take 2 s here: the caller hangs up after the first event, with the stream's 200 already sent
        try (java.net.Socket socket = new RawHttp(server.getPort()).askDashboard(harness.token("u-12"),
                "Accept: application/x-ndjson", "X-Request-Id: obs-cut")) {
            java.io.BufferedReader in = new java.io.BufferedReader(new java.io.InputStreamReader(socket.getInputStream(),
                java.nio.charset.StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.contains("\"event\":\"section\"")) {
                // the head and the first chunk size
            }
        }
        String line = lines.lineWith("\"requestId\":\"obs-cut\"");
        Map<String, Object> l = json.readValue(line, Argument.mapOf(String.class, Object.class));
        assertEquals(200, ((Number) l.get("status")).intValue(), "the status the caller was sent");
        assertEquals(true, l.get("hungUp"), line);
        assertTrue(line.contains("\"recommendations\":{\"outcome\":\"cancelled\"}"), line);

        HttpResponse<String> whole = harness.get(server.getURI(), "/api/v1/dashboard?sections=profile", Map.of(
            "Authorization", "Bearer " + harness.token("u-12"), "X-Request-Id", "obs-whole", "Accept", "application/x-ndjson"));
        assertTrue(whole.body().contains("\"event\":\"summary\""), whole.body());
        String complete = lines.lineWith("\"requestId\":\"obs-whole\"");
        assertFalse(complete.contains("hungUp"), "a stream that ran to its end: " + complete);
    }
}
