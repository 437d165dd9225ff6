package io.gather.api;

import io.gather.dashboard.Dashboard;
import io.gather.dashboard.Section;
import io.gather.dashboard.SectionResult;
import java.util.Map;

/**
 * The {@code Server-Timing} field (W3C Server Timing) of a dashboard answer: for each selected section how long it
 * took and how it settled, then the whole request, e.g.
 * <pre>
 * profile;dur=52.1;desc="live", orders;dur=0.2;desc="cached 4s", notifications;dur=800.3;desc="missing timeout",
 * recommendations;dur=81.0;desc="stale 95s error-status", total;dur=803.4
 * </pre>
 * These are what changes from one request to the next for the same data (times, live or cached, ages), so they
 * travel here, outside the body that the {@code ETag} covers. Browsers show them in the network panel.
 */
final class ServerTiming {
    static final String FIELD = "Server-Timing";

    private ServerTiming() {
    }

    static String of(Dashboard d, long totalNanos) {
        StringBuilder b = new StringBuilder(48 * (d.sections().size() + 1));
        for (Map.Entry<Section<?>, SectionResult<?>> e : d.sections().entrySet()) {
            SectionResult<?> r = e.getValue();
            b.append(e.getKey().id()).append(";dur=");
            millis(b, r.took().toNanos());
            b.append(";desc=\"").append(describe(r)).append("\", ");
        }
        b.append("total;dur=");
        millis(b, totalNanos);
        return b.toString();
    }

    /** How a section settled, in a few words: live, cached 4s, stale 95s timeout, missing breaker-open. */
    static String describe(SectionResult<?> r) {
        if (r instanceof SectionResult.Missing<?> m) {
            return "missing " + m.reason().id();
        }
        SectionResult.Ok<?> ok = (SectionResult.Ok<?>) r;
        return switch (ok.source()) {
            case LIVE -> "live";
            case CACHED -> "cached " + ok.age().toSeconds() + "s";
            case STALE -> "stale " + ok.age().toSeconds() + "s " + ok.liveFailure().reason().id();
        };
    }

    /** Milliseconds with one decimal, without String.format. */
    static void millis(StringBuilder b, long nanos) {
        long tenths = Math.max(0, (nanos + 50_000) / 100_000);
        b.append(tenths / 10).append('.').append(tenths % 10);
    }
}
