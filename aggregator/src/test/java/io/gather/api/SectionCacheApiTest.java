package io.gather.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
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
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The section cache over real loopback HTTP, against every fault mode of the contract stubs, for every
 * section: with a warm cache the section comes back stale (and the answer is 200 within the deadline, even
 * for the required profile); with a cold one it is missing with the right reason (or 404/502/504 for the
 * profile). Entries are fresh for 1 ms here, so the second request always asks the service again.
 */
@MicronautTest
class SectionCacheApiTest extends HarnessBacked {
    private static final AtomicInteger USERS = new AtomicInteger();

    @Inject EmbeddedServer server;
    @Inject JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = harness.properties();
        for (Service s : Service.values()) {
            p.put("gather.sections." + s.id() + ".cache.enabled", "true");
            p.put("gather.sections." + s.id() + ".cache.fresh", "1ms");
            p.put("gather.sections." + s.id() + ".cache.refresh-after", "0s");
            p.put("gather.sections." + s.id() + ".cache.stale-if-error", "10m");
        }
        return p;
    }

    private URI base() {
        return server.getURI();
    }

    private Map<String, Object> body(HttpResponse<String> r) throws IOException {
        return Answers.body(json, r);
    }

    private static Map<String, Object> section(Map<String, Object> body, String name) {
        return Answers.section(body, name);
    }

    static Stream<Arguments> faults() {
        Object[][] ways = {
            {Behaviour.slow(2000), "timeout", 504},
            {Behaviour.of(Behaviour.Kind.HANG), "timeout", 504},
            {Behaviour.of(Behaviour.Kind.REFUSE), "unavailable", 502},
            {Behaviour.of(Behaviour.Kind.RESET), "unavailable", 502},
            {Behaviour.of(Behaviour.Kind.RESET_MID_BODY), "unavailable", 502},
            {Behaviour.status(500), "error-status", 502},
            {Behaviour.status(503, 5), "error-status", 502},
            {Behaviour.status(429, 1), "error-status", 502},
            {Behaviour.of(Behaviour.Kind.HTML), "bad-body", 502},
            {Behaviour.of(Behaviour.Kind.TRUNCATED_JSON), "bad-body", 502},
            {Behaviour.of(Behaviour.Kind.HUGE_BODY), "bad-body", 502},
            {Behaviour.of(Behaviour.Kind.EMPTY_BODY), "bad-body", 502},
        };
        List<Arguments> cases = new ArrayList<>();
        for (Service s : Service.values()) {
            for (Object[] way : ways) {
                cases.add(Arguments.of(s, way[0], way[1], way[2]));
            }
        }
        return cases.stream();
    }

    @ParameterizedTest(name = "{0} {1}: warm -> stale ({2}), cold -> missing or {3}")
    @MethodSource("faults")
    void aWarmSectionIsServedStaleAndAColdOneIsMissing(Service service, Behaviour fault, String reason, int profileStatus)
            throws Exception {
        String warm = "w-" + USERS.incrementAndGet();
        String cold = "c-" + USERS.incrementAndGet();
        assertEquals(200, harness.getAs(base(), "/api/v1/dashboard", warm).statusCode());
        harness.stubs.behave(service, fault);
        String name = service.id();

        long t0 = System.nanoTime();
        HttpResponse<String> r = harness.getAs(base(), "/api/v1/dashboard", warm);
        long tookMs = (System.nanoTime() - t0) / 1_000_000;
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(tookMs < 3_000, "answered only after " + tookMs + " ms"); // a hang guard, not a performance check
        Map<String, Object> body = body(r);
        Map<String, Object> s = section(body, name);
        assertEquals("stale", s.get("state"), r.body());
        assertEquals(reason, s.get("reason"));
        assertNotNull(s.get("ageSeconds"));
        assertNotNull(body.get(name), "a stale section still has its data");
        assertEquals(true, body.get("complete"), "stale data is data");
        assertEquals(true, body.get("degraded"), "but the answer is degraded");
        assertEquals("private, no-store", r.headers().firstValue("Cache-Control").orElseThrow());

        HttpResponse<String> c = harness.getAs(base(), "/api/v1/dashboard", cold);
        if (service == Service.PROFILE) {
            assertEquals(profileStatus, c.statusCode(), c.body());
            assertEquals(reason, body(c).get("reason"));
        } else {
            assertEquals(200, c.statusCode(), c.body());
            Map<String, Object> coldSection = section(body(c), name);
            assertEquals("missing", coldSection.get("state"));
            assertEquals(reason, coldSection.get("reason"));
            assertEquals(List.of(name), body(c).get("missing"));
        }
    }
}
