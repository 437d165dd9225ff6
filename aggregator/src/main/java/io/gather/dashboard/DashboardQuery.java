package io.gather.dashboard;

import io.gather.auth.Caller;
import java.util.Objects;

/**
 * What was asked: whose dashboard, by whom (user, client, scopes), under which request id. Every section
 * call receives it, so that scopes, views and selection can shape a call without widening any signature.
 *
 * @param userId    whose dashboard (a contract user id)
 * @param caller    the verified caller
 * @param requestId passed to the downstreams as {@code X-Request-Id}
 */
public record DashboardQuery(String userId, Caller caller, String requestId) {
    public DashboardQuery {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(requestId, "requestId");
    }
}
