package io.gather.api;

import io.gather.dashboard.SectionResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * How one section of the answer came to be: {@code state} is ok, cached, stale or missing. A cached or stale
 * section has {@code ageSeconds}; a missing one says why ({@code reason}: timeout, error-status, bad-body,
 * unavailable, breaker-open, bulkhead-full, not-allowed), and so does a stale one (why the live call failed).
 */
@Serdeable
public record SectionStatus(
    String state,
    @Nullable Long ageSeconds,
    @Nullable String reason,
    @Nullable String detail,
    @Nullable Integer upstreamStatus,
    @Nullable Long retryAfterSeconds,
    long tookMs) {

    static SectionStatus of(SectionResult<?> result) {
        long tookMs = result.took().toMillis();
        if (result instanceof SectionResult.Missing<?> m) {
            return new SectionStatus("missing", null, m.reason().id(), m.detail(), m.upstreamStatus(), m.retryAfterSeconds(), tookMs);
        }
        SectionResult.Ok<?> ok = (SectionResult.Ok<?>) result;
        return switch (ok.source()) {
            case LIVE -> new SectionStatus("ok", null, null, null, null, null, tookMs);
            case CACHED -> new SectionStatus("cached", ok.age().toSeconds(), null, null, null, null, tookMs);
            case STALE -> {
                SectionResult.Missing<?> why = ok.liveFailure();
                yield new SectionStatus("stale", ok.age().toSeconds(), why.reason().id(), why.detail(), why.upstreamStatus(),
                    why.retryAfterSeconds(), tookMs);
            }
        };
    }
}
