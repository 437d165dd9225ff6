package io.gather.dashboard.view;

import io.gather.dashboard.Sections;
import java.util.List;
import java.util.Optional;

/**
 * Every view, declared once. {@code full} (the default) is each section as its downstream's contract has it;
 * {@code compact} is what a phone's first screen needs: the display name and avatar, the last three orders with
 * status and total, the unread count with the three newest titles, and the top three recommendations without
 * images or scores; its {@code sections} names only the sections that are not ok. A compact answer is under a
 * quarter of a full one (README, "Views").
 */
public final class Views {
    /** Items a compact list keeps. */
    public static final int COMPACT_ITEMS = 3;

    public static final View FULL = View.identity("full");
    public static final View COMPACT = View.named("compact")
        .show(Sections.PROFILE, CompactProfile::of)
        .show(Sections.ORDERS, CompactOrders::of)
        .show(Sections.NOTIFICATIONS, CompactNotifications::of)
        .show(Sections.RECOMMENDATIONS, CompactRecommendations::of)
        .onlyProblemStatuses()
        .build();

    /** Every view; the first is the default. */
    public static final List<View> ALL = List.of(FULL, COMPACT);

    private Views() {
    }

    public static Optional<View> byId(String id) {
        return ALL.stream().filter(v -> v.id().equals(id)).findFirst();
    }

    public static List<String> ids() {
        return ALL.stream().map(View::id).toList();
    }
}
