package io.gather.api;

import io.gather.dashboard.SectionResult;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/**
 * How one section of the answer came to be: {@code state} is ok, cached, stale or missing; a missing
 * section says why ({@code reason}: timeout, error-status, bad-body, unavailable, not-allowed).
 */
@Serdeable
public record SectionStatus(
    String state,
    @Nullable String reason,
    @Nullable String detail,
    @Nullable Integer upstreamStatus,
    @Nullable Long retryAfterSeconds,
    long tookMs) {

    static SectionStatus of(SectionResult<?> result) {
        long tookMs = result.took().toMillis();
        if (result instanceof SectionResult.Missing<?> m) {
            return new SectionStatus("missing", m.reason().id(), m.detail(), m.upstreamStatus(), m.retryAfterSeconds(), tookMs);
        }
        SectionResult.Ok<?> ok = (SectionResult.Ok<?>) result;
        String state = ok.source() == SectionResult.Source.LIVE ? "ok" : ok.source().id();
        return new SectionStatus(state, null, null, null, null, tookMs);
    }
}
