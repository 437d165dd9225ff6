package io.gather.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.testing.GatherHarness;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Requests outside the limits get problem+json with the right status, never a hang or a stack trace. */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpLimitsTest implements TestPropertyProvider {
    private final GatherHarness harness = new GatherHarness();

    @Inject EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return harness.properties();
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    private static void assertProblem(HttpResponse<String> r, int status) {
        assertEquals(status, r.statusCode(), r.body());
        assertEquals("application/problem+json", r.headers().firstValue("Content-Type").orElse(""), r.body());
        assertTrue(r.body().contains("\"status\":" + status), r.body());
        assertTrue(!r.body().contains("Exception") && !r.body().contains("\tat "), "a stack trace leaked: " + r.body());
    }

    @Test
    void anUnknownPathIs404() throws Exception {
        assertProblem(harness.getAs(server.getURI(), "/api/v1/nothing-here", "u-1"), 404);
    }

    @Test
    void aPostIs405() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.getURI().resolve("/api/v1/dashboard"))
                .header("Authorization", "Bearer " + harness.token("u-1"))
                .POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
            HttpResponse.BodyHandlers.ofString());
        assertProblem(r, 405);
    }

    /** Raw HTTP/1.1, as curl or a browser sends it (the JDK client would try an h2c upgrade first). */
    private String raw(String requestLineAndHeaders) throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write((requestLineAndHeaders + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(socket.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
        }
    }

    @Test
    void anOverlongUriIs414AndTheConnectionCloses() throws Exception {
        String answer = raw("GET /api/v1/dashboard?pad=" + "x".repeat(5000) + " HTTP/1.1\r\nHost: x\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 414"), answer);
        assertTrue(answer.contains("application/problem+json") && answer.contains("\"status\":414"), answer);
    }

    @Test
    void oversizedHeadersAre431AndTheConnectionCloses() throws Exception {
        String answer = raw("GET /api/v1/dashboard HTTP/1.1\r\nHost: x\r\nX-Pad: " + "x".repeat(20_000) + "\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 431"), answer);
        assertTrue(answer.contains("\"status\":431"), answer);
    }

    @Test
    void garbageIs400() throws Exception {
        String answer = raw("HELLO\r\n");
        assertTrue(answer.startsWith("HTTP/1.1 400"), answer);
    }

    @Test
    void anUnsafeRequestIdIsReplacedNotEchoed() throws Exception {
        HttpResponse<String> r = harness.get(server.getURI(), "/api/v1/dashboard",
            Map.of("Authorization", "Bearer " + harness.token("u-1"), "X-Request-Id", "<script>"));
        String id = r.headers().firstValue("X-Request-Id").orElseThrow();
        assertTrue(id.matches("[0-9a-f-]{36}"), id);
    }

    @Test
    void theServerIsBoundToLoopbackByDefault() {
        assertEquals("127.0.0.1", URI.create(server.getURL().toString()).getHost());
    }
}
