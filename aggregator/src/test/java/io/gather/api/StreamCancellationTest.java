package io.gather.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gather.dashboard.section.SectionPipeline;
import io.gather.stubs.Behaviour;
import io.gather.stubs.Service;
import io.gather.testing.GatherHarness;
import io.gather.testing.RawHttp;
import io.github.resilience4j.bulkhead.Bulkhead;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A caller that goes away in the middle of a stream cancels the calls still under way: the hanging call's bulkhead
 * permit comes back at once, long before the section's timeout (10 s here) would have freed it. The bulkhead sits
 * in the section's stack below the request's deadline, so its permit is given back only when the downstream call
 * itself ends: by an answer, its own timeout, or cancellation.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class StreamCancellationTest implements TestPropertyProvider {
    private final GatherHarness harness = new GatherHarness();

    @Inject EmbeddedServer server;
    @Inject SectionPipeline pipeline;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = harness.properties();
        return GatherHarness.timeouts(p, "12s", "10s");
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    @Test
    void aCallerThatGoesAwayCancelsTheCallsUnderWay() throws Exception {
        harness.stubs.behave(Service.ORDERS, Behaviour.of(Behaviour.Kind.HANG));
        long ordersCalls = harness.stubs.service(Service.ORDERS).calls();
        Bulkhead orders;
        int idle;
        try (Socket socket = new RawHttp(server.getPort()).askDashboard(harness.token("u-42"), "Accept: application/x-ndjson")) {
            socket.setSoTimeout(5_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            int sections = 0;
            String line;
            while (sections < 3 && (line = in.readLine()) != null) {
                if (line.contains("\"event\":\"section\"")) {
                    sections++;                       // profile, notifications, recommendations: all but the hanging orders
                }
            }
            assertEquals(3, sections);
            orders = pipeline.bulkheads().get("orders");     // made with the sections' stacks, on the first request
            idle = orders.getMetrics().getMaxAllowedConcurrentCalls();
            assertEquals(idle - 1, orders.getMetrics().getAvailableConcurrentCalls(), "the orders call is under way");
        }
        GatherHarness.eventually(() -> orders.getMetrics().getAvailableConcurrentCalls() == idle,
            "the orders call outlived its caller");
        assertEquals(ordersCalls + 1, harness.stubs.service(Service.ORDERS).calls(), "one call was made, and not retried");
    }
}
