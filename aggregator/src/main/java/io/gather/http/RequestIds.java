package io.gather.http;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The id that ties a request's logs, its downstream calls ({@code X-Request-Id}) and its answer together.
 * A caller's own id is kept when it is short and plain; anything else is replaced.
 */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    static final String ATTRIBUTE = "gather.request-id";
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    /** The request's id, assigned on first use. */
    public static String of(HttpRequest<?> request) {
        return request.getAttribute(ATTRIBUTE, String.class).orElseGet(() -> {
            String id = choose(request.getHeaders().get(HEADER));
            request.setAttribute(ATTRIBUTE, id);
            return id;
        });
    }

    /** The caller's id if it is short and plain, otherwise a new one. */
    public static String choose(@Nullable String given) {
        return given != null && SAFE.matcher(given).matches() ? given : UUID.randomUUID().toString();
    }
}
