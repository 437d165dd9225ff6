package io.gather.dashboard;

import io.gather.clients.notifications.NotificationPage;
import io.gather.clients.orders.OrderPage;
import io.gather.clients.profile.Profile;
import io.gather.clients.recommendations.RecommendationPage;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One user's dashboard: every section's result, in section order. It is complete when every section
 * has data; an incomplete dashboard is still an answer, and says which sections are missing and why.
 */
public record Dashboard(String userId, Map<SectionName, SectionResult<?>> sections) {
    public Dashboard {
        Objects.requireNonNull(userId, "userId");
        EnumMap<SectionName, SectionResult<?>> copy = new EnumMap<>(SectionName.class);
        copy.putAll(sections);
        for (SectionName name : SectionName.values()) {
            if (!copy.containsKey(name)) {
                throw new IllegalArgumentException("no result for section " + name.id());
            }
        }
        sections = Collections.unmodifiableMap(copy);
    }

    public boolean complete() {
        return sections.values().stream().allMatch(r -> r instanceof SectionResult.Ok);
    }

    public List<SectionName> missing() {
        return sections.entrySet().stream()
            .filter(e -> e.getValue() instanceof SectionResult.Missing)
            .map(Map.Entry::getKey)
            .toList();
    }

    public SectionResult<?> result(SectionName name) {
        return sections.get(name);
    }

    public Profile profile() {
        return valueOf(SectionName.PROFILE, Profile.class);
    }

    public OrderPage orders() {
        return valueOf(SectionName.ORDERS, OrderPage.class);
    }

    public NotificationPage notifications() {
        return valueOf(SectionName.NOTIFICATIONS, NotificationPage.class);
    }

    public RecommendationPage recommendations() {
        return valueOf(SectionName.RECOMMENDATIONS, RecommendationPage.class);
    }

    /** The section's data, or null when it is missing. */
    private <T> T valueOf(SectionName name, Class<T> type) {
        return sections.get(name) instanceof SectionResult.Ok<?> ok ? type.cast(ok.value()) : null;
    }
}
