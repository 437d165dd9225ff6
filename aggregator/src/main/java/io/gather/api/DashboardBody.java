package io.gather.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.gather.clients.notifications.NotificationPage;
import io.gather.clients.orders.OrderPage;
import io.gather.clients.profile.Profile;
import io.gather.clients.recommendations.RecommendationPage;
import io.gather.dashboard.Dashboard;
import io.gather.dashboard.SectionName;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The full dashboard as JSON. Every section key is always present ({@code null} when missing), so the
 * shape is stable; {@code complete} and {@code missing} say at a glance whether anything is left out, and
 * {@code sections} says for each section how it came to be.
 */
@Serdeable
public record DashboardBody(
    String userId,
    boolean complete,
    @JsonInclude(JsonInclude.Include.ALWAYS) Profile profile,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable OrderPage orders,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable NotificationPage notifications,
    @JsonInclude(JsonInclude.Include.ALWAYS) @Nullable RecommendationPage recommendations,
    List<String> missing,
    Map<String, SectionStatus> sections) {

    static DashboardBody of(Dashboard d) {
        Map<String, SectionStatus> sections = new LinkedHashMap<>();
        for (SectionName name : SectionName.values()) {
            sections.put(name.id(), SectionStatus.of(d.result(name)));
        }
        return new DashboardBody(d.userId(), d.complete(), d.profile(), d.orders(), d.notifications(), d.recommendations(),
            d.missing().stream().map(SectionName::id).toList(), sections);
    }
}
