package io.gather.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gather.http.Problem;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * The events of a dashboard stream, one JSON object each, with {@code event} saying which: a {@code section} the
 * moment it settles, then one {@code summary}, or an {@code error} that ends the stream instead.
 */
final class StreamEvents {
    static final String SECTION = "section";
    static final String SUMMARY = "summary";
    static final String ERROR = "error";

    private StreamEvents() {
    }

    /**
     * One section as it settled: its status (as in the answer's {@code sections}), its data as the view shows it
     * ({@code null} when missing), how it settled in a few words (as in {@code Server-Timing}), and how long it took.
     */
    @Serdeable
    record SectionEvent(
        String event,
        String section,
        String state,
        @Nullable Long ageSeconds,
        @Nullable String reason,
        @Nullable String detail,
        @Nullable Integer upstreamStatus,
        @Nullable Long retryAfterSeconds,
        @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable Object data,
        String desc,
        double tookMs) {

        static SectionEvent of(String section, SectionStatus s, @Nullable Object data, String desc, double tookMs) {
            return new SectionEvent(SECTION, section, s.state(), s.ageSeconds(), s.reason(), s.detail(), s.upstreamStatus(),
                s.retryAfterSeconds(), data, desc, tookMs);
        }
    }

    /**
     * The end of a stream: what the answer's top level would say, and the {@code ETag} the same request without
     * streaming would have carried (only when complete and not degraded), for a later {@code If-None-Match}.
     */
    @Serdeable
    record SummaryEvent(String event, String userId, boolean complete, boolean degraded, List<String> missing,
                        @Nullable String etag, double tookMs) {
        static SummaryEvent of(DashboardBody body, @Nullable String etag, double tookMs) {
            return new SummaryEvent(SUMMARY, body.userId(), body.complete(), body.degraded(), body.missing(), etag, tookMs);
        }
    }

    /** The stream ends without a dashboard: the problem the same request without streaming would have answered. */
    @Serdeable
    record ErrorEvent(String event, Problem problem) {
        static ErrorEvent of(Problem problem) {
            return new ErrorEvent(ERROR, problem);
        }
    }
}
