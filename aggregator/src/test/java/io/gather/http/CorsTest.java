package io.gather.http;

import static io.gather.http.CorsExchanges.OTHER_ORIGIN;
import static io.gather.http.CorsExchanges.assertRefusedWithAProblem;
import static io.gather.http.CorsExchanges.dashboard;
import static io.gather.http.CorsExchanges.preflight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.testing.HarnessBacked;
import io.gather.testing.RawHttp;
import io.gather.testing.RawHttp.Answer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A web app on another origin, with CORS on for it: its browser's preflight is answered without a token or a rate
 * check, its answers name the origin and expose Gather's fields to the page, and other origins are not named.
 */
@MicronautTest
class CorsTest extends HarnessBacked {
    private static final String APP = "https://app.example.test";

    private RawHttp raw;
    private String auth;

    @Inject EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("micronaut.server.cors.enabled", "true");
        p.put("micronaut.server.cors.configurations.web.allowed-origins", APP + ",https://admin.example.test");
        return p;
    }

    @BeforeAll
    void connect() {
        raw = new RawHttp(server.getPort());
        auth = "Authorization: Bearer " + harness.token("u-1") + "\r\n";
    }

    @Test
    void aPreflightFromTheAppIsAnsweredWithoutATokenOrARateCheck() throws Exception {
        Answer answer = preflight(raw, "gather.test", APP, "GET", "Access-Control-Request-Headers: authorization, if-none-match");
        assertEquals(200, answer.status());
        assertEquals(APP, answer.header("Access-Control-Allow-Origin"));
        assertTrue(answer.headers().get("access-control-allow-headers").containsAll(List.of("authorization", "if-none-match")));
        assertEquals("600", answer.header("Access-Control-Max-Age"));
        assertNull(answer.header("Access-Control-Allow-Credentials"), "bearer tokens, no cookies");
        assertNull(answer.header("RateLimit"), "a preflight spends no quota");
        assertNotNull(answer.header("Date"), "dated, though answered before routing");
    }

    @Test
    void theAppReadsTheDashboardAndTheFieldsItNeeds() throws Exception {
        Answer answer = dashboard(raw, "gather.test", APP, auth);
        assertEquals(200, answer.status());
        assertEquals(APP, answer.header("Access-Control-Allow-Origin"));
        assertTrue(answer.headers().get("access-control-expose-headers")
            .containsAll(List.of("ETag", "RateLimit", "RateLimit-Policy", "Retry-After", "Server-Timing", "X-Request-Id")));
        assertTrue(answer.headers().get("vary").stream().anyMatch(v -> v.contains("Origin")), "a cache keeps one answer per origin");
    }

    @Test
    void anotherOriginIsNotNamedSoItsBrowserKeepsTheAnswerFromThePage() throws Exception {
        Answer answer = dashboard(raw, "gather.test", OTHER_ORIGIN, auth);
        assertNull(answer.header("Access-Control-Allow-Origin"));
        assertNull(answer.header("Access-Control-Expose-Headers"));
    }

    @Test
    void everyAnswerVariesByOriginOnceWhateverTheOrigin() throws Exception {
        // the Fetch standard: an answer whose CORS fields depend on Origin says so, or a browser's cache could give a
        // page the answer it kept for a request without Origin (no Access-Control-Allow-Origin) or for another origin
        for (String origin : new String[] {null, OTHER_ORIGIN, APP}) {
            Answer answer = dashboard(raw, "gather.test", origin, auth);
            assertEquals(200, answer.status(), origin);
            assertEquals(List.of("Authorization, Accept, Accept-Encoding, Origin"), answer.headers().get("vary"), origin);
        }
        Answer refused = dashboard(raw, "gather.test", null, "");
        assertEquals(401, refused.status());
        assertEquals(List.of("Origin"), refused.headers().get("vary"), "a problem too");
        Answer stream = dashboard(raw, "gather.test", null, auth + "Accept: application/x-ndjson\r\n");
        assertEquals(List.of("Authorization, Accept, Accept-Encoding, Origin"), stream.headers().get("vary"), "a stream too");
    }

    @Test
    void aNotModifiedVariesByOriginToo() throws Exception {
        String etag = dashboard(raw, "gather.test", null, auth).header("ETag");
        for (String origin : new String[] {null, APP}) {
            Answer answer = dashboard(raw, "gather.test", origin, auth + "If-None-Match: " + etag + "\r\n");
            assertEquals(304, answer.status(), origin);
            assertEquals(List.of("Authorization, Accept, Accept-Encoding, Origin"), answer.headers().get("vary"), origin);
        }
    }

    @Test
    void aListedOriginReachingAGatherOnLoopbackIsAnswered() throws Exception {
        // the configuration trusts the listed origins: Micronaut's drive-by guard refuses only the others
        Answer answer = dashboard(raw, "127.0.0.1", APP, auth);
        assertEquals(200, answer.status());
        assertEquals(APP, answer.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aRemotePageReachingAGatherOnLoopbackIsRefusedWithAProblem() throws Exception {
        // Micronaut's guard against drive-by requests from a web page to a service on the visitor's own machine
        Answer answer = dashboard(raw, "127.0.0.1", OTHER_ORIGIN, auth);
        assertRefusedWithAProblem(answer);
        assertTrue(answer.body().contains("\"detail\":\"Requests from this origin are not allowed (CORS).\""), answer.body());
        assertNull(answer.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aPreflightFromAnotherOriginGetsAProblemAndNoPermission() throws Exception {
        // no configuration names the origin, so it is no preflight to Micronaut: OPTIONS is not a method of the path
        Answer answer = preflight(raw, "gather.test", OTHER_ORIGIN, "GET");
        assertEquals(405, answer.status());
        assertEquals(Problem.MEDIA_TYPE, answer.header("Content-Type"));
        assertNull(answer.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aPreflightForAMethodGatherDoesNotAllowIsRefusedWithAProblem() throws Exception {
        assertRefusedWithAProblem(preflight(raw, "gather.test", APP, "DELETE"));
    }

    @Test
    void aRequestWithoutOriginIsNotCrossOriginAndIsServedAsUsual() throws Exception {
        Answer answer = dashboard(raw, "gather.test", null, auth);
        assertEquals(200, answer.status());
        assertNull(answer.header("Access-Control-Allow-Origin"));
    }
}
