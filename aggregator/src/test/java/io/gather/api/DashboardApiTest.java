package io.gather.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.stubs.Behaviour;
import io.gather.stubs.Service;
import io.gather.testing.Answers;
import io.gather.testing.HarnessBacked;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The dashboard over real loopback HTTP against the contract stubs, healthy and failing in every listed way. */
@MicronautTest
class DashboardApiTest extends HarnessBacked {

    @Inject EmbeddedServer server;
    @Inject JsonMapper json;

    private URI base() {
        return server.getURI();
    }

    private Map<String, Object> body(HttpResponse<String> r) throws IOException {
        return Answers.body(json, r);
    }

    private static Map<String, Object> section(Map<String, Object> body, String name) {
        return Answers.section(body, name);
    }

    @Test
    void theCallersDashboardHasAllFourSections() throws Exception {
        HttpResponse<String> r = harness.get(base(), "/api/v1/dashboard",
            Map.of("Authorization", "Bearer " + harness.token("u-42"), "X-Request-Id", "req-42"));
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("application/json", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals("req-42", r.headers().firstValue("X-Request-Id").orElseThrow());
        assertEquals("private, max-age=5", r.headers().firstValue("Cache-Control").orElseThrow());
        assertTrue(r.headers().firstValue("Vary").orElseThrow().contains("Authorization"));
        Map<String, Object> body = body(r);
        assertEquals("u-42", body.get("userId"));
        assertEquals(true, body.get("complete"));
        assertEquals(false, body.get("degraded"));
        assertEquals(List.of(), body.get("missing"));
        for (String s : List.of("profile", "orders", "notifications", "recommendations")) {
            assertNotNull(body.get(s), s);
            assertEquals("ok", section(body, s).get("state"), s);
        }
        assertEquals("u-42", ((Map<?, ?>) body.get("profile")).get("id"));
        // amounts stay decimal strings end to end
        assertTrue(r.body().matches("(?s).*\"amount\":\"\\d+\\.\\d{2}\".*"));
    }

    @Test
    void aUserMayReadTheirOwnDashboardByIdButNotAnothers() throws Exception {
        assertEquals(200, harness.getAs(base(), "/api/v1/users/u-7/dashboard", "u-7").statusCode());
        HttpResponse<String> r = harness.getAs(base(), "/api/v1/users/u-8/dashboard", "u-7");
        assertEquals(403, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
        assertEquals(403, body(r).get("status"));
    }

    static Stream<Arguments> optionalFailures() {
        List<Arguments> cases = new ArrayList<>();
        Object[][] ways = {
            {Behaviour.slow(2000), "timeout", null},
            {Behaviour.of(Behaviour.Kind.HANG), "timeout", null},
            {Behaviour.of(Behaviour.Kind.REFUSE), "unavailable", null},
            {Behaviour.of(Behaviour.Kind.RESET), "unavailable", null},
            {Behaviour.of(Behaviour.Kind.RESET_MID_BODY), "unavailable", null},
            {Behaviour.status(500), "error-status", 500},
            {Behaviour.status(502), "error-status", 502},
            {Behaviour.status(503, 5), "error-status", 503},
            {Behaviour.status(429, 1), "error-status", 429},
            {Behaviour.of(Behaviour.Kind.HTML), "bad-body", null},
            {Behaviour.of(Behaviour.Kind.TRUNCATED_JSON), "bad-body", null},
            {Behaviour.of(Behaviour.Kind.HUGE_BODY), "bad-body", null},
            {Behaviour.of(Behaviour.Kind.EMPTY_BODY), "bad-body", null},
        };
        for (Service s : List.of(Service.ORDERS, Service.NOTIFICATIONS, Service.RECOMMENDATIONS)) {
            for (Object[] way : ways) {
                cases.add(Arguments.of(s, way[0], way[1], way[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1} -> 200 with {0} missing: {2}")
    @MethodSource("optionalFailures")
    void aFailingOptionalSectionIsMissingWithItsReason(Service service, Behaviour behaviour, String reason, Integer status)
            throws Exception {
        harness.stubs.behave(service, behaviour);
        HttpResponse<String> r = harness.getAs(base(), "/api/v1/dashboard", "u-5");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("private, no-store", r.headers().firstValue("Cache-Control").orElseThrow());
        Map<String, Object> body = body(r);
        String name = service.id();
        assertEquals(false, body.get("complete"));
        assertEquals(true, body.get("degraded"));
        assertEquals(List.of(name), body.get("missing"));
        assertTrue(body.containsKey(name) && body.get(name) == null, name + " should be null");
        Map<String, Object> s = section(body, name);
        assertEquals("missing", s.get("state"));
        assertEquals(reason, s.get("reason"));
        assertEquals(status, s.get("upstreamStatus"));
        assertNotNull(s.get("detail"));
        assertFalse(r.body().contains("127.0.0.1"), "a host leaked: " + r.body());
        assertNotNull(body.get("profile"));
        if (behaviour.retryAfterSeconds() >= 0) {
            assertEquals(behaviour.retryAfterSeconds(), ((Number) s.get("retryAfterSeconds")).intValue());
        }
    }

    @Test
    void anUnknownUserIs404() throws Exception {
        HttpResponse<String> r = harness.getAs(base(), "/api/v1/dashboard", "unknown-1");
        assertEquals(404, r.statusCode());
        Map<String, Object> p = body(r);
        assertEquals("https://gather.dev/problems/user-not-found", p.get("type"));
        assertEquals("profile", p.get("section"));
    }

    @Test
    void aFailingProfileIs502() throws Exception {
        harness.stubs.behave(Service.PROFILE, Behaviour.status(500));
        HttpResponse<String> r = harness.getAs(base(), "/api/v1/dashboard", "u-5");
        assertEquals(502, r.statusCode());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
        Map<String, Object> p = body(r);
        assertEquals(502, p.get("status"));
        assertEquals("error-status", p.get("reason"));
        assertNotNull(p.get("requestId"));
        assertNull(p.get("trace"));
    }

    @Test
    void aSlowOrHangingProfileIs504() throws Exception {
        for (Behaviour b : List.of(Behaviour.slow(2000), Behaviour.of(Behaviour.Kind.HANG))) {
            harness.stubs.behave(Service.PROFILE, b);
            HttpResponse<String> r = harness.getAs(base(), "/api/v1/dashboard", "u-5");
            assertEquals(504, r.statusCode(), b.toString());
            assertEquals("timeout", body(r).get("reason"));
        }
    }

    @Test
    void whenEveryServiceHangsTheAnswerStillComes() throws Exception {
        for (Service s : Service.values()) {
            harness.stubs.behave(s, Behaviour.of(Behaviour.Kind.HANG));
        }
        long t0 = System.nanoTime();
        HttpResponse<String> r = harness.getAs(base(), "/api/v1/dashboard", "u-5");
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(504, r.statusCode());
        assertTrue(tookMs < 5_000, "answered only after " + tookMs + " ms"); // a hang guard, not a performance check
    }
}
