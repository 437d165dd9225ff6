package io.gather.clients.profile;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.Header;
import io.micronaut.http.client.annotation.Client;
import reactor.core.publisher.Mono;

/** The profile service (required section). 404 means the user does not exist. */
@Client(id = ProfileClient.ID)
public interface ProfileClient {
    String ID = "profile";

    @Get("/users/{userId}")
    Mono<HttpResponse<Profile>> profile(String userId, @Header("X-Request-Id") String requestId,
        @Nullable @Header("traceparent") String traceparent, @Nullable @Header("tracestate") String tracestate);
}
