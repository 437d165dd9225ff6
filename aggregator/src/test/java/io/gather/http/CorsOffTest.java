package io.gather.http;

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
    private static final String DASHBOARD = "/api/v1/dashboard";

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
        Answer answer = raw.send("GET " + DASHBOARD + " HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example.test\r\n" + auth + "\r\n").only();
        assertEquals(403, answer.status());
        assertEquals(Problem.MEDIA_TYPE, answer.header("Content-Type"));
        assertTrue(answer.body().contains("\"detail\":\"Requests from this origin are not allowed (CORS).\""), answer.body());
    }

    @Test
    void itsPreflightIsRefusedWithAProblemToo() throws Exception {
        Answer answer = raw.send("OPTIONS " + DASHBOARD + " HTTP/1.1\r\nHost: localhost\r\nOrigin: https://evil.example.test"
            + "\r\nAccess-Control-Request-Method: GET\r\n\r\n").only();
        assertEquals(403, answer.status());
        assertEquals(Problem.MEDIA_TYPE, answer.header("Content-Type"));
    }

    @Test
    void behindALoadBalancerAnOriginChangesNothing() throws Exception {
        Answer answer = raw.send("GET " + DASHBOARD + " HTTP/1.1\r\nHost: gather.example.test\r\nOrigin: https://app.example.test\r\n" + auth + "\r\n").only();
        assertEquals(200, answer.status());
        assertNull(answer.header("Access-Control-Allow-Origin"));
    }

    @Test
    void aHeadRefusalHasNoBody() throws Exception {
        String head = "HEAD " + DASHBOARD + " HTTP/1.1\r\nHost: 127.0.0.1\r\nOrigin: https://evil.example.test\r\n" + auth + "\r\n";
        Answer answer = raw.send(head.getBytes(StandardCharsets.US_ASCII), 1, true).only(); // only(): no body bytes after
        assertEquals(403, answer.status());
        assertEquals(Problem.MEDIA_TYPE, answer.header("Content-Type"));
    }
}
