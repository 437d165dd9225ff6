package io.gather.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.gather.dashboard.CallContext;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MutableHttpRequest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** W3C trace context: a valid traceparent is continued with its tracestate; anything else starts a new trace. */
class TraceContextsTest {
    static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";

    @Test
    void aValidParentIsContinuedWithItsFlagsAndState() {
        CallContext c = TraceContexts.parse("r-1", "00-" + TRACE_ID + "-00f067aa0ba902b7-01", "congo=t61rcWkgMzE");
        assertEquals(TRACE_ID, c.traceId());
        assertEquals("01", c.flags());
        assertEquals("congo=t61rcWkgMzE", c.tracestate());
        String child = c.traceparent();
        assertTrue(child.matches("00-" + TRACE_ID + "-[0-9a-f]{16}-01"), child);
        assertNotEquals(child, c.traceparent(), "each downstream call gets a parent id of its own");
    }

    @Test
    void aLaterVersionIsReadForItsFirstFourFields() {
        CallContext c = TraceContexts.parse("r-1", "cc-" + TRACE_ID + "-00f067aa0ba902b7-01-what-comes-next", null);
        assertEquals(TRACE_ID, c.traceId());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "", "garbage", "00-" + TRACE_ID + "-00f067aa0ba902b7-1",             // short flags
        "00-4BF92F3577B34DA6A3CE929D0E0E4736-00f067aa0ba902b7-01",            // uppercase
        "00-00000000000000000000000000000000-00f067aa0ba902b7-01",           // zero trace id
        "00-" + TRACE_ID + "-0000000000000000-01",                           // zero parent id
        "ff-" + TRACE_ID + "-00f067aa0ba902b7-01",                           // forbidden version
        "00-" + TRACE_ID + "-00f067aa0ba902b7-01-extra",                     // version 00 is exactly 55 characters
        "00_" + TRACE_ID + "-00f067aa0ba902b7-01", "00-" + TRACE_ID + "-00f067aa0ba902bz-01"})
    void anInvalidParentStartsANewTraceAndDropsTheState(String traceparent) {
        CallContext c = TraceContexts.parse("r-1", traceparent, "congo=t61rcWkgMzE");
        assertNotEquals(TRACE_ID, c.traceId());
        assertTrue(c.traceId().matches("[0-9a-f]{32}") && !c.traceId().matches("0+"), c.traceId());
        assertEquals("00", c.flags());
        assertNull(c.tracestate());
    }

    @Test
    void noParentStartsANewTrace() {
        CallContext a = TraceContexts.parse("r-1", null, null);
        CallContext b = TraceContexts.parse("r-2", null, null);
        assertNotEquals(a.traceId(), b.traceId());
        assertEquals("r-1", a.requestId());
    }

    @Test
    void aStateThatCannotBePassedOnIsDropped() {
        String parent = "00-" + TRACE_ID + "-00f067aa0ba902b7-01";
        assertNull(TraceContexts.parse("r", parent, "no-equals-sign").tracestate());
        assertNull(TraceContexts.parse("r", parent, "a=" + "x".repeat(600)).tracestate());
        assertNull(TraceContexts.parse("r", parent, "a=\u00e9").tracestate());
        assertEquals("a=1,b=2", TraceContexts.parse("r", parent, "a=1,b=2").tracestate());
    }

    @Test
    void aParentSentTwiceStartsANewTraceAndStatesSentTwiceAreOneList() {
        String parent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        MutableHttpRequest<?> twice = HttpRequest.GET("/api/v1/dashboard");
        twice.getHeaders().add("traceparent", parent).add("traceparent", "00-11111111111111111111111111111111-00f067aa0ba902b7-01");
        assertNotEquals("4bf92f3577b34da6a3ce929d0e0e4736", TraceContexts.forRequest(twice).traceId());

        MutableHttpRequest<?> states = HttpRequest.GET("/api/v1/dashboard");
        states.getHeaders().add("traceparent", parent).add("tracestate", "a=1").add("tracestate", "b=2");
        CallContext context = TraceContexts.forRequest(states);
        assertEquals("4bf92f3577b34da6a3ce929d0e0e4736", context.traceId());
        assertEquals("a=1,b=2", context.tracestate());
    }
}
