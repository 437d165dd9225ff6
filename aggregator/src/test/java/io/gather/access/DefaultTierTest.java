package io.gather.access;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.gather.testing.HarnessBacked;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A configured {@code default} tier replaces the built-in one whole: before, application.yml spelled the built-in
 * policies out, so an operator's were added to them and {@code hourly} could not be taken away.
 */
@MicronautTest
class DefaultTierTest extends HarnessBacked {
    @Inject EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = harness.properties();
        p.put("gather.rate-limits.default-tier", "default");
        p.put("gather.rate-limits.tiers.default.policies.shared.quota", "3");
        p.put("gather.rate-limits.tiers.default.policies.shared.window", "30s");
        p.put("gather.rate-limits.tiers.default.policies.shared.per", "client");
        return p;
    }

    @Test
    void theConfiguredDefaultTierIsTheOnlyOne() throws Exception {
        HttpResponse<String> r = harness.getAs(server.getURI(), "/api/v1/dashboard", "u-1");
        assertEquals(200, r.statusCode(), r.body());
        assertEquals("\"shared\";q=3;w=30", r.headers().firstValue("RateLimit-Policy").orElseThrow());
    }
}
