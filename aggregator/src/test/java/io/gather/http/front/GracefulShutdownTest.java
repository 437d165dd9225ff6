package io.gather.http.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.stubs.Behaviour;
import io.gather.stubs.Service;
import io.gather.testing.GatherHarness;
import io.gather.testing.RawHttp;
import io.gather.testing.RawHttp.Answer;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.Socket;
import java.util.HashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A graceful shutdown (what SIGTERM starts) answers the dashboards under way whole, with their sections live: the
 * HTTP clients are not closed under them. A request that comes once the drain has ended is refused with 503 and
 * {@code Retry-After}, and no downstream is called for it.
 */
class GracefulShutdownTest {
    private final GatherHarness harness = new GatherHarness();
    private final EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class,
        new HashMap<String, Object>(GatherHarness.timeouts(harness.properties(), "6s", "5s")));

    @AfterEach
    void stop() {
        server.close();
        harness.close();
    }

    @Test
    void aDashboardUnderWayWhenTheShutdownBeginsIsAnsweredWhole() throws Exception {
        harness.stubs.behave(Service.ORDERS, Behaviour.slow(1000));
        long calls = harness.stubs.service(Service.ORDERS).calls();
        try (Socket socket = ask("u-1")) {
            GatherHarness.eventually(() -> harness.stubs.service(Service.ORDERS).calls() == calls + 1,
                "the dashboard waits on orders");
            CompletableFuture<Void> stopped = CompletableFuture.runAsync(server::stop);

            Answer answer = RawHttp.read(socket, 1, false).answers().get(0);
            assertEquals(200, answer.status());
            assertTrue(answer.body().contains("\"complete\":true,\"degraded\":false"), answer.body());
            stopped.get(10, TimeUnit.SECONDS);
        }
        assertFalse(server.getApplicationContext().isRunning());
    }

    @Test
    void aRequestAfterTheDrainIsRefusedWith503AndRetryAfter() throws Exception {
        server.getApplicationContext().getBean(ShutdownDrain.class).shutdownGracefully()
            .toCompletableFuture().get(5, TimeUnit.SECONDS);
        long calls = harness.stubs.service(Service.PROFILE).calls();

        Answer answer;
        try (Socket socket = ask("u-1")) {
            answer = RawHttp.read(socket, 1, false).answers().get(0);
        }
        assertEquals(503, answer.status());
        assertEquals("1", answer.header("Retry-After"));
        assertEquals("close", answer.header("Connection"));
        assertEquals("application/problem+json", answer.header("Content-Type"));
        assertTrue(answer.body().contains("\"instance\":\"/api/v1/dashboard\""), answer.body());
        assertTrue(answer.body().contains("shutting down"), answer.body());
        assertEquals(calls, harness.stubs.service(Service.PROFILE).calls(), "no downstream was called for it");
    }

    private Socket ask(String user) throws Exception {
        return new RawHttp(server.getPort()).askDashboard(harness.token(user));
    }
}
