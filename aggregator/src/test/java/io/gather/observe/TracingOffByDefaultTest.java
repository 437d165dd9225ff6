package io.gather.observe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.stubs.Service;
import io.gather.stubs.ServiceStub;
import io.gather.testing.GatherHarness;
import io.gather.testing.OtlpReceiver;
import io.micronaut.context.ApplicationContext;
import io.micronaut.http.filter.HttpClientFilter;
import io.micronaut.http.filter.HttpServerFilter;
import io.micronaut.runtime.server.EmbeddedServer;
import io.micronaut.tracing.opentelemetry.instrument.http.client.OpenTelemetryClientFilter;
import io.micronaut.tracing.opentelemetry.instrument.http.server.OpenTelemetryServerFilter;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.trace.Tracer;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Tracing is off unless {@code gather.tracing.enabled} says otherwise: Micronaut Tracing makes no OpenTelemetry,
 * no tracer and no tracing filter (nothing on the request path), nothing is ever sent to an OTLP receiver, and each
 * downstream call carries Gather's own single {@code traceparent}.
 */
class TracingOffByDefaultTest {

    @Test
    void byDefaultThereIsNoTracerAndNoTracingFilter() {
        try (GatherHarness harness = new GatherHarness();
             EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, new HashMap<>(harness.properties()))) {
            ApplicationContext context = server.getApplicationContext();
            assertFalse(context.getBean(TracingSettings.class).isEnabled());
            for (Class<?> type : List.of(OpenTelemetry.class, Tracer.class, OpenTelemetryServerFilter.class,
                OpenTelemetryClientFilter.class, OpenTelemetryTraces.class)) {
                assertFalse(context.containsBean(type), type.getSimpleName() + " exists with tracing off");
            }
            for (Object filter : context.getBeansOfType(HttpServerFilter.class)) {
                assertFalse(filter.getClass().getName().startsWith("io.micronaut.tracing"), filter.toString());
            }
            for (Object filter : context.getBeansOfType(HttpClientFilter.class)) {
                assertFalse(filter.getClass().getName().startsWith("io.micronaut.tracing"), filter.toString());
            }
        }
    }

    @Test
    void byDefaultNothingIsSentEvenWithAnEndpointConfigured() throws Exception {
        try (GatherHarness harness = new GatherHarness(); OtlpReceiver receiver = OtlpReceiver.start()) {
            Map<String, Object> p = new HashMap<>(harness.properties());
            p.put("gather.tracing.endpoint", receiver.endpoint());
            p.put("otel.bsp.schedule.delay", "1ms");
            try (EmbeddedServer server = ApplicationContext.run(EmbeddedServer.class, p)) {
                for (int i = 0; i < 3; i++) {
                    assertEquals(200, harness.get(server.getURI(), "/api/v1/dashboard", Map.of(
                        "Authorization", "Bearer " + harness.token("u-42"), "X-Request-Id", "off-" + i)).statusCode());
                }
                for (Service service : Service.values()) {
                    List<ServiceStub.Seen> calls = harness.stubs.service(service).recent().stream()
                        .filter(s -> s.requestId() != null && s.requestId().startsWith("off-")).toList();
                    assertEquals(3, calls.size(), service.toString());
                    for (ServiceStub.Seen call : calls) {
                        assertEquals(1, call.traceparentFields(), service + ": Gather's own traceparent, once");
                        assertTrue(call.traceparent().matches("00-[0-9a-f]{32}-[0-9a-f]{16}-00"), call.traceparent());
                    }
                }
            }
            // stopped: with tracing on, stopping flushes every span not yet sent (TracingExportTest); off, there were none
            assertEquals(0, receiver.posts(), "trace exports received with tracing off");
        }
    }
}
