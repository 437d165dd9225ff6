package io.gather.clients.orders;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import reactor.core.publisher.Mono;

/** The orders service (optional section). */
@Client(id = OrdersClient.ID)
public interface OrdersClient {
    String ID = "orders";
    /** The contract's bounds for {@code limit}. */
    int MIN_LIMIT = 1;
    int MAX_LIMIT = 50;

    @Get("/users/{userId}/orders{?limit}")
    Mono<HttpResponse<OrderPage>> recentOrders(String userId, @QueryValue int limit, @Header("X-Request-Id") String requestId,
        @Nullable @Header("traceparent") String traceparent, @Nullable @Header("tracestate") String tracestate);
}
