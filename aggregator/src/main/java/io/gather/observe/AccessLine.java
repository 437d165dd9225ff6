package io.gather.observe;

import io.gather.dashboard.CallContext;
import io.gather.dashboard.CallContext.SectionOutcome;
import io.gather.dashboard.Section;
import io.gather.dashboard.SectionResult;
import io.gather.dashboard.SectionResult.Missing;
import io.gather.dashboard.SectionResult.Ok;
import io.gather.dashboard.Sections;
import io.gather.http.Problem;
import io.micronaut.core.annotation.Nullable;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * One API request as one log line, as JSON or as text. It holds ids, the route template (never the path: it
 * holds a user id), the client, the view, the status, the total time, and per section what it came to. Never a
 * user id, a token, a claim other than the client, or any downstream data. {@code hungUp} marks a stream whose caller
 * closed the connection before its last event: its 200 was sent, so the status stays what the caller got.
 *
 * <pre>{"ts":"…","requestId":"…","traceId":"…","method":"GET","route":"/api/v1/dashboard","client":"web","view":"full",
 *  "status":200,"totalMs":212,"sections":{"profile":{"outcome":"ok","source":"cached","ageS":12,"ms":0},
 *  "orders":{"outcome":"missing","reason":"timeout","ms":801}, …}}</pre>
 */
final class AccessLine {
    private AccessLine() {
    }

    static String json(CallContext call, String method, String route, @Nullable String client, String view, int status, long totalNanos,
                       @Nullable Problem problem, boolean hungUp) {
        StringBuilder b = new StringBuilder(512);
        b.append("{\"ts\":\"").append(Instant.now()).append('"');
        string(b.append(",\"requestId\":"), call.requestId());
        b.append(",\"traceId\":\"").append(call.traceId()).append('"');
        string(b.append(",\"method\":"), method);
        string(b.append(",\"route\":"), route);
        if (client != null) {
            string(b.append(",\"client\":"), client);
        }
        string(b.append(",\"view\":"), view);
        b.append(",\"status\":").append(status);
        if (hungUp) {
            b.append(",\"hungUp\":true");
        }
        b.append(",\"totalMs\":").append(TimeUnit.NANOSECONDS.toMillis(totalNanos));
        if (problem != null) {
            string(b.append(",\"problem\":"), problem.type());
            if (problem.parameter() != null) {
                string(b.append(",\"parameter\":"), problem.parameter());
            }
        }
        if (anyAsked(call)) {
            b.append(",\"sections\":{");
            boolean first = true;
            for (Section<?> section : Sections.ALL) {
                if (!call.asked(section)) {
                    continue; // not selected (?sections=)
                }
                if (!first) {
                    b.append(',');
                }
                first = false;
                b.append('"').append(section.id()).append("\":");
                SectionOutcome o = call.outcome(section);
                if (o == null) {
                    b.append("{\"outcome\":\"cancelled\"}");
                    continue;
                }
                SectionResult<?> r = o.result();
                if (r instanceof Ok<?> ok) {
                    b.append("{\"outcome\":\"ok\",\"source\":\"").append(ok.source().id()).append('"');
                    if (ok.source() != SectionResult.Source.LIVE) {
                        b.append(",\"ageS\":").append(ok.age().toSeconds());
                    }
                    if (ok.liveFailure() != null) {
                        reason(b, ok.liveFailure());
                    }
                } else {
                    b.append("{\"outcome\":\"missing\"");
                    reason(b, (Missing<?>) r);
                }
                b.append(",\"ms\":").append(TimeUnit.NANOSECONDS.toMillis(o.nanos())).append('}');
            }
            b.append('}');
        }
        return b.append('}').toString();
    }

    static String text(CallContext call, String method, String route, @Nullable String client, String view, int status, long totalNanos,
                       @Nullable Problem problem, boolean hungUp) {
        StringBuilder b = new StringBuilder(256);
        b.append(method).append(' ').append(route).append(' ').append(status).append(' ')
            .append(TimeUnit.NANOSECONDS.toMillis(totalNanos)).append(" ms");
        if (hungUp) {
            b.append(" hungUp=true");
        }
        if (client != null) {
            b.append(" client=");
            visible(b, client);
        }
        b.append(" view=").append(view).append(" requestId=").append(call.requestId()).append(" traceId=").append(call.traceId());
        if (problem != null) {
            b.append(" problem=").append(problem.type());
            if (problem.parameter() != null) {
                b.append(" parameter=").append(problem.parameter());
            }
        }
        if (anyAsked(call)) {
            for (Section<?> section : Sections.ALL) {
                if (!call.asked(section)) {
                    continue;
                }
                b.append(' ').append(section.id()).append('=');
                SectionOutcome o = call.outcome(section);
                if (o == null) {
                    b.append("cancelled");
                    continue;
                }
                if (o.result() instanceof Ok<?> ok) {
                    b.append(ok.source().id());
                    if (ok.liveFailure() != null) {
                        b.append('(').append(ok.liveFailure().reason().id()).append(')');
                    }
                } else {
                    b.append("missing(").append(((Missing<?>) o.result()).reason().id()).append(')');
                }
                b.append('/').append(TimeUnit.NANOSECONDS.toMillis(o.nanos())).append("ms");
            }
        }
        return b.toString();
    }

    /**
     * The token's client as visible ASCII, anything else (a space, CR, LF, ESC, NUL, non-ASCII) as {@code \\uXXXX}: the
     * client is the token issuer's to choose, and a line break in it wrote a forged line into the log.
     */
    static void visible(StringBuilder b, String value) {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c > ' ' && c < 0x7f && c != '\\') {
                b.append(c);
            } else {
                b.append("\\u").append(String.format("%04x", (int) c));
            }
        }
    }

    private static boolean anyAsked(CallContext call) {
        for (Section<?> section : Sections.ALL) {
            if (call.asked(section)) {
                return true;
            }
        }
        return false;
    }

    private static void reason(StringBuilder b, Missing<?> m) {
        b.append(",\"reason\":\"").append(m.reason().id()).append('"');
        if (m.upstreamStatus() != null) {
            b.append(",\"upstreamStatus\":").append(m.upstreamStatus());
        }
    }

    /** {@code s} as a JSON string: quotes, backslashes and control characters escaped. */
    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                default -> {
                    if (c < 0x20 || c == 0x7f || (c >= 0x2028 && c <= 0x2029)) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
