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
    void aQuotaOrWindowBucketsCannotHoldIsRefusedAtStartup() {
        // before, these started, and then every dashboard request was a 500 (Bucket4j refused the bucket on first use)
        String tier = "gather.rate-limits.tiers.partner.policies.";
        String message = startupFailure(Map.of(
            tier + "huge.quota", "1000000000000", tier + "huge.window", "10s", tier + "huge.per", "client",
            tier + "long.quota", "5", tier + "long.window", "300000d", tier + "long.per", "client",
            tier + "half.quota", "5.5", tier + "half.window", "10s", tier + "half.per", "client"));
        assertTrue(message.contains(tier + "huge.quota must be a whole number of requests, 1..1000000000, not 1000000000000"), message);
        assertTrue(message.contains(tier + "long.window must be a duration of whole seconds, 1s..366d"), message);
        assertTrue(message.contains(tier + "half.quota must be a whole number of requests, 1..1000000000, not 5.5"), message);
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
