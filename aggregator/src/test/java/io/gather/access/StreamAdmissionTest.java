package io.gather.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.stubs.Behaviour;
import io.gather.stubs.Service;
import io.gather.testing.GatherHarness;
import io.gather.testing.HarnessBacked;
import io.gather.testing.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A stream holds its admission turn until its last event, not only until its 200 goes out: Micronaut cancels the
 * filter's publisher once it has the answer's head, and that cancel had freed the turn while the fan-out still ran.
 */
@MicronautTest
class StreamAdmissionTest extends HarnessBacked {
    private Map<String, String> properties;

    @Inject EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        properties = GatherHarness.oneAdmissionTurn(harness.properties());
        return properties;
    }

    @Test
    void aStreamHoldsItsTurnUntilItEnds() throws Exception {
        harness.stubs.behave(Service.RECOMMENDATIONS, Behaviour.slow(1_500));    // keeps the stream open a while
        try (Socket socket = new RawHttp(server.getPort()).askDashboard(harness.token("u-7"), "Accept: application/x-ndjson")) {
            socket.setSoTimeout(10_000);
            BufferedReader in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = in.readLine()) != null && !line.startsWith("{")) {
                // the head, then the first event
            }
            assertTrue(line != null && line.contains("\"section\""), "a first section event: " + line);
            assertEquals(1.0, inFlight(), "the stream still holds its turn after its head and first event");
            while ((line = in.readLine()) != null && !line.contains("\"summary\"")) {
                // the other sections, then the summary
            }
            assertTrue(line != null, "the stream ended with its summary");
        }
        for (int i = 0; i < 50 && inFlight() != 0.0; i++) {
            Thread.onSpinWait();    // the turn is given back as the last event is written, on the event loop
        }
        assertEquals(0.0, inFlight(), "given back when the stream ended");
    }

    private double inFlight() throws Exception {
        String scrape = harness.get(GatherHarness.management(properties), "/prometheus", Map.of()).body();
        return scrape.lines().filter(l -> l.startsWith("gather_admission_in_flight"))
            .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1))).findFirst().orElse(-1);
    }
}
