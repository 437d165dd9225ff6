package io.gather.access;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.testing.GatherHarness;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Bad partner and rate-limit settings stop Gather at startup, naming every bad key. */
class PartnerConfigurationTest {
    private static final GatherHarness HARNESS = new GatherHarness();

    @AfterAll
    static void stop() {
        HARNESS.close();
    }

    private static String startupFailure(Map<String, String> overrides) {
        Map<String, Object> props = new HashMap<>(HARNESS.properties());
        props.putAll(overrides);
        Throwable e = assertThrows(Throwable.class, () -> {
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, props)) {
                server.getPort();
            }
        });
        StringBuilder messages = new StringBuilder();
        for (Throwable t = e; t != null; t = t.getCause()) {
            messages.append(t.getMessage()).append('\n');
        }
        return messages.toString();
    }

    @Test
    void badTiersAndPoliciesAreAllListed() {
        String tier = "gather.rate-limits.tiers.partner.policies.";
        String message = startupFailure(Map.of(
            tier + "burst.quota", "0",
            tier + "burst.window", "1500ms",
            tier + "burst.per", "team",
            tier + "burst.limit", "5",
            "gather.rate-limits.default-tier", "gold",
            "gather.clients.acme.tier", "silver",
            "gather.rate-limits.store", "disk",
            "gather.rate-limits.redis-failure", "maybe",
            "gather.rate-limits.redis-timeout", "30s"));
        for (String expected : new String[] {tier + "burst.quota", tier + "burst.window", tier + "burst.per", tier + "burst.limit",
            "gather.rate-limits.default-tier", "gather.clients.acme.tier", "gather.rate-limits.store",
            "gather.rate-limits.redis-failure", "gather.rate-limits.redis-timeout"}) {
            assertTrue(message.contains(expected), expected + " in\n" + message);
        }
    }

    @Test
    void theRedisStoreNeedsARedisUri() {
        String message = startupFailure(Map.of("gather.rate-limits.store", "redis"));
        assertTrue(message.contains("redis.uri is not set"), message);
    }

    @Test
    void aClientsSectionsMustBeSections() {
        String message = startupFailure(Map.of("gather.clients.acme.sections", "profile,wishlist"));
        assertTrue(message.contains("gather.clients.acme.sections: wishlist is not a section"), message);
    }
}
