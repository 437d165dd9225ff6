package io.gather.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gather.stubs.Behaviour;
import io.gather.stubs.Service;
import io.gather.testing.GatherHarness;
import io.gather.testing.HarnessBacked;
import io.gather.testing.RawHttp;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.Socket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A caller who hangs up is not served anyway: waiting for a turn, it leaves the queue at once and no downstream is
 * called for it; admitted, its dashboard is cancelled and its turn goes to the next caller, long before the
 * sections' timeouts (10 s here) or the queue's (30 s) would have ended them.
 */
@MicronautTest
class CallerGoneTest extends HarnessBacked {
    @Inject EmbeddedServer server;
    @Inject Admission admission;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = harness.properties();
        p.put("gather.admission.min-concurrent", "1");
        p.put("gather.admission.max-concurrent", "1");
        p.put("gather.admission.queue-timeout", "30s");
        return GatherHarness.timeouts(p, "12s", "10s");
    }

    @Test
    void aCallerWhoHangsUpLeavesTheQueueAndFreesItsTurn() throws Exception {
        harness.stubs.behave(Service.ORDERS, Behaviour.of(Behaviour.Kind.HANG));
        long ordersCalls = harness.stubs.service(Service.ORDERS).calls();
        try (Socket first = ask("u-1")) {
            GatherHarness.eventually(() -> admission.inFlight() == 1
                && harness.stubs.service(Service.ORDERS).calls() == ordersCalls + 1, "the first dashboard waits on orders");
            try (Socket second = ask("u-2")) {
                GatherHarness.eventually(() -> admission.waiting() == 1, "the second waits for a turn");
            }
            GatherHarness.eventually(() -> admission.waiting() == 0, "the second left the queue when it hung up");
            assertEquals(1, admission.inFlight(), "without taking a turn");
        }
        GatherHarness.eventually(() -> admission.inFlight() == 0, "the first dashboard was cancelled when its caller hung up");
        assertEquals(ordersCalls + 1, harness.stubs.service(Service.ORDERS).calls(), "no call for the caller who left the queue");

        harness.stubs.reset(0);
        assertEquals(200, harness.getAs(server.getURI(), "/api/v1/dashboard", "u-3").statusCode(), "the next caller has the turn");
    }

    private Socket ask(String user) throws IOException {
        return new RawHttp(server.getPort()).askDashboard(harness.token(user));
    }
}
