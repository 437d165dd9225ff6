package io.gather.startup;

import static io.gather.testing.GatherHarness.eventually;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.stubs.Behaviour;
import io.gather.stubs.Service;
import io.gather.testing.GatherHarness;
import io.gather.testing.LoggedLines;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * As it starts, Gather assembles one dashboard, whatever the downstreams do with it. The port opens meanwhile;
 * readiness is down and dashboards asked for wait until the warm-up's has settled, 3 s at most.
 */
class WarmUpTest {
    private final GatherHarness harness = new GatherHarness();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, String> props = new HashMap<>(harness.properties());

    @AfterEach
    void stop() {
        harness.close();
    }

    private EmbeddedServer start() {
        props.put("gather.warm-up.enabled", "true");
        return ApplicationContext.run(EmbeddedServer.class, new HashMap<>(props));
    }

    private int readiness() throws Exception {
        URI uri = GatherHarness.management(props).resolve("/health/readiness");
        return http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void everyDownstreamIsCalledOnce() throws Exception {
        LoggedLines log = new LoggedLines(WarmUp.class.getName()).attach();
        try (EmbeddedServer server = start()) {
            assertTrue(server.isRunning());
            eventually(() -> !log.messages().isEmpty(), "the warm-up ended");
            for (Service s : Service.values()) {
                assertEquals(1, harness.stubs.service(s).calls(), s + " was called by the warm-up");
            }
            assertTrue(log.messages().get(0).startsWith("Warm-up: one dashboard for gather-warm-up assembled in "), log.messages().toString());
            assertEquals(200, readiness());
        } finally {
            log.detach();
        }
    }

    @Test
    void aDashboardAskedForWhileItWaitsStartsWhenItEnds() throws Exception {
        harness.stubs.behave(Service.PROFILE, Behaviour.slow(1500));
        GatherHarness.timeouts(props, "4s", "3s");
        try (EmbeddedServer server = start()) {
            assertEquals(503, readiness(), "readiness while the warm-up waits for the profile");
            CompletableFuture<HttpResponse<String>> answer = CompletableFuture.supplyAsync(() -> {
                try {
                    return harness.getAs(server.getURI(), "/api/v1/dashboard", "u-1");
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
            });
            // orders answers at once: while readiness is down, only the warm-up has called it
            while (readiness() == 503) {
                assertEquals(1, harness.stubs.service(Service.ORDERS).calls(), "orders called before the warm-up ended");
                Thread.sleep(10);
            }
            HttpResponse<String> dashboard = answer.get(10, TimeUnit.SECONDS);
            assertEquals(200, dashboard.statusCode(), dashboard.body());
            assertEquals(2, harness.stubs.service(Service.ORDERS).calls());
        }
    }

    @Test
    void aWarmUpLongerThanThreeSecondsHoldsDashboardsThreeSecondsAtMost() throws Exception {
        harness.stubs.behave(Service.PROFILE, Behaviour.of(Behaviour.Kind.HANG));
        GatherHarness.timeouts(props, "20s", "15s");
        props.put("micronaut.http.services.profile.read-timeout", "20s"); // the read backstop (2 s) would end it first
        LoggedLines log = new LoggedLines(WarmUp.class.getName()).attach();
        try (EmbeddedServer server = start()) {
            long opened = System.nanoTime();
            assertEquals(503, readiness());
            eventually(() -> {
                try {
                    return readiness() == 200;
                } catch (Exception e) {
                    return false;
                }
            }, "readiness up, and dashboards served, 3 s after the start");
            assertTrue(System.nanoTime() - opened < WarmUp.MOST_HELD.plusSeconds(2).toNanos());
            assertTrue(log.messages().isEmpty(), "the warm-up itself still waits for the profile: " + log.messages());
        } finally {
            log.detach();
        }
    }

    @Test
    void aDownstreamThatNeverAnswersHoldsDashboardsNoLongerThanTheDeadline() throws Exception {
        harness.stubs.behave(Service.PROFILE, Behaviour.of(Behaviour.Kind.HANG));
        LoggedLines log = new LoggedLines(WarmUp.class.getName()).attach();
        try (EmbeddedServer server = start()) {
            assertTrue(server.isRunning());
            eventually(() -> !log.messages().isEmpty(), "the warm-up ended by its deadline (1.5 s)");
            assertTrue(log.messages().get(0).contains("ended without a dashboard"), log.messages().toString());
            assertEquals(200, readiness());
        } finally {
            log.detach();
        }
    }
}
