package io.gather.api;

import io.gather.http.QValues;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.MediaType;
import java.util.Locale;

/**
 * How a dashboard is sent, chosen by {@code Accept}: one JSON document (the default, also for {@code *}/{@code *}
 * and any type Gather does not stream), or a stream of one event per section as it settles, as NDJSON or as
 * server-sent events. The media type with the highest {@code q} wins; on a tie, the one listed first. The answer's
 * {@code Content-Type} is always one of Gather's own three, never the caller's parameters.
 */
enum DashboardFormat {
    JSON(MediaType.APPLICATION_JSON),
    NDJSON("application/x-ndjson"),
    SSE(MediaType.TEXT_EVENT_STREAM);

    final String mediaType;

    DashboardFormat(String mediaType) {
        this.mediaType = mediaType;
    }

    static DashboardFormat of(HttpRequest<?> request) {
        DashboardFormat best = JSON;
        double bestQ = 0;
        for (String field : request.getHeaders().getAll(HttpHeaders.ACCEPT)) {
            for (String member : field.split(",")) {
                int semicolon = member.indexOf(';');
                String type = (semicolon < 0 ? member : member.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
                double q = semicolon < 0 ? 1 : QValues.of(member.substring(semicolon + 1));
                DashboardFormat format = type.equals(NDJSON.mediaType) ? NDJSON : type.equals(SSE.mediaType) ? SSE : JSON;
                if (q > bestQ) {
                    best = format;
                    bestQ = q;
                }
            }
        }
        return best;
    }
}
