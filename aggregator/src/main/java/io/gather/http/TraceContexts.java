package io.gather.http;

import io.gather.dashboard.CallContext;
import io.gather.dashboard.CallContexts;
import io.gather.dashboard.DashboardQuery;
import io.micronaut.context.annotation.Primary;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.context.ServerRequestContext;
import jakarta.inject.Singleton;
import java.util.List;

/**
 * W3C trace context of a request (<a href="https://www.w3.org/TR/trace-context/">Trace Context</a>): a valid
 * {@code traceparent} is continued (its trace id and flags, with its {@code tracestate}); a missing or invalid one
 * starts a new trace, and its {@code tracestate} is dropped, as the recommendation requires. The result is the
 * request's {@link CallContext}, made once per request and kept as a request attribute.
 *
 * <p>When an {@link ExternalTracer} traces requests (OpenTelemetry, when Gather exports traces), it has the last
 * word: it reads the same fields (by the same W3C rules) to start the request's span, and {@link #adopt} then puts
 * the request's context in the tracer's trace, before anything reads it downstream.
 */
@Singleton
@Primary
public final class TraceContexts implements CallContexts {
    public static final String TRACEPARENT = "traceparent";
    public static final String TRACESTATE = "tracestate";
    static final String ATTRIBUTE = "gather.call-context";
    /** Longest {@code tracestate} passed on: 32 members of the usual size; a longer one is dropped. */
    static final int MAX_TRACESTATE = 512;

    @Nullable
    private final ExternalTracer tracer;

    TraceContexts(@Nullable ExternalTracer tracer) {
        this.tracer = tracer;
    }

    /** The call context of the request being served, else a new trace under the query's request id. */
    @Override
    public CallContext of(DashboardQuery query) {
        return ServerRequestContext.currentRequest().map(TraceContexts::forRequest).orElseGet(() -> {
            CallContext own = CallContext.newTrace(query.requestId());
            return tracer == null ? own : tracer.adopt(own);
        });
    }

    /** Puts the request's call context in {@code tracer}'s trace (once the tracer has started the request's span). */
    public static CallContext adopt(HttpRequest<?> request, ExternalTracer tracer) {
        CallContext adopted = tracer.adopt(forRequest(request));
        request.setAttribute(ATTRIBUTE, adopted);
        return adopted;
    }

    /** The request's call context, made on first use. */
    public static CallContext forRequest(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, CallContext.class).orElseGet(() -> {
            CallContext context = parse(RequestIds.of(request), only(request, TRACEPARENT), joined(request, TRACESTATE));
            request.setAttribute(ATTRIBUTE, context);
            return context;
        });
    }

    /** The field's one value; none if it is sent twice (W3C Trace Context: then the trace starts anew). */
    @Nullable
    private static String only(HttpRequest<?> request, String name) {
        String first = request.getHeaders().get(name);
        return first == null || request.getHeaders().getAll(name).size() == 1 ? first : null;
    }

    /** The field's values as one list, as a field sent several times is to be read (RFC 9110 §5.3). */
    @Nullable
    private static String joined(HttpRequest<?> request, String name) {
        String first = request.getHeaders().get(name);
        if (first == null) {
            return null;
        }
        List<String> all = request.getHeaders().getAll(name);
        return all.size() == 1 ? first : String.join(",", all);
    }

    /** The context a request with these fields gets. */
    public static CallContext parse(String requestId, @Nullable String traceparent, @Nullable String tracestate) {
        if (traceparent == null || !validParent(traceparent)) {
            return CallContext.newTrace(requestId);
        }
        String traceId = traceparent.substring(3, 35);
        String flags = traceparent.substring(53, 55);
        return new CallContext(requestId, traceId, flags, validState(tracestate) ? tracestate : null);
    }

    /**
     * {@code version-traceid-parentid-flags}, lowercase hex: version {@code 00} is exactly 55 characters; a later
     * version (not {@code ff}) may append {@code -...} fields, which are ignored. Ids must not be all zero.
     */
    static boolean validParent(String v) {
        if (v.length() < 55 || v.charAt(2) != '-' || v.charAt(35) != '-' || v.charAt(52) != '-') {
            return false;
        }
        if (!hex(v, 0, 2) || !hex(v, 3, 35) || !hex(v, 36, 52) || !hex(v, 53, 55)) {
            return false;
        }
        String version = v.substring(0, 2);
        if (version.equals("ff") || (version.equals("00") && v.length() != 55) || (v.length() > 55 && v.charAt(55) != '-')) {
            return false;
        }
        return !zeros(v, 3, 35) && !zeros(v, 36, 52);
    }

    /** A list of {@code key=value} members in printable ASCII, short enough to pass on. */
    static boolean validState(@Nullable String v) {
        if (v == null || v.isEmpty() || v.length() > MAX_TRACESTATE || v.indexOf('=') < 0) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c < 0x20 || c > 0x7e) {
                return false;
            }
        }
        return true;
    }

    private static boolean hex(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            char c = v.charAt(i);
            if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    private static boolean zeros(String v, int from, int to) {
        for (int i = from; i < to; i++) {
            if (v.charAt(i) != '0') {
                return false;
            }
        }
        return true;
    }
}
