package io.gather.access;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.nimbusds.jwt.JWTClaimsSet;
import io.gather.testing.GatherHarness;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A token without any dashboard scope is refused with 403 and an RFC 6750 challenge, on both routes. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardScopeTest implements TestPropertyProvider {
    private static final GatherHarness HARNESS = new GatherHarness();

    @Inject EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return HARNESS.properties();
    }

    @AfterAll
    void stop() {
        HARNESS.close();
    }

    private HttpResponse<String> get(String path, String token) throws Exception {
        return HARNESS.getWith(server.getURI(), path, token);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/api/v1/dashboard", "/api/v1/users/u-7/dashboard"})
    void aTokenWithoutADashboardScopeIs403WithAnInsufficientScopeChallenge(String path) throws Exception {
        for (String scope : new String[] {null, "email profile:read dashboards dashboard:"}) {
            HttpResponse<String> r = get(path, HARNESS.token("u-7", "acme", scope));
            assertEquals(403, r.statusCode(), r.body());
            assertEquals("Bearer realm=\"gather\", error=\"insufficient_scope\", scope=\"dashboard\"",
                r.headers().firstValue("WWW-Authenticate").orElseThrow());
            assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElseThrow());
            assertTrue(r.headers().firstValue("Date").isPresent(), "Date");
            assertTrue(r.body().contains("\"type\":\"https://gather.dev/problems/insufficient-scope\""), r.body());
            assertTrue(r.body().contains("\"status\":403"), r.body());
            assertTrue(r.body().contains("\"instance\":\"" + path + "\""), r.body());
            assertTrue(r.body().contains("\"requestId\":\"" + r.headers().firstValue("X-Request-Id").orElseThrow() + "\""), r.body());
            assertTrue(r.headers().firstValue("RateLimit-Policy").isEmpty(), "refused before the rate limit");
        }
    }

    @Test
    void withoutATokenItIsStill401AndNotLimited() throws Exception {
        HttpResponse<String> r = HARNESS.get(server.getURI(), "/api/v1/dashboard", Map.of());
        assertEquals(401, r.statusCode());
        assertEquals("Bearer realm=\"gather\"", r.headers().firstValue("WWW-Authenticate").orElseThrow());
        assertTrue(r.headers().firstValue("RateLimit-Policy").isEmpty());
        assertTrue(r.headers().firstValue("RateLimit").isEmpty());
    }

    @Test
    void sectionScopesAreADashboardScope() throws Exception {
        HttpResponse<String> r = get("/api/v1/dashboard", HARNESS.token("u-7", "acme", "dashboard:profile dashboard:orders"));
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.headers().firstValue("RateLimit-Policy").isEmpty());
    }

    @Test
    void aScopeNamedTwiceIsStillTheScope() throws Exception {
        HttpResponse<String> r = get("/api/v1/dashboard", HARNESS.token("u-7", "acme", "dashboard  dashboard"));
        assertEquals(200, r.statusCode(), r.body());
    }

    @Test
    void scopesMayComeAsAnScpList() throws Exception {
        JWTClaimsSet claims = HARNESS.tokens.claims("u-7", Duration.ofMinutes(5), "acme", null).claim("scp", List.of("dashboard")).build();
        assertEquals(200, get("/api/v1/users/u-7/dashboard", HARNESS.tokens.sign(claims)).statusCode());
    }
}
