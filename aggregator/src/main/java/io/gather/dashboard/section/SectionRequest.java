package io.gather.dashboard.section;

import java.time.Duration;
import java.util.Objects;

/**
 * What a section call needs to know about the request.
 *
 * @param userId    whose dashboard (a contract user id)
 * @param requestId passed to the downstream as {@code X-Request-Id}, so that logs on both sides line up
 * @param budget    how long until the request's deadline, as the fan-out starts
 */
public record SectionRequest(String userId, String requestId, Duration budget) {
    public SectionRequest {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(budget, "budget");
    }
}
