package io.gather.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.stubs.Service;
import io.gather.testing.GatherHarness;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.http.HttpResponse;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sections a token does not grant are never called (counted on the stub side), never read from the cache, and
 * come back missing with reason not-allowed; a client narrowed in configuration cannot widen itself with scopes.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SectionScopesApiTest implements TestPropertyProvider {
    private final GatherHarness harness = new GatherHarness();

    @Inject EmbeddedServer server;
    @Inject JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = harness.properties();
        p.put("gather.clients.narrow.sections", "orders");
        p.put("gather.clients.google.client-id", "123-abc.apps.GoogleUserContent.com");
        p.put("gather.clients.google.sections", "orders");
        for (Service s : Service.values()) {
            p.put("gather.sections." + s.id() + ".cache.enabled", "true"); // a warm cache must not leak a hidden section
        }
        return p;
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    private Map<Service, Long> calls() {
        Map<Service, Long> calls = new EnumMap<>(Service.class);
        for (Service s : Service.values()) {
            calls.put(s, harness.stubs.service(s).calls());
        }
        return calls;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> dashboard(String token) throws Exception {
        HttpResponse<String> r = harness.getWith(server.getURI(), "/api/v1/dashboard", token);
        assertEquals(200, r.statusCode(), r.body());
        return json.readValue(r.body(), Argument.mapOf(String.class, Object.class));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> status(Map<String, Object> body, String section) {
        return (Map<String, Object>) ((Map<String, Object>) body.get("sections")).get(section);
    }

    @ParameterizedTest(name = "without dashboard:{0} the {0} section is hidden and not called")
    @EnumSource(Service.class)
    void aSectionWithoutItsScopeIsHiddenAndNotCalled(Service hidden) throws Exception {
        String user = "s-" + hidden.id();
        dashboard(harness.token(user)); // warm every section's cache for this user
        String scope = Stream.of(Service.values()).filter(s -> s != hidden).map(s -> "dashboard:" + s.id())
            .collect(Collectors.joining(" "));
        Map<Service, Long> before = calls();
        Map<String, Object> body = dashboard(harness.token(user, "partner-app", scope));
        assertEquals(before.get(hidden), calls().get(hidden), hidden + " was called");
        assertNull(body.get(hidden.id()));
        assertEquals("missing", status(body, hidden.id()).get("state"));
        assertEquals("not-allowed", status(body, hidden.id()).get("reason"));
        assertEquals(List.of(hidden.id()), body.get("missing"));
        assertEquals(true, body.get("complete"), "complete speaks of the sections the caller may see");
        assertEquals(false, body.get("degraded"));
    }

    @Test
    void aNarrowedClientCannotWidenItselfWithScopes() throws Exception {
        Map<Service, Long> before = calls();
        Map<String, Object> body = dashboard(harness.token("n-1", "narrow", "dashboard dashboard:profile dashboard:notifications"));
        assertTrue(((Map<?, ?>) body.get("orders")) != null);
        for (Service s : List.of(Service.PROFILE, Service.NOTIFICATIONS, Service.RECOMMENDATIONS)) {
            assertEquals("not-allowed", status(body, s.id()).get("reason"), s.id());
            assertEquals(before.get(s), calls().get(s), s + " was called");
        }
        assertEquals(before.get(Service.ORDERS) + 1, calls().get(Service.ORDERS));
    }

    @Test
    void aClientIdWithCapitalsAndDotsIsMatchedExactlyThroughClientId() throws Exception {
        // a block named by such an id was read as another name (lowercase, split at dots) and never matched
        Map<String, Object> narrowed = dashboard(harness.token("g-1", "123-abc.apps.GoogleUserContent.com", "dashboard"));
        assertNotNull(narrowed.get("orders"));
        assertEquals("not-allowed", status(narrowed, "profile").get("reason"));
        Map<String, Object> other = dashboard(harness.token("g-1", "123-abc.apps.googleusercontent.com", "dashboard"));
        assertNotNull(other.get("profile"), "an id that differs in case is another client");
    }
}
