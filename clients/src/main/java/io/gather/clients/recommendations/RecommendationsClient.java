package io.gather.clients.recommendations;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.client.annotation.Client;
import reactor.core.publisher.Mono;

/** The recommendations service (optional section). */
@Client(id = RecommendationsClient.ID)
public interface RecommendationsClient {
    String ID = "recommendations";

    @Get("/users/{userId}/recommendations{?limit}")
    Mono<HttpResponse<RecommendationPage>> recommendations(String userId, @QueryValue int limit,
                                                           @Header("X-Request-Id") String requestId,
        @Nullable @Header("traceparent") String traceparent, @Nullable @Header("tracestate") String tracestate);
}
