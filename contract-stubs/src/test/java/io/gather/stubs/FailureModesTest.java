package io.gather.stubs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Each way the contract says a service fails can be produced on demand. */
class FailureModesTest {
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static ContractStubs stubs;

    @BeforeAll
    static void start() {
        stubs = ContractStubs.startInstant();
    }

    @AfterEach
    void normal() {
        stubs.reset(0);
    }

    @AfterAll
    static void stop() {
        stubs.close();
    }

    private static HttpResponse<String> orders(Duration timeout) throws IOException, InterruptedException {
        return HTTP.send(HttpRequest.newBuilder(URI.create(stubs.url(Service.ORDERS) + "/users/u-5/orders?limit=10"))
            .timeout(timeout).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> orders() throws IOException, InterruptedException {
        return orders(Duration.ofSeconds(5));
    }

    @Test
    void slowAnswersAfterTheDelay() throws Exception {
        stubs.behave(Service.ORDERS, Behaviour.slow(300));
        long t0 = System.nanoTime();
        assertEquals(200, orders().statusCode());
        assertTrue(System.nanoTime() - t0 >= 290_000_000L);
    }

    @Test
    void hangNeverAnswers() {
        stubs.behave(Service.ORDERS, Behaviour.of(Behaviour.Kind.HANG));
        assertThrows(HttpTimeoutException.class, () -> orders(Duration.ofMillis(300)));
    }

    @Test
    void refuseClosesThePortAndNormalOpensItAgain() throws Exception {
        stubs.behave(Service.ORDERS, Behaviour.of(Behaviour.Kind.REFUSE));
        assertThrows(ConnectException.class, FailureModesTest::orders);
        stubs.behave(Service.ORDERS, Behaviour.normal());
        assertEquals(200, orders().statusCode());
    }

    @Test
    void resetsBreakTheConnection() {
        stubs.behave(Service.ORDERS, Behaviour.of(Behaviour.Kind.RESET));
        assertThrows(IOException.class, FailureModesTest::orders);
        stubs.behave(Service.ORDERS, Behaviour.of(Behaviour.Kind.RESET_MID_BODY));
        assertThrows(IOException.class, FailureModesTest::orders);
    }

    @Test
    void errorStatusesComeWithOrWithoutRetryAfter() throws Exception {
        stubs.behave(Service.ORDERS, Behaviour.status(503, 7));
        HttpResponse<String> r = orders();
        assertEquals(503, r.statusCode());
        assertEquals("7", r.headers().firstValue("Retry-After").orElseThrow());
        stubs.behave(Service.ORDERS, Behaviour.status(500));
        r = orders();
        assertEquals(500, r.statusCode());
        assertTrue(r.headers().firstValue("Retry-After").isEmpty());
        stubs.behave(Service.ORDERS, Behaviour.parse("429:retry-after=1"));
        assertEquals(429, orders().statusCode());
    }

    @Test
    void badBodiesAreServedWithStatus200() throws Exception {
        stubs.behave(Service.ORDERS, Behaviour.of(Behaviour.Kind.HTML));
        HttpResponse<String> html = orders();
        assertEquals(200, html.statusCode());
        assertTrue(html.headers().firstValue("Content-Type").orElseThrow().startsWith("text/html"));

        stubs.behave(Service.ORDERS, Behaviour.of(Behaviour.Kind.TRUNCATED_JSON));
        HttpResponse<String> truncated = orders();
        assertEquals(200, truncated.statusCode());
        assertThrows(IOException.class, () -> new ObjectMapper().readTree(truncated.body()));

        stubs.behave(Service.ORDERS, Behaviour.of(Behaviour.Kind.HUGE_BODY));
        HttpResponse<String> huge = orders();
        assertTrue(huge.body().length() > 4 * 1024 * 1024);
        assertTrue(new ObjectMapper().readTree(huge.body()).has("items"));

        stubs.behave(Service.ORDERS, Behaviour.of(Behaviour.Kind.EMPTY_BODY));
        assertEquals("", orders().body());
    }

    @Test
    void behavioursParseFromTheirCommandLineForm() {
        for (String spec : new String[] {"normal", "slow:1500", "hang", "refuse", "reset", "reset-mid-body", "500",
            "503:retry-after=2", "html", "truncated-json", "huge-body", "empty-body"}) {
            assertEquals(spec, Behaviour.parse(spec).toString());
        }
        assertThrows(IllegalArgumentException.class, () -> Behaviour.parse("explode"));
    }
}
