package io.gather.http;

import io.micronaut.context.annotation.Requires;
import io.micronaut.core.order.Ordered;
import io.micronaut.core.util.StringUtils;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.MutableHttpHeaders;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.server.cors.CorsFilter;
import java.util.ArrayList;
import java.util.List;

/**
 * With CORS on, every answer varies by {@code Origin}: whether it carries {@code Access-Control-Allow-Origin} depends
 * on it. Micronaut's CORS filter says so only on answers to a listed origin, so a browser's cache (which honours
 * {@code private, max-age}) could give a page on a listed origin the answer it kept for a request without
 * {@code Origin}, which names no origin, and the page could not read it (the Fetch standard asks for
 * {@code Vary: Origin} on all of them). This adds {@code Origin} to every answer's {@code Vary} and merges the field
 * into one list, {@code Origin} once, after the CORS filter has added its own. With CORS off it does not exist.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Requires(property = "micronaut.server.cors.enabled", value = StringUtils.TRUE)
final class CorsVary implements Ordered {
    private static final String ORIGIN = HttpHeaders.ORIGIN;

    @Override
    public int getOrder() {
        return CorsFilter.CORS_FILTER_ORDER - 2;     // its answer phase runs after the CORS filter's and CorsRefusalProblem's
    }

    @ResponseFilter
    void varyByOrigin(MutableHttpResponse<?> response) {
        MutableHttpHeaders headers = response.getHeaders();
        headers.set(HttpHeaders.VARY, merged(headers.getAll(HttpHeaders.VARY)));
    }

    /** The members of every {@code Vary} field in order, each once (names compared without case), then Origin. */
    static String merged(List<String> fields) {
        List<String> names = new ArrayList<>(5);
        for (String field : fields) {
            for (String member : field.split(",")) {
                String name = member.strip();
                if (name.equals("*")) {
                    return "*";             // varies by everything: nothing to add
                }
                if (!name.isEmpty() && !listed(names, name)) {
                    names.add(name);
                }
            }
        }
        if (!listed(names, ORIGIN)) {
            names.add(ORIGIN);
        }
        return String.join(", ", names);
    }

    private static boolean listed(List<String> names, String name) {
        for (String listed : names) {
            if (listed.equalsIgnoreCase(name)) {
                return true;
            }
        }
        return false;
    }
}
