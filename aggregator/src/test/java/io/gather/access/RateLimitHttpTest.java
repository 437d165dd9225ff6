package io.gather.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.stubs.Service;
import io.gather.testing.GatherHarness;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Rate limits on HTTP, memory store, with a clock the test moves (no sleeps). Each test has its own client, so
 * its buckets are its own.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitHttpTest implements TestPropertyProvider {
    private static final GatherHarness HARNESS = new GatherHarness();
    static final String POLICY = "\"burst\";q=3;w=10, \"daily\";q=100;w=86400";

    @Inject EmbeddedServer server;
    @Inject ManualClock clock;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(HARNESS.properties());
        p.put("spec.name", "RateLimitHttpTest");
        String tier = "gather.rate-limits.tiers.partner.policies.";
        p.put(tier + "burst.quota", "3");
        p.put(tier + "burst.window", "10s");
        p.put(tier + "burst.per", "client");
        p.put(tier + "daily.quota", "100");
        p.put(tier + "daily.window", "1d");
        p.put(tier + "daily.per", "user");
        for (String client : new String[] {"acme-1", "acme-2", "acme-3", "acme-4", "acme-5"}) {
            p.put("gather.clients." + client + ".tier", "partner");
        }
        return p;
    }

    @AfterAll
    void stop() {
        HARNESS.close();
    }

    private HttpResponse<String> get(String path, String user, String client) throws Exception {
        return HARNESS.getWith(server.getURI(), path, HARNESS.token(user, client, "dashboard"));
    }

    private static String field(HttpResponse<String> r, String name) {
        return r.headers().firstValue(name).orElse(null);
    }

    @Test
    void everyAdmittedAnswerSaysWhereTheCallerStands() throws Exception {
        for (int i = 1; i <= 3; i++) {
            HttpResponse<String> r = get("/api/v1/dashboard", "u-1" + i, "acme-1");
            assertEquals(200, r.statusCode(), r.body());
            assertEquals(POLICY, field(r, "RateLimit-Policy"));
            assertEquals("\"burst\";r=" + (3 - i) + ";t=10, \"daily\";r=99;t=86400", field(r, "RateLimit"));
        }
    }

    @Test
    void theRequestAfterTheQuotaIs429BeforeAnyDownstreamCall() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/api/v1/dashboard", "u-21", "acme-2").statusCode());
        }
        clock.advance(Duration.ofSeconds(3));
        long[] calls = Arrays.stream(Service.values()).mapToLong(s -> HARNESS.stubs.service(s).calls()).toArray();
        HttpResponse<String> r = get("/api/v1/dashboard", "u-21", "acme-2");
        assertEquals(429, r.statusCode(), r.body());
        assertEquals("application/problem+json", field(r, "Content-Type"));
        assertEquals(POLICY, field(r, "RateLimit-Policy"));
        assertEquals("\"burst\";r=0;t=7, \"daily\";r=97;t=86397", field(r, "RateLimit"));
        assertEquals("7", field(r, "Retry-After"));
        assertTrue(r.headers().firstValue("Date").isPresent(), "Date");
        String body = r.body();
        assertTrue(body.contains("\"type\":\"https://iana.org/assignments/http-problem-types#quota-exceeded\""), body);
        assertTrue(body.contains("\"status\":429"), body);
        assertTrue(body.contains("\"violated-policies\":[\"burst\"]"), body);
        assertTrue(body.contains("\"instance\":\"/api/v1/dashboard\""), body);
        assertTrue(body.contains("\"requestId\":\"" + field(r, "X-Request-Id") + "\""), body);
        assertTrue(body.contains("\"title\":"), body);
        assertTrue(body.contains("\"detail\":"), body);
        assertEquals(Arrays.toString(calls),
            Arrays.toString(Arrays.stream(Service.values()).mapToLong(s -> HARNESS.stubs.service(s).calls()).toArray()),
            "no downstream was called for the refused request");
    }

    @Test
    void theQuotaComesBackWhenTheWindowEnds() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertEquals(200, get("/api/v1/dashboard", "u-31", "acme-3").statusCode());
        }
        assertEquals(429, get("/api/v1/dashboard", "u-31", "acme-3").statusCode());
        clock.advance(Duration.ofSeconds(10));
        HttpResponse<String> r = get("/api/v1/dashboard", "u-31", "acme-3");
        assertEquals(200, r.statusCode(), r.body());
        assertTrue(field(r, "RateLimit").startsWith("\"burst\";r=2;t=10"), field(r, "RateLimit"));
    }

    @Test
    void errorsAfterTheLimiterCarryTheFieldsToo() throws Exception {
        HttpResponse<String> notFound = get("/api/v1/dashboard", "unknown-41", "acme-4");
        assertEquals(404, notFound.statusCode(), notFound.body());
        assertEquals(POLICY, field(notFound, "RateLimit-Policy"));
        assertTrue(field(notFound, "RateLimit").startsWith("\"burst\";r=2;"));
        HttpResponse<String> notYours = get("/api/v1/users/u-2/dashboard", "u-41", "acme-4");
        assertEquals(403, notYours.statusCode());
        assertTrue(field(notYours, "RateLimit").startsWith("\"burst\";r=1;"));
    }

    @Test
    void tokensWithoutAClientAreLimitedPerUserByTheDefaultTier() throws Exception {
        HttpResponse<String> r = HARNESS.getWith(server.getURI(), "/api/v1/dashboard", HARNESS.token("u-5"));
        assertEquals(200, r.statusCode());
        assertEquals("\"all\";q=1000000;w=60", field(r, "RateLimit-Policy"));
        assertEquals("\"all\";r=999999;t=60", field(r, "RateLimit"));
    }
}
