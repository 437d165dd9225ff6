package io.gather.dashboard;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.testing.GatherHarness;
import io.micronaut.context.ApplicationContext;
import io.micronaut.runtime.server.EmbeddedServer;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Bad configuration stops Gather at startup with a message naming every bad key. */
class ConfigurationCheckTest {
    private static final GatherHarness HARNESS = new GatherHarness();

    @AfterAll
    static void stop() {
        HARNESS.close();
    }

    private static String startupFailure(Map<String, String> overrides, String... removed) {
        Map<String, Object> props = new HashMap<>(HARNESS.properties());
        props.put("micronaut.server.port", "-1");
        props.putAll(overrides);
        for (String key : removed) {
            props.remove(key);
        }
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
    void badSectionSettingsAreAllListed() {
        String message = startupFailure(Map.of(
            "gather.sections.orders.timeout", "5s",
            "gather.sections.notifications.limit", "0",
            "gather.sections.order.timeout", "1s"), "micronaut.http.services.recommendations.url");
        assertTrue(message.contains("gather.sections.orders.timeout"), message);
        assertTrue(message.contains("gather.sections.notifications.limit"), message);
        assertTrue(message.contains("gather.sections.order is not a section"), message);
        assertTrue(message.contains("micronaut.http.services.recommendations.url is not set"), message);
    }

    @Test
    void aDownstreamUrlThatIsNoHttpUrlIsRefused() {
        // before, Gather started and every orders section read as a service that answered a bad body
        String message = startupFailure(Map.of("micronaut.http.services.orders.url", "notaurl",
            "micronaut.http.services.notifications.url", "http://127.0.0.1:1,ftp://x"));
        assertTrue(message.contains("micronaut.http.services.orders.url must be http:// or https:// URLs"), message);
        assertTrue(message.contains("micronaut.http.services.notifications.url must be"), message);
    }

    @Test
    void aMaxAgeThatIsNotWholeSecondsIsRefused() {
        String message = startupFailure(Map.of("gather.dashboard.max-age", "1500ms"));
        assertTrue(message.contains("gather.dashboard.max-age"), message);
    }

    @Test
    void aDownstreamExchangeCutBeforeTheDeadlineIsRefused() {
        String message = startupFailure(Map.of("gather.dashboard.deadline", "3s", "gather.downstreams.max-exchange-time", "2s"));
        assertTrue(message.contains("gather.downstreams.max-exchange-time (2000 ms) must be longer than gather.dashboard.deadline (3000 ms)"), message);
    }

    @Test
    void withoutAJwtSecretGatherDoesNotStart() {
        String message = startupFailure(Map.of("micronaut.security.token.jwt.signatures.secret.generator.secret", ""));
        assertTrue(message.contains("secret") || message.contains("JWT"), message);
    }

    @Test
    void withoutIssuerOrAudienceGatherDoesNotStart() {
        String message = startupFailure(Map.of("micronaut.security.token.jwt.claims-validators.issuer", ""));
        assertTrue(message.contains("issuer"), message);
    }

    @Test
    void aBadAccessLogFormatIsNamed() {
        String message = startupFailure(Map.of("gather.access-log.format", "xml"));
        assertTrue(message.contains("gather.access-log.format must be json or text, not xml"), message);
    }

    @Test
    void everyProblemIsInOneMessageWhateverSettingsItBelongsTo() {
        // before, each settings class stopped startup with its own list, so the first list hid the others
        Map<String, Object> props = new HashMap<>(HARNESS.properties());
        props.put("micronaut.server.port", "-1");
        props.putAll(Map.of(
            "gather.dashboard.deadline", "abc",
            "gather.admission.max-concurrent", "-5",
            "gather.front.max-connections", "0",
            "gather.rate-limits.redis-timeout", "1h",
            "gather.access-log.format", "xml",
            "micronaut.security.token.jwt.claims-validators.audience", ""));
        Throwable e = assertThrows(Throwable.class, () -> ApplicationContext.run(EmbeddedServer.class, props).close());
        String message = null;
        for (Throwable t = e; t != null && message == null; t = t.getCause()) {
            if (t instanceof io.micronaut.context.exceptions.ConfigurationException) {
                message = t.getMessage();
            }
        }
        assertTrue(message != null && message.startsWith("Gather's configuration is not usable:"), String.valueOf(message));
        for (String expected : new String[] {
            "gather.dashboard.deadline must be a duration (1500ms, 2s, PT1.5S), not \"abc\"",
            "gather.admission.max-concurrent must be 1..100000, not -5",
            "gather.front.max-connections must be 1..1000000, not 0",
            "gather.rate-limits.redis-timeout must be a positive duration of at most 5s",
            "gather.access-log.format must be json or text, not xml",
            "micronaut.security.token.jwt.claims-validators.audience is not set"}) {
            assertTrue(message.contains("\n  - " + expected), expected + " in " + message);
        }
    }

    @Test
    void aRefusedCallersPauseIsNoLongerThanItsRetryAfter() {
        String message = startupFailure(Map.of("gather.admission.refusal-pause", "3s"));
        assertTrue(message.contains("gather.admission.refusal-pause must be 0s..retry-after (PT1S), not PT3S"), message);
    }

    @Test
    void aRedisUriThatIsNoRedisUriIsNamedWithoutItsValue() {
        String message = startupFailure(Map.of("gather.rate-limits.store", "redis", "redis.uri", "notauri:secret@"));
        assertTrue(message.contains("redis.uri must be redis://"), message);
        assertTrue(!message.contains("secret@"), message);
    }

    @Test
    void theManagementPortIsNotTheApiPort() {
        // before, Micronaut served /health and /prometheus on the API port
        String message = startupFailure(Map.of("micronaut.server.port", "18099", "endpoints.all.port", "18099"));
        assertTrue(message.contains("endpoints.all.port (GATHER_MANAGEMENT_PORT) must differ from micronaut.server.port"), message);
        message = startupFailure(Map.of("micronaut.server.port", "-5"));
        assertTrue(message.contains("micronaut.server.port (GATHER_PORT) must be 0..65535 (-1: a free one), not -5"), message);
    }

    @Test
    void aDeadlineOrMaxAgeTooLongToCountIsNamed() {
        // before: "long overflow", naming no key
        String message = startupFailure(Map.of("gather.dashboard.deadline", "100000d", "gather.dashboard.max-age", "1000000000d"));
        assertTrue(message.contains("gather.dashboard.deadline must be a positive duration of at most 5m"), message);
        assertTrue(message.contains("gather.dashboard.max-age must be whole seconds, 0s..1d"), message);
    }

    @Test
    void aKeyNoSettingReadsABooleanThatIsNoneAndAClientBlockMicronautWouldRenameAreRefused() {
        // before, each was ignored or read as something else: a partner configured this way saw every section
        String message = startupFailure(Map.of(
            "gather.dashbaord.deadline", "2s",
            "gather.sections.orders.timout", "5s",
            "gather.sections.orders.breaker.enabled", "1",
            "gather.rate-limits.enabled", "ture",
            "gather.clients.MobileApp.tier", "default",
            "gather.clients.acme.teir", "default"));
        for (String expected : new String[] {
            "gather.dashbaord.deadline is not a setting",
            "gather.sections.orders.timout is not a setting",
            "gather.sections.orders.breaker.enabled must be true or false, not \"1\"",
            "gather.rate-limits.enabled must be true or false, not \"ture\"",
            "gather.clients.MobileApp: a client's block name is read in lowercase with dashes (mobile-app)",
            "gather.clients.acme.teir is not a setting (client-id, tier, sections"}) {
            assertTrue(message.contains(expected), expected + " in " + message);
        }
    }
}
