package io.gather.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.gather.stubs.Behaviour;
import io.gather.stubs.Service;
import io.gather.stubs.ServiceStub;
import io.gather.testing.LoggedLines;
import io.gather.testing.GatherHarness;
import io.gather.testing.OtlpReceiver;
import io.gather.testing.OtlpReceiver.Span;
import io.gather.testing.RawHttp;
import io.micronaut.context.ApplicationContext;
import io.micronaut.core.type.Argument;
import io.micronaut.json.JsonMapper;
import io.micronaut.runtime.server.EmbeddedServer;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * With {@code gather.tracing.enabled}, each API request's spans reach an OTLP/HTTP receiver (a loopback stand-in for
 * a collector) in one trace with the request: the caller's trace when it sent one, else a new one. That trace is the
 * one the access line names and every downstream call carries, in exactly one {@code traceparent} whose parent is
 * the exported span of that call, itself a child of the request's span: Gather's own trace fields and OpenTelemetry's
 * never disagree, whatever thread a call starts on (a retry, a stream's sections).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TracingExportTest {
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
    static final String CALLER_SPAN = "00f067aa0ba902b7";
    static final Duration EXPORT_WAIT = Duration.ofSeconds(10);

    private final GatherHarness harness = new GatherHarness();
    private final OtlpReceiver receiver = OtlpReceiver.start();
    private final LoggedLines lines = new LoggedLines(AccessLogFilter.LOGGER);
    private final EmbeddedServer server;
    private final JsonMapper json;

    TracingExportTest() {
        lines.attach();
        server = ApplicationContext.run(EmbeddedServer.class, tracingOn(receiver, "50ms"));
        json = server.getApplicationContext().getBean(JsonMapper.class);
    }

    /** Gather's test properties with export on to {@code receiver}, sending a batch every {@code delay}. */
    private Map<String, Object> tracingOn(OtlpReceiver to, String delay) {
        Map<String, Object> p = new HashMap<>(harness.properties());
        p.put("gather.tracing.enabled", "true");
        p.put("gather.tracing.endpoint", to.endpoint());
        p.put("otel.bsp.schedule.delay", delay);  // the OTel SDK's batch delay: small, so a test waits little
        return p;
    }

    @AfterEach
    void normal() {
        harness.stubs.reset(0);
    }

    @AfterAll
    void stop() {
        lines.detach();
        server.getApplicationContext().close();
        receiver.close();
        harness.close();
    }

    private HttpResponse<String> dashboard(String requestId, Map<String, String> extra) throws Exception {
        return dashboard("/api/v1/dashboard", requestId, extra);
    }

    private HttpResponse<String> dashboard(String path, String requestId, Map<String, String> extra) throws Exception {
        Map<String, String> headers = new HashMap<>(extra);
        headers.put("Authorization", "Bearer " + harness.token("u-42"));
        headers.put("X-Request-Id", requestId);
        HttpResponse<String> r = harness.get(server.getURI(), path, headers);
        assertEquals(200, r.statusCode(), r.body());
        return r;
    }

    private String loggedTraceId(String requestId) throws Exception {
        String line = lines.lineWith("\"requestId\":\"" + requestId + "\"");
        return (String) json.readValue(line, Argument.mapOf(String.class, Object.class)).get("traceId");
    }

    private static List<ServiceStub.Seen> seen(GatherHarness harness, Service service, String requestId) {
        return harness.stubs.service(service).recent().stream().filter(s -> requestId.equals(s.requestId())).toList();
    }

    /** The request's server span, once it and a client span per downstream call {@code calls} have arrived. */
    private Span serverSpan(String traceId, int calls) throws InterruptedException {
        List<Span> spans = receiver.await(all -> all.stream().anyMatch(s -> isServer(s, traceId))
            && all.stream().filter(s -> s.traceId().equals(traceId) && s.kind() == OtlpReceiver.CLIENT).count() >= calls, EXPORT_WAIT);
        return spans.stream().filter(s -> isServer(s, traceId)).findFirst().orElseThrow();
    }

    private static boolean isServer(Span s, String traceId) {
        return s.traceId().equals(traceId) && s.kind() == OtlpReceiver.SERVER;
    }

    /**
     * Every call a downstream saw for the request: one {@code traceparent} in {@code traceId}, whose parent id is an
     * exported client span of the request's server span.
     */
    private void eachCallIsAnExportedChildOf(Span server, String requestId, Service... services) throws InterruptedException {
        for (Service service : services) {
            List<ServiceStub.Seen> calls = seen(harness, service, requestId);
            assertTrue(!calls.isEmpty(), service + " was called");
            for (ServiceStub.Seen call : calls) {
                assertEquals(1, call.traceparentFields(), service + ": one traceparent field, not Gather's and OpenTelemetry's");
                assertTrue(call.traceparent().matches("00-" + server.traceId() + "-[0-9a-f]{16}-01"), service + ": " + call.traceparent());
                String parent = call.traceparent().substring(36, 52);
                Span client = receiver.await(all -> all.stream().anyMatch(s -> s.spanId().equals(parent)), EXPORT_WAIT).stream()
                    .filter(s -> s.spanId().equals(parent)).findFirst().orElseThrow();
                assertEquals(OtlpReceiver.CLIENT, client.kind(), service + ": " + client);
                assertEquals(server.spanId(), client.parentSpanId(), service + ": its span is a child of the request's");
            }
        }
    }

    @Test
    void aRequestsSpansArriveInTheCallersTraceAndEachDownstreamCallIsAChildOfIt() throws Exception {
        dashboard("trace-1", Map.of("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01", "tracestate", "vendor=abc"));
        Span server = serverSpan(TRACE_ID, Service.values().length);
        assertEquals(CALLER_SPAN, server.parentSpanId(), "the request's span continues the caller's");
        assertEquals("GET /api/v1/dashboard", server.name());
        assertEquals(TRACE_ID, loggedTraceId("trace-1"));
        eachCallIsAnExportedChildOf(server, "trace-1", Service.values());
        for (Service service : Service.values()) {
            assertEquals("vendor=abc", seen(harness, service, "trace-1").get(0).tracestate(), service + ": tracestate passed on");
        }
    }

    @Test
    void aRequestWithoutTraceContextIsOneNewTraceFromTheLogLineToEveryDownstream() throws Exception {
        dashboard("trace-2", Map.of("traceparent", "00-nothex-x-01"));
        String traceId = loggedTraceId("trace-2");
        assertTrue(traceId.matches("[0-9a-f]{32}"), traceId);
        assertNotEquals(TRACE_ID, traceId);
        Span server = serverSpan(traceId, Service.values().length);
        assertEquals("", server.parentSpanId(), "a new trace: the request's span is its root");
        eachCallIsAnExportedChildOf(server, "trace-2", Service.values());
    }

    @Test
    void aRetriedCallIsInTheRequestsTraceToo() throws Exception {
        harness.stubs.behave(Service.ORDERS, Behaviour.of(Behaviour.Kind.RESET)); // no answer: retried once, on another thread
        String trace = "0af7651916cd43dd8448eb211c80319c";
        dashboard("trace-3", Map.of("traceparent", "00-" + trace + "-b7ad6b7169203331-01"));
        assertEquals(2, seen(harness, Service.ORDERS, "trace-3").size(), "the call and its retry");
        Span server = serverSpan(trace, Service.values().length + 1);
        eachCallIsAnExportedChildOf(server, "trace-3", Service.values());
    }

    @Test
    void aStreamsSectionCallsAreInItsTrace() throws Exception {
        String trace = "5bd66ef5095369c7b0d1f8f4bd33716a";
        HttpResponse<String> r = dashboard("/api/v1/dashboard?sections=profile,orders", "trace-4", Map.of(
            "Accept", "application/x-ndjson", "traceparent", "00-" + trace + "-c32d953d73ad2251-01"));
        assertTrue(r.body().contains("\"event\":\"summary\""), r.body());
        Span server = serverSpan(trace, 2);
        eachCallIsAnExportedChildOf(server, "trace-4", Service.PROFILE, Service.ORDERS);
        assertEquals(trace, loggedTraceId("trace-4"));
    }

    @Test
    void aCallerWhoHangsUpEndsTheRequestsSpanAndNoErrorIsLogged() throws Exception {
        harness.stubs.behave(Service.ORDERS, Behaviour.of(Behaviour.Kind.HANG));
        long ordersCalls = harness.stubs.service(Service.ORDERS).calls();
        String trace = "8a3c60f7d188f8fa79d48a391a778fa6";
        LoggedLines micronaut = new LoggedLines("io.micronaut").attach();
        try (Socket socket = new RawHttp(server.getPort()).askDashboard(harness.token("u-42"), "X-Request-Id: trace-5",
                "traceparent: 00-" + trace + "-d75597dee50b0cac-01")) {
            GatherHarness.eventually(() -> harness.stubs.service(Service.ORDERS).calls() > ordersCalls, "orders is called");
        }
        try {
            String line = lines.lineWith("\"requestId\":\"trace-5\"");
            assertTrue(line.contains("\"status\":499"), line);
            serverSpan(trace, 0);   // the request's span ended and was exported (499 is no HttpStatus: it once failed there)
            assertEquals(List.of(), micronaut.messages(Level.WARN), "nothing logged as a warning or an error");
        } finally {
            micronaut.detach();
        }
    }

    @Test
    void spansNotYetSentAreFlushedWhenGatherStops() throws Exception {
        try (OtlpReceiver late = OtlpReceiver.start()) {
            ApplicationContext context;
            try (EmbeddedServer other = ApplicationContext.run(EmbeddedServer.class, tracingOn(late, "1h"))) {
                context = other.getApplicationContext();
                assertEquals(200, harness.getAs(other.getURI(), "/api/v1/dashboard", "u-42").statusCode());
                assertEquals(0, late.posts(), "nothing sent before the batch delay");
            }
            assertTrue(!context.isRunning());
            assertTrue(late.spans().stream().anyMatch(s -> s.kind() == OtlpReceiver.SERVER), "flushed on stop: " + late.spans());
        }
    }

    @Test
    void anEndpointThatIsNotAnHttpUrlStopsGatherAtStartup() {
        Map<String, Object> p = tracingOn(receiver, "50ms");
        p.put("gather.tracing.endpoint", "localhost:4318");
        Exception e = assertThrows(Exception.class, () -> ApplicationContext.run(EmbeddedServer.class, p).close());
        assertTrue(e.getMessage().contains("OTLP endpoint must be a valid URL: localhost:4318"), e.getMessage());
    }
}
