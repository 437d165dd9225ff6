package io.gather.api;

import io.gather.dashboard.SectionResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * How one section of the answer came to be: {@code state} is ok (fresh data: fetched for this request, or from
 * Gather's cache while fresh), stale or missing. A stale section has {@code ageSeconds} and says why the live call
 * failed; a missing one says why there is no data ({@code reason}: timeout, error-status, bad-body, unavailable,
 * breaker-open, bulkhead-full, not-allowed). How long each section took, and whether fresh data was live or cached
 * and how old, is in the {@code Server-Timing} field instead (see {@link ServerTiming}): it changes from one request
 * to the next, and must not change the {@code ETag} of an answer whose data did not change.
 */
@Serdeable
public record SectionStatus(
    String state,
    @Nullable Long ageSeconds,
    @Nullable String reason,
    @Nullable String detail,
    @Nullable Integer upstreamStatus,
    @Nullable Long retryAfterSeconds) {

    static final SectionStatus OK = new SectionStatus("ok", null, null, null, null, null);

    static SectionStatus of(SectionResult<?> result) {
        if (result instanceof SectionResult.Missing<?> m) {
            return new SectionStatus("missing", null, m.reason().id(), m.detail(), m.upstreamStatus(), m.retryAfterSeconds());
        }
        SectionResult.Ok<?> ok = (SectionResult.Ok<?>) result;
        if (ok.source() != SectionResult.Source.STALE) {
            return OK;
        }
        SectionResult.Missing<?> why = ok.liveFailure();
        return new SectionStatus("stale", ok.age().toSeconds(), why.reason().id(), why.detail(), why.upstreamStatus(),
            why.retryAfterSeconds());
    }
}
