package io.gather.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.stubs.Behaviour;
import io.gather.stubs.Service;
import io.gather.testing.GatherHarness;
import io.gather.testing.RedisServer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The management port: health, prometheus and the OpenAPI document there and only there; readiness DOWN, with
 * its reason, when the profile's breaker is open with nothing stale to serve, or when Redis does not answer and
 * limits fail closed; liveness UP through all of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ManagementTest {
    private final GatherHarness harness = new GatherHarness();

    @AfterAll
    void stop() {
        harness.close();
    }

    private record Running(EmbeddedServer server, URI api, URI management) implements AutoCloseable {
        @Override
        public void close() {
            server.getApplicationContext().close();
        }
    }

    private Running start(Map<String, String> extra) {
        Map<String, String> p = new HashMap<>(harness.properties());
        p.putAll(extra);
        EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(p));
        return new Running(server, server.getURI(), GatherHarness.management(p));
    }

    private HttpResponse<String> get(URI base, String path) throws Exception {
        return harness.get(base, path, Map.of());
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health", "/health/liveness", "/health/readiness", "/prometheus", "/openapi", "/openapi/gather.yml"})
    void managementPathsAnswerOnTheManagementPortOnly(String path) throws Exception {
        try (Running g = start(Map.of())) {
            HttpResponse<String> there = get(g.management(), path);
            assertEquals(200, there.statusCode(), path + ": " + there.body());
            HttpResponse<String> api = get(g.api(), path);
            assertEquals(404, api.statusCode(), path + " on the API port: " + api.body());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/beans", "/env", "/loggers", "/routes", "/threaddump", "/info", "/refresh", "/stop"})
    void noOtherEndpointIsOn(String path) throws Exception {
        try (Running g = start(Map.of())) {
            assertEquals(404, get(g.management(), path).statusCode(), path);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"/health/nope", "/health/live", "/health/readiness2", "/health/%20"})
    void anUnknownHealthGroupIsNotFoundNotABadRequest(String path) throws Exception {
        try (Running g = start(Map.of())) {
            HttpResponse<String> r = get(g.management(), path);
            assertEquals(404, r.statusCode(), path + ": " + r.body());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""));
            assertTrue(r.body().contains("\"detail\":\"There is nothing at this path.\""), r.body());
            assertEquals(200, get(g.management(), "/health/LIVENESS").statusCode(), "a group in any case");
            assertEquals(200, get(g.management(), "/health/Readiness").statusCode(), "a group in any case");
        }
    }

    @Test
    void theApiIsNotServedOnTheManagementPort() throws Exception {
        try (Running g = start(Map.of())) {
            HttpResponse<String> r = harness.getWith(g.management(), "/api/v1/dashboard", harness.token("u-1"));
            assertEquals(404, r.statusCode(), r.body());
            assertEquals(200, harness.getWith(g.api(), "/api/v1/dashboard", harness.token("u-1")).statusCode());
        }
    }

    @Test
    void theOpenApiDocumentDescribesTheDashboardAndItsProblems() throws Exception {
        try (Running g = start(Map.of())) {
            HttpResponse<String> r = get(g.management(), "/openapi/gather.yml");
            assertTrue(r.headers().firstValue("Content-Type").orElseThrow().startsWith("application/yaml"), r.headers().toString());
            String doc = r.body();
            for (String expected : new String[] {"openapi: 3", "/api/v1/dashboard:", "/api/v1/users/{userId}/dashboard:",
                "application/problem+json", "\"404\":", "\"502\":", "\"504\":", "\"429\":", "\"401\":", "examples:", "bearerAuth",
                "$ref: \"#/components/schemas/Dashboard\"", "full:", "user-not-found", "title: Gather"}) {
                assertTrue(doc.contains(expected), expected + " in\n" + doc);
            }
        }
    }

    @Test
    void readinessIsDownWhileTheProfilesBreakerIsOpenWithNothingStaleThenUpWhenItMayTryAgain() throws Exception {
        try (Running g = start(Map.of(
            "gather.sections.profile.breaker.enabled", "true",
            "gather.sections.profile.breaker.window", "10s",
            "gather.sections.profile.breaker.minimum-calls", "2",
            "gather.sections.profile.breaker.wait-in-open", "1500ms"))) {
            assertEquals(200, get(g.management(), "/health/readiness").statusCode());
            harness.stubs.behave(Service.PROFILE, Behaviour.status(503));
            for (int i = 0; i < 2; i++) {
                assertEquals(502, harness.getAs(g.api(), "/api/v1/dashboard", "u-1").statusCode());
            }
            HttpResponse<String> down = get(g.management(), "/health/readiness");
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("\"DOWN\""), down.body());
            assertTrue(down.body().contains("circuit breaker is open, and there is nothing stale to serve"), down.body());
            assertEquals(200, get(g.management(), "/health/liveness").statusCode(), "liveness is about the process only");
            Thread.sleep(1600); // wait-in-open: the next request would try the service again
            assertEquals(200, get(g.management(), "/health/readiness").statusCode());
        } finally {
            harness.stubs.reset(0);
        }
    }

    @Test
    void readinessStaysUpWhileStaleProfilesCanBeServed() throws Exception {
        try (Running g = start(Map.of(
            "gather.sections.profile.cache.enabled", "true",
            "gather.sections.profile.cache.fresh", "1ms",
            "gather.sections.profile.cache.refresh-after", "0s",
            "gather.sections.profile.breaker.enabled", "true",
            "gather.sections.profile.breaker.window", "10s",
            "gather.sections.profile.breaker.minimum-calls", "2"))) {
            assertEquals(200, harness.getAs(g.api(), "/api/v1/dashboard", "u-1").statusCode()); // cached
            harness.stubs.behave(Service.PROFILE, Behaviour.status(503));
            for (int i = 0; i < 3; i++) {
                assertEquals(200, harness.getAs(g.api(), "/api/v1/dashboard", "u-1").statusCode()); // stale
            }
            HttpResponse<String> r = get(g.management(), "/health/readiness");
            assertEquals(200, r.statusCode(), r.body());
        } finally {
            harness.stubs.reset(0);
        }
    }

    @Test
    void readinessIsDownWhileRedisIsDownAndLimitsFailClosed() throws Exception {
        RedisServer redis = RedisServer.start();
        try (Running g = start(Map.of("gather.rate-limits.store", "redis", "redis.uri", redis.uri(),
            "gather.rate-limits.redis-failure", "fail-closed"))) {
            assertEquals(200, get(g.management(), "/health/readiness").statusCode());
            redis.stop();
            HttpResponse<String> down = get(g.management(), "/health/readiness");
            assertEquals(503, down.statusCode(), down.body());
            assertTrue(down.body().contains("Redis does not answer"), down.body());
            assertEquals(200, get(g.management(), "/health/liveness").statusCode());
            redis.startAgain();
            long until = System.nanoTime() + 5_000_000_000L; // Lettuce reconnects within a second
            int status;
            do {
                Thread.sleep(100);
                status = get(g.management(), "/health/readiness").statusCode();
            } while (status != 200 && System.nanoTime() < until);
            assertEquals(200, status, "ready again once Redis answers, without any dashboard request");
        } finally {
            redis.close();
        }
    }

    @Test
    void redisDownWithLimitsFailingOpenLeavesTheInstanceReady() throws Exception {
        try (Running g = start(Map.of("gather.rate-limits.store", "redis", "redis.uri", "redis://127.0.0.1:" + GatherHarness.freePort(),
            "gather.rate-limits.redis-failure", "fail-open"))) {
            HttpResponse<String> ready = get(g.management(), "/health/readiness");
            assertEquals(200, ready.statusCode());
            // ready, but an operator sees that nothing is being checked
            assertTrue(ready.body().contains("unchecked: Redis does not answer"), ready.body());
        }
    }
}
