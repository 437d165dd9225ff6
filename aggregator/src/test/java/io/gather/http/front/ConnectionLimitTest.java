package io.gather.http.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.testing.HarnessBacked;
import io.gather.testing.RawHttp;
import io.gather.testing.RawHttp.Answer;
import io.gather.testing.RawHttp.Exchange;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Connections that send nothing cannot take every descriptor: past the limit, one more is answered 503 and closed. */
@MicronautTest
class ConnectionLimitTest extends HarnessBacked {
    private static final String REQUEST = "GET /nothing HTTP/1.1\r\nHost: gather.test\r\n\r\n";

    @Inject EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = new HashMap<>(super.getProperties());
        p.put("gather.front.max-connections", "2");
        return p;
    }

    @Test
    void oneConnectionPastTheLimitIsRefusedAndAClosedOneFreesItsPlace() throws Exception {
        RawHttp raw = new RawHttp(server.getPort());
        try (Socket quiet = new Socket("127.0.0.1", server.getPort()); Socket busy = new Socket("127.0.0.1", server.getPort())) {
            busy.setSoTimeout(10_000);
            busy.getOutputStream().write(REQUEST.getBytes(StandardCharsets.ISO_8859_1));
            assertEquals(404, RawHttp.read(busy, 1, false).only().status());   // both are open and counted now

            Exchange refused = raw.send(REQUEST);
            Answer answer = refused.only();
            assertEquals(503, answer.status());
            assertEquals("1", answer.header("Retry-After"));
            assertEquals("application/problem+json", answer.header("Content-Type"));
            assertTrue(answer.body().contains("as many connections open as it allows"), answer.body());
            assertTrue(refused.closed());
        }
        assertEquals(404, awaitServed(raw).status(), "closed connections free their places");
    }

    /** The server counts a connection out when it sees it close, a moment after the client closed it. */
    private static Answer awaitServed(RawHttp raw) throws Exception {
        Answer last = null;
        for (int i = 0; i < 50; i++) {
            last = raw.send(REQUEST).answers().get(0);
            if (last.status() != 503) {
                return last;
            }
            Thread.onSpinWait();
        }
        return last;
    }
}
