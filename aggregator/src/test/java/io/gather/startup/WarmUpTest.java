package io.gather.startup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.stubs.Behaviour;
import io.gather.stubs.Service;
import io.gather.testing.GatherHarness;
import io.gather.testing.LoggedLines;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Before its port opens, Gather has assembled one dashboard, whatever the downstreams did with it. */
class WarmUpTest {
    private final GatherHarness harness = new GatherHarness();

    @AfterEach
    void stop() {
        harness.close();
    }

    private EmbeddedServer start() {
        Map<String, Object> props = new HashMap<>(harness.properties());
        props.put("gather.warm-up.enabled", "true");
        return ApplicationContext.run(EmbeddedServer.class, props);
    }

    @Test
    void everyDownstreamIsCalledOnceBeforeThePortOpens() {
        LoggedLines log = new LoggedLines(WarmUp.class.getName()).attach();
        try (EmbeddedServer server = start()) {
            assertTrue(server.isRunning());
            for (Service s : Service.values()) {
                assertEquals(1, harness.stubs.service(s).calls(), s + " was called by the warm-up");
            }
            assertTrue(log.messages().get(0).startsWith("Warm-up: one dashboard for gather-warm-up assembled in "), log.messages().toString());
        } finally {
            log.detach();
        }
    }

    @Test
    void aDownstreamThatNeverAnswersHoldsStartupNoLongerThanTheDeadline() {
        harness.stubs.behave(Service.PROFILE, Behaviour.of(Behaviour.Kind.HANG));
        LoggedLines log = new LoggedLines(WarmUp.class.getName()).attach();
        try (EmbeddedServer server = start()) {
            assertTrue(server.isRunning());
            assertTrue(log.messages().get(0).contains("ended without a dashboard"), log.messages().toString());
        } finally {
            log.detach();
        }
    }
}
