package io.gather.http.front;

import io.gather.http.QValues;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaders;
import java.util.Locale;

/**
 * Chooses an answer's content coding from {@code Accept-Encoding} (RFC 9110 section 12.5.3) among the two Gather
 * serves, gzip and deflate, and leaves Micronaut's compressor only that choice. Left to itself the compressor answered
 * {@code *} with snappy, which no browser or HTTP library decodes, read {@code GZIP} as no coding, and ignored an
 * {@code identity} preferred over gzip. Codings are compared without case; {@code q} decides, gzip before deflate on a
 * tie; a coding not named takes {@code *}'s {@code q}; identity, unless named or excluded by {@code *;q=0}, does not
 * compete (compressing is the server's choice then).
 */
final class ContentCodings {
    static final String GZIP = "gzip";
    static final String DEFLATE = "deflate";

    private ContentCodings() {
    }

    /** Rewrites the request's {@code Accept-Encoding} to the one coding chosen, or removes it for none. */
    static void choose(HttpHeaders headers) {
        if (!headers.contains(HttpHeaderNames.ACCEPT_ENCODING)) {
            return;
        }
        String chosen = chosen(headers.getAll(HttpHeaderNames.ACCEPT_ENCODING));
        if (chosen == null) {
            headers.remove(HttpHeaderNames.ACCEPT_ENCODING);
        } else {
            headers.set(HttpHeaderNames.ACCEPT_ENCODING, chosen);
        }
    }

    static String chosen(Iterable<String> fields) {
        double gzip = -1;
        double deflate = -1;
        double identity = -1;
        double star = -1;
        for (String field : fields) {
            for (String member : field.split(",")) {
                int semicolon = member.indexOf(';');
                String coding = (semicolon < 0 ? member : member.substring(0, semicolon)).strip().toLowerCase(Locale.ROOT);
                double q = semicolon < 0 ? 1 : QValues.of(member.substring(semicolon + 1));
                switch (coding) {
                    case GZIP, "x-gzip" -> gzip = Math.max(gzip, q);
                    case DEFLATE -> deflate = Math.max(deflate, q);
                    case "identity" -> identity = Math.max(identity, q);
                    case "*" -> star = Math.max(star, q);
                    default -> { }
                }
            }
        }
        double g = gzip >= 0 ? gzip : Math.max(star, 0);
        double d = deflate >= 0 ? deflate : Math.max(star, 0);
        double best = Math.max(g, d);
        if (best <= 0 || identity > best) {
            return null;
        }
        return g >= d ? GZIP : DEFLATE;
    }
}
