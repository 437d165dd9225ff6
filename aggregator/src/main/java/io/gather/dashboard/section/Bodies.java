package io.gather.dashboard.section;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.client.exceptions.EmptyResponseException;
import io.micronaut.http.client.exceptions.HttpClientResponseException;
import reactor.core.publisher.Mono;

/**
 * A downstream response's body. A 2xx without a usable body is an error, classified as a bad body:
 * the client leaves the body empty when it cannot read it, so the media type tells the two apart. Any other
 * status the client hands over as an answer (a redirect, which is never followed, or a 101) is the service's
 * error status, as a 4xx or 5xx is.
 */
public final class Bodies {
    private Bodies() {
    }

    public static <T> Mono<T> of(HttpResponse<T> response) {
        int status = response.code();
        if (status < 200 || status > 299) {
            return Mono.error(new HttpClientResponseException(response.reason(), response));
        }
        return response.getBody().map(Mono::just).orElseGet(() -> {
            MediaType type = response.getContentType().orElse(null);
            if (type != null && !type.getSubtype().endsWith("json")) {
                // Only the media type's name is shown, never the body.
                return Mono.error(new BadBody("The service answered " + type.getName() + " instead of JSON."));
            }
            return Mono.error(new EmptyResponseException());
        });
    }
}
