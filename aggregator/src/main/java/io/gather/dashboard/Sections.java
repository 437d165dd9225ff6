package io.gather.dashboard;

import io.gather.clients.notifications.NotificationPage;
import io.gather.clients.notifications.NotificationsClient;
import io.gather.clients.orders.OrderPage;
import io.gather.clients.orders.OrdersClient;
import io.gather.clients.profile.Profile;
import io.gather.clients.profile.ProfileClient;
import io.gather.clients.recommendations.RecommendationPage;
import io.gather.clients.recommendations.RecommendationsClient;
import io.gather.dashboard.section.BadBody;
import io.micronaut.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import reactor.core.publisher.Mono;

/**
 * The dashboard's sections, in the order they appear in the answer. Adding a downstream means a client in
 * {@code clients/} and one line here (plus its URL in configuration); nothing else lists sections.
 */
public final class Sections {
    public static final Section<Profile> PROFILE = Section.required("profile", Profile.class, ProfileClient.class,
        (client, key, call) -> ofUser(key.userId(), client.profile(key.userId(), call.requestId(), call.traceparent(),
            call.downstreamTracestate())));
    public static final Section<OrderPage> ORDERS = Section.optional("orders", OrderPage.class, OrdersClient.class,
        (client, key, call) -> client.recentOrders(key.userId(), key.limit(), call.requestId(), call.traceparent(),
            call.downstreamTracestate()));
    public static final Section<NotificationPage> NOTIFICATIONS = Section.optional("notifications", NotificationPage.class,
        NotificationsClient.class, (client, key, call) -> client.unread(key.userId(), true, key.limit(),
            call.requestId(), call.traceparent(), call.downstreamTracestate()));
    public static final Section<RecommendationPage> RECOMMENDATIONS = Section.optional("recommendations",
        RecommendationPage.class, RecommendationsClient.class,
        (client, key, call) -> client.recommendations(key.userId(), key.limit(), call.requestId(), call.traceparent(),
            call.downstreamTracestate()));

    /** Every section, in answer order. */
    public static final List<Section<?>> ALL = List.of(PROFILE, ORDERS, NOTIFICATIONS, RECOMMENDATIONS);

    private Sections() {
    }

    /** A profile of another user than the one asked for is no answer to the call (a mixed-up cache in front of it). */
    private static Mono<HttpResponse<Profile>> ofUser(String userId, Mono<HttpResponse<Profile>> answer) {
        return answer.handle((response, sink) -> {
            Profile profile = response.getBody().orElse(null);
            if (profile != null && !profile.id().equals(userId)) {
                sink.error(new BadBody("The service answered with another user's profile."));
            } else {
                sink.next(response);
            }
        });
    }

    public static Optional<Section<?>> byId(String id) {
        for (Section<?> s : ALL) {
            if (s.id().equals(id)) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    public static List<String> ids() {
        return ALL.stream().map(Section::id).toList();
    }
}
