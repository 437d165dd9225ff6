package io.gather.dashboard.section;

import static io.gather.testing.ScriptedDownstream.both;
import static io.gather.testing.ScriptedDownstream.ok;
import static io.gather.testing.ScriptedDownstream.raw;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import ch.qos.logback.classic.Level;
import io.gather.testing.Answers;
import io.gather.testing.GatherHarness;
import io.gather.testing.HarnessBacked;
import io.gather.testing.LoggedLines;
import io.gather.testing.ScriptedDownstream;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The orders service misbehaves in ways an HTTP server library never would: broken framing, interim responses,
 * answers nobody asked for, redirects, JSON that is not a page, bodies built to exhaust a parser. Each costs at most
 * its own section (missing, with the reason a user can act on), never the next call on the same connection, which
 * may be another user's: that one gets its own answer, at once, not a timeout or a stray answer.
 */
@MicronautTest
class MisbehavingDownstreamTest extends HarnessBacked {
    private static final String CHUNKED_HEAD =
        "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n";
    private final ScriptedDownstream orders = ScriptedDownstream.started();

    @Inject EmbeddedServer server;
    @Inject JsonMapper json;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> p = harness.properties();
        p.put("micronaut.http.services.orders.url", orders.url());
        p.put("gather.downstreams.max-exchange-time", "2s");
        return p;
    }

    @AfterAll
    void stopOrders() throws IOException {
        orders.close();
    }

    static Stream<Arguments> brokenFraming() {
        return Stream.of(
            Arguments.of("a chunk size that is not hex", CHUNKED_HEAD + "zz\r\n{}\r\n0\r\n\r\n"),
            Arguments.of("a chunk size far beyond any limit", CHUNKED_HEAD + "FFFFFFFFFFFF\r\n{}"),
            Arguments.of("two Content-Lengths", "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n"
                + "Content-Length: 2\r\nContent-Length: 40\r\n\r\n{}"),
            Arguments.of("a status line that is not one", "HTTP/1.1 2OO OK\r\nContent-Length: 2\r\n\r\n{}"),
            Arguments.of("a field over the client's limit", "HTTP/1.1 200 OK\r\nX-Pad: " + "x".repeat(20_000)
                + "\r\nContent-Length: 2\r\n\r\n{}"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenFraming")
    void aResponseThatBreaksTheFramingCostsNoOtherCall(String what, String broken) throws Exception {
        orders.answer(raw(broken));
        Map<String, Object> first = dashboard();
        assertEquals("missing", ordersState(first).get("state"));
        assertEquals("bad-body", ordersState(first).get("reason"));
        assertEquals("The service answered with HTTP that could not be read.", ordersState(first).get("detail"));

        orders.answer(ok(page(7)));
        Map<String, Object> next = dashboard();
        // before, the next call was given the broken connection and was missing: timeout
        assertEquals("ok", ordersState(next).get("state"), "the next call is not given the broken connection");
        assertEquals(7, ordersOf(next).get("totalCount"));
    }

    @Test
    void aContentLengthShorterThanTheBodyCostsNoOtherCall() throws Exception {
        String body = page(31);
        orders.answer(raw("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + (body.length() - 10)
            + "\r\n\r\n" + body));
        assertEquals("bad-body", ordersState(dashboard()).get("reason"), "the page cut short is no page");

        orders.answer(ok(page(32)));
        Map<String, Object> next = dashboard();
        // before, the next call read the 10 bytes left as the start of its answer: missing, bad-body
        assertEquals("ok", ordersState(next).get("state"), "the next call is not given the connection");
        assertEquals(32, ordersOf(next).get("totalCount"));
    }

    @ParameterizedTest(name = "{0} before the answer")
    @ValueSource(strings = {"100 Continue", "102 Processing", "103 Early Hints"})
    void interimResponsesAreSkipped(String interim) throws Exception {
        orders.answer(both(raw("HTTP/1.1 " + interim + "\r\nLink: </style.css>; rel=preload\r\n\r\n"), ok(page(11))));
        Map<String, Object> body = dashboard();
        assertEquals("ok", ordersState(body).get("state"));
        assertEquals(11, ordersOf(body).get("totalCount"));

        orders.answer(ok(page(12)));
        assertEquals(12, ordersOf(dashboard()).get("totalCount"), "and the connection stays in step");
    }

    @Test
    void anAnswerNobodyAskedForIsNeverTakenForTheNextCall() throws Exception {
        orders.answer(both(ok(page(21)), ok(page(666))));
        assertEquals(21, ordersOf(dashboard()).get("totalCount"));

        orders.answer(ok(page(22)));
        Map<String, Object> next = dashboard();
        assertEquals("ok", ordersState(next).get("state"));
        assertEquals(22, ordersOf(next).get("totalCount"), "not the answer that came unasked");
    }

    @Test
    void aRedirectIsTheServicesErrorStatusAndIsNotFollowed() throws Exception {
        orders.answer(raw("HTTP/1.1 302 Found\r\nLocation: http://169.254.169.254/latest/meta-data/\r\n"
            + "Content-Length: 0\r\n\r\n"));
        HttpResponse<String> r = harness.getAs(server.getURI(), "/api/v1/dashboard", "u-5");
        Map<String, Object> orders = Answers.section(Answers.body(json, r), "orders");
        assertEquals("error-status", orders.get("reason"));
        assertEquals(302, orders.get("upstreamStatus"));
        assertFalse(r.body().contains("169.254"), "the Location is not shown: " + r.body());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
        "{\"error\":\"upstream timed out\"}", "{\"items\":null,\"totalCount\":3}", "{}", "[]", "null",
        "{\"items\":[{\"id\":\"o-1\"}]}", "{\"items\":[],\"totalCount\":-5}"})
    void jsonThatIsNotAnOrdersPageIsABadBody(String notAPage) throws Exception {
        orders.answer(ok(notAPage));
        Map<String, Object> orders = ordersState(dashboard());
        assertEquals("missing", orders.get("state"), "not an empty list of orders");
        assertEquals("bad-body", orders.get("reason"));
    }

    @Test
    void aServiceThatIgnoresTheLimitIsCutToIt() throws Exception {
        String order = "{\"id\":\"o-%d\",\"placedAt\":\"2026-11-20T09:12:00Z\",\"status\":\"SHIPPED\","
            + "\"total\":{\"amount\":\"1.00\",\"currency\":\"EUR\"},\"itemCount\":1}";
        StringBuilder items = new StringBuilder();
        for (int i = 0; i < 30; i++) {
            items.append(i == 0 ? "" : ",").append(order.formatted(i));
        }
        orders.answer(ok("{\"items\":[" + items + "],\"totalCount\":30}"));
        Map<String, Object> body = dashboard();
        assertEquals("ok", ordersState(body).get("state"));
        assertEquals(10, ((List<?>) ordersOf(body).get("items")).size(), "the limit asked for (10), not 30");
        assertEquals(30, ordersOf(body).get("totalCount"));
    }

    @Test
    void aPageWithoutAContentTypeIsReadAsTheContractsJson() throws Exception {
        String page = page(51);
        orders.answer(raw("HTTP/1.1 200 OK\r\nContent-Length: " + page.length() + "\r\n\r\n" + page));
        Map<String, Object> body = dashboard();
        assertEquals("ok", ordersState(body).get("state"), "before: missing, \"answered without a body\"");
        assertEquals(51, ordersOf(body).get("totalCount"));

        String html = "<html><body>502 Bad Gateway</body></html>";
        orders.answer(raw("HTTP/1.1 200 OK\r\nContent-Length: " + html.length() + "\r\n\r\n" + html));
        assertEquals("bad-body", ordersState(dashboard()).get("reason"), "and what is not JSON is still refused");
        orders.answer(raw("HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"));
        assertEquals("The service answered without a body.", ordersState(dashboard()).get("detail"));
    }

    @Test
    void anAnswerThatNeverEndsLosesItsConnection() throws Exception {
        AtomicBoolean cut = new AtomicBoolean();
        orders.answer(out -> {
            raw(CHUNKED_HEAD + "1\r\n[\r\n").write(out);
            try {
                while (true) {                      // "1," twenty times a second, for ever: never idle, never ends
                    raw("2\r\n1,\r\n").write(out);
                    out.flush();
                    Thread.sleep(50);
                }
            } catch (IOException e) {
                cut.set(true);
                throw e;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        assertEquals("timeout", ordersState(dashboard()).get("reason"));
        // before, the client read it on (its read timeout restarts at every byte) until 1 MiB: 4 hours at this pace
        GatherHarness.eventually(cut::get, "the connection is closed once max-exchange-time (2 s) has passed");

        orders.answer(ok(page(41)));
        assertEquals(41, ordersOf(dashboard()).get("totalCount"));
    }

    @Test
    void aConnectionClosedBeforeAnyAnswerIsAskedAgain() throws Exception {
        // a keep-alive connection the service closed as the request went out: before, the section was lost
        // ("unavailable"), while a reset was asked again
        AtomicInteger calls = new AtomicInteger();
        orders.answer(out -> {
            if (calls.getAndIncrement() == 0) {
                throw new IOException("closed without a word");
            }
            ok(page(61)).write(out);
        });
        assertEquals(61, ordersOf(dashboard()).get("totalCount"));
        assertEquals(2, calls.get());
    }

    @Test
    void aStatusHttpDoesNotHaveIsUnreadableAndARetryAfterTooLongToCountIsAnHour() throws Exception {
        // before: "The service answered 999 CUSTOM.", and a Retry-After of 20 digits was dropped
        orders.answer(raw("HTTP/1.1 999 Weird\r\nContent-Length: 0\r\n\r\n"));
        assertEquals("bad-body", ordersState(dashboard()).get("reason"));
        orders.answer(raw("HTTP/1.1 503 Service Unavailable\r\nRetry-After: 99999999999999999999\r\nContent-Length: 0\r\n\r\n"));
        Map<String, Object> state = ordersState(dashboard());
        assertEquals(3600, ((Number) state.get("retryAfterSeconds")).intValue(), state.toString());
    }

    @Test
    void aSwitchingProtocolsNobodyAskedForIsUnreadableAtOnce() throws Exception {
        // before: the call waited out its timeout
        orders.answer(both(raw("HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: h2c\r\n\r\n"), ok(page(62))));
        Map<String, Object> state = ordersState(dashboard());
        assertEquals("bad-body", state.get("reason"), state.toString());
        orders.answer(ok(page(63)));
        assertEquals(63, ordersOf(dashboard()).get("totalCount"));
    }

    @Test
    void aBodyThatCannotBeInflatedIsABadBodyAndCostsNoOtherCall() throws Exception {
        // before: "could not be reached", the broken connection went back to the pool, and the next call on it
        // (another user's) failed too, with a stack trace from the pipeline's tail
        LoggedLines netty = new LoggedLines("io.netty").attach();
        try {
            orders.answer(ok("notdeflate".repeat(10).getBytes(java.nio.charset.StandardCharsets.US_ASCII), "Content-Encoding: gzip\r\n"));
            assertEquals("bad-body", ordersState(dashboard()).get("reason"));
            for (int i = 0; i < 3; i++) {
                orders.answer(ok(page(51 + i)));
                assertEquals(51 + i, ordersOf(dashboard()).get("totalCount"));
            }
            assertEquals(List.of(), netty.messages(Level.WARN));
        } finally {
            netty.detach();
        }
    }

    @Test
    void bodiesBuiltToExhaustGatherAreRefusedQuickly() throws Exception {
        LoggedLines errors = new LoggedLines("ROOT").attach();
        try {
            byte[] bomb = gzipOfZeros(64 << 20);      // 64 MiB of zeros in ~64 KiB
            orders.answer(ok(bomb, "Content-Encoding: gzip\r\n"));
            assertEquals("bad-body", ordersState(dashboard()).get("reason"), "a gzip bomb");
            orders.answer(ok("{\"items\":" + "[".repeat(100_000) + "]".repeat(100_000) + ",\"totalCount\":1}"));
            assertEquals("bad-body", ordersState(dashboard()).get("reason"), "nesting 100,000 deep");
            orders.answer(ok("{\"items\":[],\"totalCount\":1" + "0".repeat(200_000) + "}"));
            assertEquals("bad-body", ordersState(dashboard()).get("reason"), "a number of 200,000 digits");
            orders.answer(ok(page(31)));
            assertEquals(31, ordersOf(dashboard()).get("totalCount"));
            assertEquals(List.of(), errors.messages(Level.ERROR));
        } finally {
            errors.detach();
        }
    }

    private Map<String, Object> dashboard() throws Exception {
        HttpResponse<String> r = harness.getAs(server.getURI(), "/api/v1/dashboard", "u-5");
        assertEquals(200, r.statusCode(), r.body());
        return Answers.body(json, r);
    }

    private static Map<String, Object> ordersState(Map<String, Object> body) {
        return Answers.section(body, "orders");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ordersOf(Map<String, Object> body) {
        Map<String, Object> orders = (Map<String, Object>) body.get("orders");
        assertNotNull(orders, "orders: " + body.get("sections"));
        return orders;
    }

    private static String page(int totalCount) {
        return "{\"items\":[],\"totalCount\":" + totalCount + "}";
    }

    private static byte[] gzipOfZeros(int size) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            byte[] zeros = new byte[1 << 20];
            for (int written = 0; written < size; written += zeros.length) {
                gzip.write(zeros);
            }
        }
        return bytes.toByteArray();
    }
}
