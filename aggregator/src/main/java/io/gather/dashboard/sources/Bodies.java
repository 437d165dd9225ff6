package io.gather.dashboard.sources;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.client.exceptions.EmptyResponseException;
import reactor.core.publisher.Mono;

/** A downstream response's body; a 2xx without one is an error (classified as a bad body). */
final class Bodies {
    private Bodies() {
    }

    static <T> Mono<T> of(HttpResponse<T> response) {
        return response.getBody().map(Mono::just).orElseGet(() -> Mono.error(new EmptyResponseException()));
    }
}
