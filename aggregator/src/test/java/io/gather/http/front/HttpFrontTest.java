package io.gather.http.front;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.testing.GatherHarness;
import io.gather.testing.RawHttp;
import io.gather.testing.RawHttp.Answer;
import io.gather.testing.RawHttp.Exchange;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The HTTP/1.1 front on raw sockets: every request RFC 9112 says a server must refuse is refused with
 * a problem and the connection closed, nothing is answered after it, and hostile inputs that are valid
 * HTTP reach routing and get an ordinary answer that reflects nothing.
 */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpFrontTest implements TestPropertyProvider {
    private static final Pattern REQUEST_ID = Pattern.compile("\"requestId\":\"([^\"]+)\"");
    private static final String ME = "u-1";

    private final GatherHarness harness = new GatherHarness();
    private String auth;
    private RawHttp raw;

    @Inject EmbeddedServer server;

    @Override
    public Map<String, String> getProperties() {
        return harness.properties();
    }

    @BeforeAll
    void connect() {
        auth = "Authorization: Bearer " + harness.token(ME) + "\r\n";
        raw = new RawHttp(server.getPort());
    }

    @AfterAll
    void stop() {
        harness.close();
    }

    /** A request as bytes, the status it must get, and whether the connection must then be closed. */
    record Case(String name, String request, int status, boolean closes) {
        @Override
        public String toString() {
            return name;
        }
    }

    private static Case refused(String name, String request, int status) {
        return new Case(name, request, status, true);
    }

    private static Case routed(String name, String request, int status) {
        return new Case(name, request, status, false);
    }

    private static final String HOST = "Host: gather.test\r\n";
    private static final String DASHBOARD = "GET /api/v1/dashboard HTTP/1.1\r\n";

    Stream<Case> cases() {
        String hidden = "GET /api/v1/dashboard HTTP/1.1\r\n" + HOST + auth + "\r\n";
        return Stream.of(
            // Framing, RFC 9112 §6
            refused("Content-Length with chunked", "POST /api/v1/dashboard HTTP/1.1\r\n" + HOST
                + "Content-Length: 5\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
            refused("chunked with Content-Length after it", "POST /api/v1/dashboard HTTP/1.1\r\n" + HOST
                + "Transfer-Encoding: chunked\r\nContent-Length: 5\r\n\r\n0\r\n\r\n", 400),
            refused("Content-Length with a coding that is not chunked", "POST /x HTTP/1.1\r\n" + HOST
                + "Content-Length: 5\r\nTransfer-Encoding: gzip\r\n\r\nhello", 400),
            refused("a coding that is not chunked hides a request", "POST /x HTTP/1.1\r\n" + HOST
                + "Transfer-Encoding: gzip\r\n\r\n" + hidden, 400),
            refused("chunked then gzip", "POST /x HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked, gzip\r\n\r\n0\r\n\r\n", 400),
            refused("chunked twice", "POST /x HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked, chunked\r\n\r\n0\r\n\r\n", 400),
            refused("identity", "POST /x HTTP/1.1\r\n" + HOST + "Transfer-Encoding: identity\r\n\r\n", 400),
            refused("an empty Transfer-Encoding", "POST /x HTTP/1.1\r\n" + HOST + "Transfer-Encoding: \r\n\r\n", 400),
            refused("an unknown coding before chunked", "POST /x HTTP/1.1\r\n" + HOST
                + "Transfer-Encoding: gzip, chunked\r\n\r\n0\r\n\r\n", 501),
            refused("an unknown coding on its own line before chunked", "POST /x HTTP/1.1\r\n" + HOST
                + "Transfer-Encoding: gzip\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 501),
            refused("Transfer-Encoding in HTTP/1.0", "POST /x HTTP/1.0\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n", 400),
            refused("two different Content-Lengths", "POST /x HTTP/1.1\r\n" + HOST + "Content-Length: 1\r\nContent-Length: 2\r\n\r\nab", 400),
            refused("two equal Content-Lengths", "POST /x HTTP/1.1\r\n" + HOST + "Content-Length: 2\r\nContent-Length: 2\r\n\r\nab", 400),
            refused("a Content-Length list", "POST /x HTTP/1.1\r\n" + HOST + "Content-Length: 2, 2\r\n\r\nab", 400),
            refused("a signed Content-Length", "POST /x HTTP/1.1\r\n" + HOST + "Content-Length: +2\r\n\r\nab", 400),
            refused("a negative Content-Length", "POST /x HTTP/1.1\r\n" + HOST + "Content-Length: -1\r\n\r\n", 400),
            refused("a Content-Length that is not a number", "POST /x HTTP/1.1\r\n" + HOST + "Content-Length: 0x10\r\n\r\n", 400),
            refused("a Content-Length that overflows", "POST /x HTTP/1.1\r\n" + HOST
                + "Content-Length: 99999999999999999999999\r\n\r\n", 400),
            refused("a chunk size that is not hex", "POST /x HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\nzz\r\nabc\r\n0\r\n\r\n", 400),
            refused("a chunk without its CRLF", "POST /x HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\n3\r\nabcdef\r\n0\r\n\r\n", 400),
            // Limits hold for every method and path
            refused("a 1 MiB body declared to the dashboard", "POST /api/v1/dashboard HTTP/1.1\r\n" + HOST + "Content-Length: 1048576\r\n\r\n", 413),
            refused("a 1 MiB body declared to an unknown path", "PUT /nothing/here HTTP/1.1\r\n" + HOST + "Content-Length: 1048576\r\n\r\n", 413),
            refused("a large body on HEAD", "HEAD /api/v1/dashboard HTTP/1.1\r\n" + HOST + "Content-Length: 16385\r\n\r\n", 413),
            refused("a large body on OPTIONS", "OPTIONS * HTTP/1.1\r\n" + HOST + "Content-Length: 20000\r\n\r\n", 413),
            refused("a chunked body over the limit", "POST /nothing HTTP/1.1\r\n" + HOST + "Transfer-Encoding: chunked\r\n\r\n"
                + ("2000\r\n" + "x".repeat(0x2000) + "\r\n").repeat(3) + "0\r\n\r\n", 413),
            refused("an overlong request line", "GET /api/v1/dashboard?pad=" + "x".repeat(5000) + " HTTP/1.1\r\n" + HOST + "\r\n", 414),
            refused("an oversized header block", DASHBOARD + HOST + ("X-Pad: " + "x".repeat(1000) + "\r\n").repeat(20) + "\r\n", 431),
            // Host, RFC 9112 §3.2
            refused("no Host in HTTP/1.1", DASHBOARD + auth + "\r\n", 400),
            refused("two Hosts", DASHBOARD + HOST + "Host: evil.test\r\n" + auth + "\r\n", 400),
            refused("a Host with a space", DASHBOARD + "Host: a b\r\n" + auth + "\r\n", 400),
            // Authorization is not a list: two could be read differently in front of Gather and in it (RFC 6750 §3.1)
            refused("two Authorization fields", DASHBOARD + HOST + auth + "Authorization: Bearer x\r\n\r\n", 400),
            refused("two Authorization fields, the valid one last", DASHBOARD + HOST + "Authorization: Bearer x\r\n" + auth + "\r\n", 400),
            refused("a Host with a path", DASHBOARD + "Host: a/b\r\n" + auth + "\r\n", 400),
            refused("a Host with user info", DASHBOARD + "Host: user@gather.test\r\n" + auth + "\r\n", 400),
            refused("a Host with a port that is not a number", DASHBOARD + "Host: gather.test:80a\r\n" + auth + "\r\n", 400),
            // Request line, RFC 9112 §3 and RFC 9110 §9.1
            refused("a method in lower case", "get /api/v1/dashboard HTTP/1.1\r\n" + HOST + auth + "\r\n", 501),
            refused("an unknown method", "BREW /api/v1/dashboard HTTP/1.1\r\n" + HOST + auth + "\r\n", 501),
            refused("CONNECT", "CONNECT gather.test:443 HTTP/1.1\r\n" + HOST + "\r\n", 501),
            refused("HTTP/2.0 in an HTTP/1 request line", "GET /api/v1/dashboard HTTP/2.0\r\n" + HOST + auth + "\r\n", 505),
            refused("the version in lower case", "GET /api/v1/dashboard http/1.1\r\n" + HOST + auth + "\r\n", 400),
            refused("HTTP/1.2", "GET /api/v1/dashboard HTTP/1.2\r\n" + HOST + auth + "\r\n", 400),
            refused("no version (HTTP/0.9)", "GET /api/v1/dashboard\r\n\r\n", 400),
            refused("a target without a leading slash", "GET api/v1/dashboard HTTP/1.1\r\n" + HOST + auth + "\r\n", 400),
            refused("an asterisk target on GET", "GET * HTTP/1.1\r\n" + HOST + "\r\n", 400),
            refused("a NUL in the target", "GET /api/v1/dash\0board HTTP/1.1\r\n" + HOST + auth + "\r\n", 400),
            refused("a raw non-ASCII byte in the target", "GET /api/v1/users/\u00e9/dashboard HTTP/1.1\r\n" + HOST + auth + "\r\n", 400),
            refused("a broken percent escape", "GET /api/v1/users/%zz/dashboard HTTP/1.1\r\n" + HOST + auth + "\r\n", 400),
            refused("quotes and angle brackets in the target", "GET /api/v1/users/\"<x>\"/dashboard HTTP/1.1\r\n" + HOST + auth + "\r\n", 400),
            refused("an absolute-form target with another scheme", "GET ftp://gather.test/api/v1/dashboard HTTP/1.1\r\n" + HOST + auth + "\r\n", 400),
            // Header fields, RFC 9112 §5 and §2.2
            refused("whitespace before the colon", DASHBOARD + "Host : gather.test\r\n" + auth + "\r\n", 400),
            refused("a folded line before the first field", DASHBOARD + " X-Folded: yes\r\n" + HOST + auth + "\r\n", 400),
            refused("a bare CR in a value", DASHBOARD + HOST + "X-A: a\rb\r\n" + auth + "\r\n", 400),
            refused("bare LF line ends", DASHBOARD.replace("\r\n", "\n") + HOST.replace("\r\n", "\n") + auth.replace("\r\n", "\n") + "\n", 400),
            refused("a NUL in a value", DASHBOARD + HOST + "X-A: a\0b\r\n" + auth + "\r\n", 400),
            refused("a field name that is not a token", DASHBOARD + HOST + "X(A): b\r\n" + auth + "\r\n", 400),
            refused("a line without a colon", DASHBOARD + HOST + "Nonsense\r\n" + auth + "\r\n", 400),
            refused("a CR smuggled into an Accept parameter", DASHBOARD + HOST + "Accept: application/json; charset=evil\rX-Injected: yes\r\n"
                + auth + "\r\n", 400),
            // Bytes that are not HTTP at all
            refused("a TLS ClientHello", "\u0016\u0003\u0001\u0002\u0000\u0001\u0000\u01fc\u0003\u0003" + "\u00aa".repeat(32) + "\u0000", 400),
            refused("NUL bytes", "\0\0\0\0GET / HTTP/1.1\r\n\r\n", 400),
            refused("a word and a line end", "HELLO\r\n\r\n", 400),
            // Hostile but valid HTTP: routed, answered, and the connection stays open
            routed("a path trick in the user id", "GET /api/v1/users/..%2f/dashboard HTTP/1.1\r\n" + HOST + auth + "\r\n", 403),
            routed("dot segments in the path", "GET /api/v1/users/" + ME + "/../u-2/dashboard HTTP/1.1\r\n" + HOST + auth + "\r\n", 404),
            routed("an encoded CR LF in the user id", "GET /api/v1/users/%0d%0aX-Injected:%20yes/dashboard HTTP/1.1\r\n"
                + HOST + auth + "\r\n", 403),
            routed("an encoded slash in the user id", "GET /api/v1/users/u-2%2fdashboard HTTP/1.1\r\n" + HOST + auth + "\r\n", 404),
            routed("TRACE, which is not echoed", "TRACE /api/v1/dashboard HTTP/1.1\r\n" + HOST + auth + "\r\n", 405),
            routed("an absolute-form target", "GET http://gather.test/api/v1/dashboard HTTP/1.1\r\n" + HOST + "\r\n", 401),
            routed("an IPv6 Host", DASHBOARD + "Host: [::1]:8080\r\n\r\n", 401),
            routed("a folded line inside a field (joined with a space, RFC 9112 §5.2)", DASHBOARD + HOST + "X-Folded: a\r\n b\r\n\r\n", 401),
            routed("empty lines before the request line", "\r\n\r\n" + DASHBOARD + HOST + "\r\n", 401),
            routed("a small chunked body to an unknown path", "POST /nothing HTTP/1.1\r\n" + HOST
                + "Transfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n", 404),
            // RFC 9112 section 7.1.1: unknown chunk extensions are ignored (Netty 4.2.12 refused one ending in a value)
            routed("chunk extensions, with and without values", "POST /nothing HTTP/1.1\r\n" + HOST
                + "Transfer-Encoding: chunked\r\n\r\n5;a=1;b\r\nhello\r\n3 ; c=\"x y\"\r\nabc\r\n0;d=2\r\n\r\n", 404),
            refused("a chunk extension with a bare LF in a quoted value", "POST /x HTTP/1.1\r\n" + HOST
                + "Transfer-Encoding: chunked\r\n\r\n3;a=\"x\ny\"\r\nabc\r\n0\r\n\r\n", 400),
            routed("an Accept with parameters", DASHBOARD + HOST + "Accept: application/json;foo=bar\r\n" + auth + "\r\n", 200),
            routed("an Accept with a charset", DASHBOARD + HOST + "Accept: application/json; charset=evil\r\n" + auth + "\r\n", 200),
            routed("an Accept with parameters, no token", DASHBOARD + HOST + "Accept: application/problem+json;x=\"y\", application/json;q=0.1\r\n\r\n", 401),
            routed("an Accept for another type: the JSON answer", DASHBOARD + HOST + "Accept: text/html\r\n" + auth + "\r\n", 200));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void eachRequestGetsItsStatusAndOneAnswer(Case c) throws Exception {
        boolean head = c.request().startsWith("HEAD ");
        Exchange exchange = raw.send(c.request().getBytes(StandardCharsets.ISO_8859_1), 1, head);
        Answer answer = exchange.only();
        assertEquals(c.status(), answer.status(), answer.body());
        assertEquals(c.closes(), exchange.closed(), "connection closed");
        assertNull(answer.header("X-Injected"), "a header built from input");
        if (head) {
            assertEquals("application/problem+json", answer.header("Content-Type"));   // a HEAD answer has no body
            assertNotNull(answer.header("Date"));
            assertNotNull(answer.header("X-Request-Id"));
        } else if (c.status() >= 400) {
            assertProblem(answer, c.status());
        } else {
            assertEquals("application/json", answer.header("Content-Type"));
        }
        if (c.closes()) {
            assertEquals("close", answer.header("Connection"));
        }
    }

    /** Every error answer, from the front or from Micronaut, is the same problem (README, "Errors"). */
    private static void assertProblem(Answer answer, int status) {
        assertEquals("application/problem+json", answer.header("Content-Type"), answer.body());
        assertTrue(answer.body().contains("\"status\":" + status), answer.body());
        assertTrue(answer.body().matches(".*\"instance\":\"(/|urn:uuid:)[^\"]*\".*"), answer.body());
        assertNotNull(answer.header("Date"), "Date");
        Matcher id = REQUEST_ID.matcher(answer.body());
        assertTrue(id.find(), answer.body());
        assertEquals(id.group(1), answer.header("X-Request-Id"));
        assertFalse(answer.body().contains("Exception") || answer.body().contains("\tat "), answer.body());
    }

    @Test
    void aRequestHiddenInTheBodyOfContentLengthWithChunkedIsNeverAnswered() throws Exception {
        String hidden = "GET /api/v1/dashboard HTTP/1.1\r\n" + HOST + "X-Request-Id: hidden\r\n" + auth + "\r\n";
        String body = "0\r\n\r\n" + hidden;
        // A proxy that trusts Content-Length forwards one request; one that trusts chunked sees two.
        String smuggler = "POST /api/v1/dashboard HTTP/1.1\r\n" + HOST + "Content-Length: " + body.length() + "\r\n"
            + "Transfer-Encoding: chunked\r\n\r\n" + body;
        Exchange exchange = raw.send(smuggler, 2);
        assertEquals(1, exchange.answers().size(), "answers");
        assertEquals("", exchange.extra());
        assertTrue(exchange.closed());
        assertProblem(exchange.answers().get(0), 400);
        assertFalse(exchange.answers().get(0).body().contains("hidden"));
    }

    @Test
    void wellFormedPipelinedRequestsAreAnsweredInOrderOnAnOpenConnection() throws Exception {
        String first = DASHBOARD + HOST + "X-Request-Id: first\r\n" + auth + "\r\n";
        String second = "GET /api/v1/users/" + ME + "/dashboard HTTP/1.1\r\n" + HOST + "X-Request-Id: second\r\n" + auth + "\r\n";
        String third = "GET /nothing HTTP/1.1\r\n" + HOST + "X-Request-Id: third\r\n\r\n";
        Exchange exchange = raw.send(first + second + third, 3);
        List<Answer> answers = exchange.answers();
        // the dashboards' own statuses depend on the stubs and the machine's load; the order and the framing do not
        assertEquals(404, answers.get(2).status());
        assertEquals(List.of("first", "second", "third"), answers.stream().map(a -> a.header("X-Request-Id")).toList());
        assertFalse(exchange.closed());
        assertEquals("", exchange.extra());
    }

    @Test
    void aMalformedRequestBehindAGoodOneIsAnsweredAfterItAndNothingFollows() throws Exception {
        String good = DASHBOARD + HOST + "X-Request-Id: good\r\n" + auth + "\r\n";
        String bad = DASHBOARD + "Host : gather.test\r\n" + auth + "\r\n";
        String after = DASHBOARD + HOST + "X-Request-Id: after\r\n" + auth + "\r\n";
        Exchange exchange = raw.send(good + bad + after, 3);
        assertEquals(2, exchange.answers().size());
        assertEquals(400, exchange.answers().get(1).status());
        assertEquals("good", exchange.answers().get(0).header("X-Request-Id"));
        assertTrue(exchange.closed());
    }

    @Test
    void aRefusedRequestBehindAGoodOneWaitsForItsAnswer() throws Exception {
        String good = DASHBOARD + HOST + "X-Request-Id: good\r\n" + auth + "\r\n";
        String bad = "get /api/v1/dashboard HTTP/1.1\r\n" + HOST + "X-Request-Id: bad\r\n\r\n";
        Exchange exchange = raw.send(good + bad + good, 3);
        // the good request's own answer (whatever the dashboard came to) first, then the refusal, then nothing
        assertEquals(2, exchange.answers().size());
        assertEquals("good", exchange.answers().get(0).header("X-Request-Id"));
        assertEquals(501, exchange.answers().get(1).status());
        assertEquals("bad", exchange.answers().get(1).header("X-Request-Id"));
        assertTrue(exchange.closed());
    }

    @Test
    void aHeadAnswerGivesTheLengthOfTheGetAndKeepsTheConnection() throws Exception {
        String get = DASHBOARD + HOST + "Accept-Encoding: identity\r\n" + auth + "\r\n";
        String head = get.replaceFirst("GET", "HEAD");
        Exchange exchange = raw.send(head.getBytes(StandardCharsets.ISO_8859_1), 1, true);
        assertEquals(200, exchange.only().status());
        assertFalse(exchange.closed(), "a HEAD answer is framed by its fields, so the connection stays");
        String length = exchange.only().header("Content-Length");
        assertTrue(length != null && Integer.parseInt(length) > 0, "Content-Length " + length);
        Answer body = raw.send(get).only();
        if (body.header("ETag") != null && body.header("ETag").equals(exchange.only().header("ETag"))) {   // the same dashboard
            assertEquals(String.valueOf(body.body().getBytes(StandardCharsets.UTF_8).length), length);
        }

        Exchange unknown = raw.send(("HEAD /nothing HTTP/1.1\r\n" + HOST + "\r\n").getBytes(StandardCharsets.ISO_8859_1), 1, true);
        assertEquals(404, unknown.only().status());
        assertFalse(unknown.closed(), "a HEAD problem too");
    }

    @ParameterizedTest(name = "Connection: {0}")
    @ValueSource(strings = {"keep-alive, close", "foo, close", "Upgrade, Close", "close,"})
    void aCloseOptionAnywhereInConnectionEndsTheConnectionAfterItsAnswer(String connection) throws Exception {
        Exchange exchange = raw.send("GET /nothing HTTP/1.1\r\n" + HOST + "Connection: " + connection + "\r\n\r\n"
            + "GET /nothing-either HTTP/1.1\r\n" + HOST + "\r\n", 1);
        assertEquals(404, exchange.answers().get(0).status());
        assertEquals("close", exchange.answers().get(0).header("Connection"));
        assertTrue(exchange.closed(), "closed after the first answer");
        assertEquals("", exchange.extra(), "the request after it is not answered");
    }

    @Test
    void requestsSentBehindOneThatClosesAreNeverProcessed() throws Exception {
        // RFC 9112 section 9.6: they were routed, admitted and counted against the caller's rate limit, then cut
        String token = harness.token("u-pipelined");
        String dashboard = DASHBOARD + HOST + "Authorization: Bearer " + token + "\r\n";
        int before = quotaRemaining(raw.send(dashboard + "\r\n").only());
        Exchange exchange = raw.send(dashboard + "Connection: close\r\n\r\n" + dashboard + "\r\n" + dashboard + "\r\n", 1);
        assertEquals(200, exchange.answers().get(0).status());
        assertTrue(exchange.closed());
        int after = quotaRemaining(raw.send(dashboard + "\r\n").only());
        assertEquals(before - 2, after, "only the request that closed and this one were counted");
    }

    @Test
    void aMethodTheDashboardDoesNotAllowSpendsNoQuotaAndNoTurn() throws Exception {
        String dashboard = "/api/v1/dashboard HTTP/1.1\r\n" + HOST + "Authorization: Bearer " + harness.token("u-methods") + "\r\n";
        int before = quotaRemaining(raw.send("GET " + dashboard + "\r\n").only());
        for (String method : new String[] {"POST", "DELETE", "TRACE"}) {
            assertEquals(405, raw.send(method + " " + dashboard + "Content-Length: 0\r\n\r\n").only().status(), method);
        }
        assertEquals(before - 1, quotaRemaining(raw.send("GET " + dashboard + "\r\n").only()), "only the two GETs counted");
    }

    @Test
    void optionsNamesTheMethodsOfItsTargetWithoutATokenAQuotaOrABody() throws Exception {
        String dashboard = "/api/v1/dashboard HTTP/1.1\r\n" + HOST + "Authorization: Bearer " + harness.token("u-options") + "\r\n";
        int before = quotaRemaining(raw.send("GET " + dashboard + "\r\n").only());
        for (String request : new String[] {"OPTIONS " + dashboard + "\r\n",
                "OPTIONS /api/v1/users/u-9/dashboard HTTP/1.1\r\n" + HOST + "\r\n", "OPTIONS * HTTP/1.1\r\n" + HOST + "\r\n"}) {
            Exchange exchange = raw.send(request);
            Answer answer = exchange.only();
            assertEquals(200, answer.status(), request);
            assertEquals(List.of("GET", "HEAD", "OPTIONS"),
                Stream.of(answer.header("Allow").split(",")).map(String::trim).sorted().toList(), request);
            assertEquals("0", answer.header("Content-Length"), request);
            assertEquals("", answer.body(), request);
            assertNull(answer.header("Content-Type"), request);
            assertFalse(exchange.closed(), request);
        }
        assertEquals(404, raw.send("OPTIONS /nothing/here HTTP/1.1\r\n" + HOST + "\r\n").only().status(), "nothing at the path");
        assertEquals(before - 1, quotaRemaining(raw.send("GET " + dashboard + "\r\n").only()), "only the two GETs counted");
    }

    private static int quotaRemaining(Answer answer) {
        java.util.regex.Matcher r = java.util.regex.Pattern.compile(";r=(\\d+)").matcher(answer.header("RateLimit"));
        assertTrue(r.find(), answer.header("RateLimit"));
        return Integer.parseInt(r.group(1));
    }

    @ParameterizedTest(name = "Accept-Encoding: {0}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {"*|gzip", "GZIP|gzip", "snappy|none", "identity, gzip;q=0.5|none"})
    void theAnswerIsCodedOnlyInWhatCallersCanDecode(String acceptEncoding, String coding) throws Exception {
        Answer answer = raw.send(DASHBOARD + HOST + auth + "Accept-Encoding: " + acceptEncoding + "\r\n\r\n").only();
        assertEquals(200, answer.status());
        assertEquals(coding, answer.header("Content-Encoding"), "Micronaut had answered * with snappy");
    }

    @Test
    void everyAnswerIsDatedInImfFixdate() throws Exception {
        // RFC 9110 section 5.6.7: a two-digit day, GMT; Micronaut wrote "Mon, 7 Dec 2026" on the 7th
        java.util.regex.Pattern imfFixdate = java.util.regex.Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), [0-9]{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) [0-9]{4} [0-9]{2}:[0-9]{2}:[0-9]{2} GMT");
        for (String request : new String[] {DASHBOARD + HOST + auth + "\r\n", "GET /nothing HTTP/1.1\r\n" + HOST + "\r\n",
            DASHBOARD + HOST + "\r\n", "BREW / HTTP/1.1\r\n" + HOST + "\r\n"}) {
            Answer answer = raw.send(request).answers().get(0);
            List<String> dates = answer.headers().get("date");
            assertEquals(1, dates.size(), request);
            assertTrue(imfFixdate.matcher(dates.get(0)).matches(), answer.status() + ": " + dates.get(0));
        }
    }

    @ParameterizedTest(name = "Accept: {0}, Connection: {1}")
    @CsvSource(delimiter = '|', nullValues = "none", value = {"application/x-ndjson|none", "text/event-stream|none",
        "application/x-ndjson|keep-alive", "text/event-stream|keep-alive"})
    void anHttp10StreamIsSentWithoutChunksAndEndsWithTheConnection(String accept, String connection) throws Exception {
        // RFC 9112 section 6.1: no Transfer-Encoding to an HTTP/1.0 client, which would read the chunk sizes as data
        String keepAlive = connection == null ? "" : "Connection: " + connection + "\r\n";
        Exchange exchange = raw.send("GET /api/v1/dashboard?sections=profile,orders HTTP/1.0\r\n" + HOST + keepAlive
            + "Accept: " + accept + "\r\n" + auth + "\r\n");
        Answer answer = exchange.only();
        assertEquals(200, answer.status());
        assertEquals(accept, answer.header("Content-Type"));
        assertNull(answer.header("Transfer-Encoding"));
        assertNull(answer.header("Content-Length"));
        assertEquals("close", answer.header("Connection"));
        assertTrue(exchange.closed(), "the end of the body is the end of the connection");
        List<String> events = answer.body().lines().filter(l -> l.contains("\"event\":")).toList();
        assertEquals(3, events.size(), answer.body());
        assertTrue(events.get(2).contains("\"event\":\"summary\""), answer.body());
        assertTrue(answer.body().lines().allMatch(l -> l.isEmpty() || l.startsWith("{") || l.startsWith("event: ")
            || l.startsWith("data: {")), "nothing but events: " + answer.body());
    }

    @Test
    void anHttp10JsonAnswerKeepsItsLengthAndAnHttp11StreamItsChunks() throws Exception {
        Exchange json = raw.send("GET /api/v1/dashboard HTTP/1.0\r\n" + HOST + "Connection: keep-alive\r\n" + auth + "\r\n");
        assertEquals(200, json.only().status());
        assertEquals(String.valueOf(json.only().body().getBytes(StandardCharsets.UTF_8).length), json.only().header("Content-Length"));
        assertNull(json.only().header("Transfer-Encoding"));

        Exchange stream = raw.send(DASHBOARD + HOST + "Accept: application/x-ndjson\r\n" + auth + "\r\n");
        assertEquals("chunked", stream.only().header("Transfer-Encoding"));
        assertTrue(stream.only().body().contains("\"event\":\"summary\""), stream.only().body());
        assertFalse(stream.closed(), "HTTP/1.1: the connection stays open after the last chunk");
    }

    @Test
    void aWebSocketUpgradeIsIgnoredAndTheRequestAnsweredAsHttp() throws Exception {
        Exchange exchange = raw.send(DASHBOARD + HOST + auth + "Connection: Upgrade\r\nUpgrade: websocket\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
        assertEquals(200, exchange.only().status(), "the dashboard, not a 404 for a WebSocket route that does not exist");
        assertEquals("application/json", exchange.only().header("Content-Type"));
    }

    @Test
    void aFrontAnswerKeepsAPlainRequestIdAndNamesThePath() throws Exception {
        Answer answer = raw.send("BREW /api/v1/dashboard?x=1 HTTP/1.1\r\n" + HOST + "X-Request-Id: pot-42\r\n\r\n").only();
        assertEquals("pot-42", answer.header("X-Request-Id"));
        assertTrue(answer.body().contains("\"instance\":\"/api/v1/dashboard\""), answer.body());
        assertTrue(answer.body().contains("\"requestId\":\"pot-42\""), answer.body());
    }

    @Test
    void aLargeBodyIsRefusedBeforeItIsSentAndTheSenderSeesTheAnswer() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", server.getPort())) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("PUT /api/v1/dashboard HTTP/1.1\r\n" + HOST + "Content-Length: 1048576\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
            CompletableFuture<Void> sender = CompletableFuture.runAsync(() -> {
                try {
                    byte[] chunk = new byte[16 * 1024];
                    for (int i = 0; i < 64; i++) {
                        out.write(chunk);
                    }
                } catch (Exception expected) {
                    // the server stops reading once it has answered: a write may fail
                }
            });
            Exchange exchange = RawHttp.read(socket, 1, false);
            assertProblem(exchange.only(), 413);
            assertTrue(exchange.closed());
            sender.cancel(true);
        }
    }
}
