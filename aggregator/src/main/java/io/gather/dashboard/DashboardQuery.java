package io.gather.dashboard;

import io.gather.auth.Caller;
import io.gather.dashboard.view.View;
import io.gather.dashboard.view.Views;
import java.util.Objects;
import java.util.Set;

/**
 * What was asked: whose dashboard, by whom (user, client, scopes), under which request id, which sections and in
 * which view. Every section call receives it, so that scopes, views and selection can shape a call without
 * widening any signature.
 *
 * @param userId    whose dashboard (a contract user id)
 * @param caller    the verified caller
 * @param requestId passed to the downstreams as {@code X-Request-Id}
 * @param granted   the ids of the sections the caller may see (its scopes, narrowed by its client's settings);
 *                  the others are not called and come back missing with reason not-allowed
 * @param selected  the ids of the sections asked for ({@code ?sections=}); the others are not called and are
 *                  not in the answer at all
 * @param view      what the answer shows of each section's data
 */
public record DashboardQuery(String userId, Caller caller, String requestId, Set<String> granted, Set<String> selected,
                             View view) {
    public DashboardQuery {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(caller, "caller");
        Objects.requireNonNull(requestId, "requestId");
        Objects.requireNonNull(view, "view");
        granted = Set.copyOf(granted);
        selected = Set.copyOf(selected);
    }

    /** Every section, in the full view. */
    public DashboardQuery(String userId, Caller caller, String requestId, Set<String> granted) {
        this(userId, caller, requestId, granted, Set.copyOf(Sections.ids()), Views.FULL);
    }

    /** A query that may see every section. */
    public static DashboardQuery ofAll(String userId, Caller caller, String requestId) {
        return new DashboardQuery(userId, caller, requestId, Set.copyOf(Sections.ids()));
    }

    /** The same query for only {@code sections}, in {@code view}. */
    public DashboardQuery select(Set<String> sections, View view) {
        return new DashboardQuery(userId, caller, requestId, granted, sections, view);
    }

    public boolean mayRead(Section<?> section) {
        return granted.contains(section.id());
    }

    public boolean selects(Section<?> section) {
        return selected.contains(section.id());
    }
}
