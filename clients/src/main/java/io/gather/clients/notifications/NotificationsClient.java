package io.gather.clients.notifications;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import reactor.core.publisher.Mono;

/** The notifications service (optional section). */
@Client(id = NotificationsClient.ID)
public interface NotificationsClient {
    String ID = "notifications";

    @Get("/users/{userId}/notifications{?unread,limit}")
    Mono<HttpResponse<NotificationPage>> unread(String userId, @QueryValue boolean unread, @QueryValue int limit,
                                                @Header("X-Request-Id") String requestId,
        @Nullable @Header("traceparent") String traceparent, @Nullable @Header("tracestate") String tracestate);
}
