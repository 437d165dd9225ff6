package io.gather.dashboard;

import io.gather.auth.Caller;
import java.util.Objects;
import java.util.Set;

/**
 * What was asked: whose dashboard, by whom (user, client, scopes), under which request id. Every section
 * call receives it, so that scopes, views and selection can shape a call without widening any signature.
 *
 * @param userId    whose dashboard (a contract user id)
 * @param caller    the verified caller
 * @param requestId passed to the downstreams as {@code X-Request-Id}
 * @param granted   the ids of the sections the caller may see (its scopes, narrowed by its client's settings);
 *                  the others are not called and come back missing with reason not-allowed
 */
public record DashboardQuery(String userId, Caller caller, String requestId, Set<String> granted) {
    public DashboardQuery {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(requestId, "requestId");
        granted = Set.copyOf(granted);
    }

    /** A query that may see every section. */
    public static DashboardQuery ofAll(String userId, Caller caller, String requestId) {
        return new DashboardQuery(userId, caller, requestId, Set.copyOf(Sections.ids()));
    }

    public boolean mayRead(Section<?> section) {
        return granted.contains(section.id());
    }
}
