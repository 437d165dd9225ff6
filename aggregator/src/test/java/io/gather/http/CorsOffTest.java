package io.gather.http;

import static io.gather.http.CorsExchanges.DASHBOARD;
import static io.gather.http.CorsExchanges.OTHER_ORIGIN;
import static io.gather.http.CorsExchanges.assertRefusedWithAProblem;
import static io.gather.http.CorsExchanges.dashboard;
import static io.gather.http.CorsExchanges.preflight;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.testing.HarnessBacked;
import io.gather.testing.RawHttp;
import io.gather.testing.RawHttp.Answer;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * CORS off, as shipped: a page from another origin reaching a Gather on loopback (a developer's machine, the demo) is
 * refused by Micronaut's drive-by guard, with the problem every other error has; behind a load balancer (another
 * host) an {@code Origin} changes nothing, and no CORS field is ever sent.
 */
@MicronautTest
class CorsOffTest extends HarnessBacked {

    private RawHttp raw;
    private String auth;

    @Inject EmbeddedServer server;

    @BeforeAll
    void connect() {
        raw = new RawHttp(server.getPort());
        auth = "Authorization: Bearer " + harness.token("u-1") + "\r\n";
    }

    @Test
    void aRemotePageReachingAGatherOnLoopbackIsRefusedWithAProblem() throws Exception {
        Answer answer = dashboard(raw, "127.0.0.1", OTHER_ORIGIN, auth);
        assertRefusedWithAProblem(answer);
        assertTrue(answer.body().contains("\"detail\":\"Requests from this origin are not allowed (CORS).\""), answer.body());
    }

    @Test
    void itsPreflightIsRefusedWithAProblemToo() throws Exception {
        assertRefusedWithAProblem(preflight(raw, "localhost", OTHER_ORIGIN, "GET"));
    }

    @Test
    void behindALoadBalancerAnOriginChangesNothing() throws Exception {
        Answer answer = dashboard(raw, "gather.example.test", "https://app.example.test", auth);
        assertEquals(200, answer.status());
        assertNull(answer.header("Access-Control-Allow-Origin"));
    }

    @Test
    void noAnswerVariesByOrigin() throws Exception {
        for (String origin : new String[] {null, "https://app.example.test"}) {
            Answer answer = dashboard(raw, "gather.example.test", origin, auth);
            assertEquals(java.util.List.of("Authorization, Accept, Accept-Encoding"), answer.headers().get("vary"), origin);
        }
        assertNull(dashboard(raw, "gather.example.test", null, "").header("Vary"), "a problem varies by nothing");
    }

    @Test
    void aHeadRefusalHasNoBody() throws Exception {
        String head = "HEAD " + DASHBOARD + " HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: " + OTHER_ORIGIN + "\r\n" + auth + "\r\n";
        assertRefusedWithAProblem(raw.send(head.getBytes(StandardCharsets.US_ASCII), 1, true).only()); // only(): no body bytes after
    }
}
